package dev.evosld.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadableSignsTest {
    private static final List<String> FEATURES = List.of("N", "D");
    private static final List<String> NAMES = List.of("N", "D", "a", "b", "c");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "E + -2*A*N^a + A*D^b                  | E - 2 * A * N^a + A * D^b",
        "E + -1*A2*D^A1                        | E - A2 * D^A1",
        "E + A*-1*N                            | E - A * N",
        "E + N*(-1)                            | E - N",
        "E + (-3)                              | E - 3",
        "E + -N                                | E - N",
        "E + -(A*N)                            | E - A * N",
        "E - -2*N                              | E + 2 * N",
        "E - -N*-D                             | E - N * D",
        "E + -(-N)                             | E + N",
        "E + -2*N/D                            | E - 2 * N / D",
        "E + N/(-2)                            | E - N / 2",
        "E + N/(-1)                            | E - N",
        "E + -1/N                              | E - 1 / N",
        "E + A*(-N)^a                          | E + A * (-N)^a",
        "E + -0*N                              | E - 0 * N",
        "-2*N + E                              | -2 * N + E",
        "-N - E                                | -N - E",
        "exp(a*N + -1*b*D)                     | exp(a * N - b * D)",
        "(k + -2*N)^2 + -1*(c + -D)            | (k - 2 * N)^2 - (c - D)",
        "E + A*N^(-a)                          | E + A * N^(-a)",
        "E + min(-1*N, D)                      | E + min(-N, D)",
    })
    void writesALaterTermsSignAsAMinus(String formula, String written) {
        assertEquals(written, ReadableSigns.of(Law.parse(formula, FEATURES)).toString());
    }

    @Test
    void keepsTheLawsNamesInTheirOrder() {
        Law law = Law.parse("E + -1*A*N^a + -2*B*D^a", FEATURES);
        Law written = ReadableSigns.of(law);
        assertEquals(List.of("N", "D"), written.variables());
        assertEquals(List.of("E", "A", "a", "B"), written.parameters());
        assertEquals(written, Law.parse(written.toString(), FEATURES), "the law a reader of law.json parses");
    }

    @Test
    void theWrittenLawComputesExactlyTheSameDoublesAndReadsBackToThem() {
        AtomicInteger rewritten = new AtomicInteger();
        qt().withFixedSeed(35L).withExamples(4000).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = RandomExprs.any(seed, NAMES, 6);
            Expr written = ReadableSigns.of(expr);
            if (!written.equals(expr)) {
                rewritten.incrementAndGet();
            }
            String printed = LawPrinter.print(written);
            Expr reread = LawParser.parse(printed);
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < 8; i++) {
                Map<String, Double> point = point(random);
                long expected = Double.doubleToLongBits(expr.evaluate(point::get));
                assertEquals(expected, Double.doubleToLongBits(written.evaluate(point::get)), expr + " -> " + printed);
                assertEquals(expected, Double.doubleToLongBits(reread.evaluate(point::get)), "reread " + printed);
            }
        });
        assertTrue(rewritten.get() > 250, "only " + rewritten.get() + " of the trees had a sign to move");
    }

    @Test
    void writingIsIdempotentAndLeavesNoSignedTermInASum() {
        qt().withFixedSeed(36L).withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Expr written = ReadableSigns.of(RandomExprs.any(seed, NAMES, 6));
            assertEquals(written, ReadableSigns.of(written));
            String printed = LawPrinter.print(written);
            assertFalse(printed.contains(" + -") || printed.contains(" - -"), printed);
        });
    }

    @Test
    void aLawAsTheSearchReportsItWritesOutNoPartThatChangesNothing() {
        // the search keeps N / N, for its keys' sake, and a reported law read A / (N / N) + D^b
        Map<String, List<String>> found = new java.util.TreeMap<>();
        AtomicInteger compared = new AtomicInteger();
        AtomicInteger shortened = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        qt().withFixedSeed(41L).withExamples(10000).forAll(longs().all()).checkAssert(seed -> {
            Expr expr = seed % 3 == 0 ? RandomExprs.modest(seed, NAMES, 6) : RandomExprs.searched(seed, NAMES, 7);
            Law simplified = Simplifier.simplify(Law.of(expr, FEATURES));
            // a law whose variables cancel is never reported as a law, and is shown with them where it is named
            if (simplified.variables().isEmpty() || Simplifier.isConstant(simplified)) {
                return;
            }
            Law written = ReadableSigns.of(simplified);
            String printed = written.toString();
            if (!written.expr().equals(ReadableSigns.of(simplified.expr()))) {
                shortened.incrementAndGet();
            }
            if (written.variables().size() < simplified.variables().size()) {
                cancelled.incrementAndGet();
            }
            assertEquals(written, Law.parse(printed, FEATURES), "read back: " + printed);
            assertEquals(simplified.parameters(), written.parameters(), simplified + " -> " + printed);
            assertTrue(simplified.variables().containsAll(written.variables()), simplified + " -> " + printed);
            redundantParts(written, written.expr(), found, simplified + " -> " + printed);
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < 8; i++) {
                Map<String, Double> point = positivePoint(simplified, random);
                double expected = simplified.expr().evaluate(point::get);
                // a part that changes nothing where the law is defined, x / x, may be undefined where the law is
                if (!Double.isNaN(expected)) {
                    compared.incrementAndGet();
                    assertEquals(Double.doubleToLongBits(expected),
                        Double.doubleToLongBits(written.expr().evaluate(point::get)), simplified + " -> " + printed);
                }
            }
        });
        Map<String, String> summary = new java.util.TreeMap<>();
        found.forEach((kind, parts) -> summary.put(kind, parts.size() + " such as " + parts.getFirst()));
        assertEquals(Map.of(), summary);
        assertTrue(compared.get() > 20_000, "compared " + compared.get());
        assertTrue(shortened.get() > 80, "only " + shortened.get() + " of the laws had a part to leave out");
        assertTrue(cancelled.get() > 2, "only " + cancelled.get() + " of the laws had a variable cancel");
    }

    /**
     * Each part of {@code e}, a part of {@code written}, that changes nothing, by the kind of part, with the law it is
     * in; a quotient or difference of alike parts may stay where a parameter would go with it.
     */
    private static void redundantParts(Law written, Expr e, Map<String, List<String>> found, String law) {
        // a part of literals alone is as the simplifier left it, which folds all that are finite: log(-1.24) + 0 is NaN
        if (!(e instanceof Expr.Apply a) || Law.of(a, FEATURES).parameters().isEmpty() && Law.of(a, FEATURES)
                .variables().isEmpty()) {
            return;
        }
        a.args().forEach(arg -> redundantParts(written, arg, found, law));
        java.util.Set<String> outside = new java.util.HashSet<>();
        namesOutsideAlikeParts(written.expr(), outside);
        boolean[] holdsOnlyHere = {false};
        a.forEachNode(node -> holdsOnlyHere[0] |= node instanceof Expr.Sym sym && !FEATURES.contains(sym.name())
            && !outside.contains(sym.name()));
        // fitted values are given in the order of the law's parameters, which a part cancelled alone may change
        boolean cancels = isAlikePart(a) && !holdsOnlyHere[0]
            && Law.of(replaced(written.expr(), a, Expr.num(1)), FEATURES).parameters().equals(written.parameters());
        String kind = switch (a.op()) {
            case MUL -> isNumber(a.arg(0), 1) || isNumber(a.arg(1), 1) ? "x*1"
                : isNumber(a.arg(0), -1) || isNumber(a.arg(1), -1) ? "-1*x" : null;
            case DIV -> isNumber(a.arg(1), 1) ? "x/1" : isNumber(a.arg(1), -1) ? "x/-1" : cancels ? "x/x" : null;
            case POW -> isNumber(a.arg(1), 1) ? "x^1" : null;
            case SUB -> cancels ? "x-x" : isNumber(a.arg(1), 0) ? "x-0" : null;
            case ADD -> isNumber(a.arg(0), 0) || isNumber(a.arg(1), 0) ? "x+0" : null;
            case NEG -> a.arg(0) instanceof Expr.Apply inner && inner.op() == Operator.NEG ? "--x" : null;
            case MIN, MAX -> alike(a.arg(0), a.arg(1)) ? "min(x,x)" : null;
            case ABS -> a.arg(0) instanceof Expr.Apply inner && inner.op() == Operator.ABS ? "abs(abs(x))" : null;
            default -> null;
        };
        if (kind != null) {
            found.computeIfAbsent(kind, k -> new java.util.ArrayList<>()).add(a + " in " + law);
        }
    }

    /** {@code e} with the part {@code part} (that very one) replaced. */
    private static Expr replaced(Expr e, Expr part, Expr by) {
        if (e == part) {
            return by;
        }
        return e instanceof Expr.Apply a
            ? new Expr.Apply(a.op(), a.args().stream().map(arg -> replaced(arg, part, by)).toList()) : e;
    }

    private static boolean isAlikePart(Expr.Apply a) {
        return (a.op() == Operator.DIV || a.op() == Operator.SUB) && alike(a.arg(0), a.arg(1));
    }

    /** The names of {@code e} outside its quotients and differences of alike parts, whose parameters they keep. */
    private static void namesOutsideAlikeParts(Expr e, java.util.Set<String> names) {
        switch (e) {
            case Expr.Sym sym -> names.add(sym.name());
            case Expr.Apply a when !isAlikePart(a) -> a.args().forEach(arg -> namesOutsideAlikeParts(arg, names));
            default -> {
            }
        }
    }

    private static boolean isNumber(Expr e, double value) {
        return e instanceof Expr.Num n && n.value() == value;
    }

    /** Whether two expressions are one but for the order of a sum's terms or a product's factors. */
    private static boolean alike(Expr x, Expr y) {
        return LawPrinter.print(ordered(x)).equals(LawPrinter.print(ordered(y)));
    }

    private static Expr ordered(Expr e) {
        if (!(e instanceof Expr.Apply a)) {
            return e;
        }
        List<Expr> args = a.args().stream().map(ReadableSignsTest::ordered).toList();
        if (a.op().isCommutative() && LawPrinter.print(args.get(0)).compareTo(LawPrinter.print(args.get(1))) > 0) {
            args = List.of(args.get(1), args.get(0));
        }
        return new Expr.Apply(a.op(), args);
    }

    /** The law's variables from 0.5 to 5e4 and its parameters of either sign, as a fitted law meets them. */
    private static Map<String, Double> positivePoint(Law law, SplittableRandom random) {
        Map<String, Double> point = new HashMap<>();
        law.variables().forEach(name -> point.put(name, 0.5 * Math.pow(10, random.nextDouble(0, 5))));
        law.parameters().forEach(name -> point.put(name, random.nextDouble(-3, 3)));
        return point;
    }

    /** Values of every name, of both signs and magnitudes from tiny to huge, zeros included. */
    private static Map<String, Double> point(SplittableRandom random) {
        Map<String, Double> point = new HashMap<>();
        for (String name : NAMES) {
            double value = switch (random.nextInt(6)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> random.nextDouble(-1e300, 1e300);
                case 3 -> random.nextDouble(-1e-300, 1e-300);
                default -> random.nextDouble(-10, 10);
            };
            point.put(name, value);
        }
        return point;
    }
}
