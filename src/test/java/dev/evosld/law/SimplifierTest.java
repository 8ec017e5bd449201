package dev.evosld.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimplifierTest {
    private static final List<String> FEATURES = List.of("N", "D");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "E + A*N^(-alpha)            | E + A * N^p1",
        "exp(a)*N                    | p1 * N",
        "a*b*N                       | p1 * N",
        "a*N*b                       | p1 * N",
        "a*N + a*D                   | a * N + a * D",
        "exp(a)*N + a*D              | exp(a) * N + a * D",
        "N*1 + 0                     | N",
        "N^1 + D^0                   | N + 1",
        "-(-N)                       | N",
        "2*3 + N                     | 6 + N",
        "a + N + b                   | p1 + N",
        "a - N - b                   | p1 - N",
        "log(2*a*N)                  | log(p1 * N)",
        "A/(D^alpha + B) + C         | A / (D^alpha + B) + C",
        "N/1                         | N",
        "a + b                       | p1",
        "a*b*N + b*D                 | p1 * N + b * D",
        "a + b + N^b                 | p1 + N^b",
        "N^b*(c*exp(b)) + D          | N^b * p1 + D",
        "N^b*b + D^b                 | N^b * b + D^b",
        "a*N^b + c*D^b*D^b           | a * N^b + c * D^(2 * b)",
        "c*D^a*D^b                   | c * D^p1",
        "c*N*N + N                   | c * N^2 + N",
        "c*N^a*N + a                 | c * N^(a + 1) + a",
        "a + b*log(N) - -1*log(D)    | a + b * log(N) + log(D)",
        "a + b*N + -0.5*D^b          | a + b * N - 0.5 * D^b",
        "N - 2 + a*D                 | N - 2 + a * D",
        "N + -(D) + a                | N - D + a",
        "a + N*D + D*N - N*D         | a + D * N",
        "a + log(N) - log(N)*1 + D^c | a + D^c",
        "a/N*2 + D                   | a / N + D",
        "N/(a*D)/2                   | N / (a * D)",
        "2/(a*N) + b*N               | 1 / (a * N) + b * N",
        "a/N*2 + a*D                 | a / N * 2 + a * D",
    })
    void simplifies(String formula, String simplified) {
        assertEquals(simplified, Simplifier.simplify(Law.parse(formula, FEATURES)).toString());
    }

    @Test
    void neverAddsParameters() {
        qt().withFixedSeed(3L).withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            Law law = Law.of(RandomExprs.modest(seed, List.of("N", "D", "a", "b", "c"), 6), FEATURES);
            Law simplified = Simplifier.simplify(law);
            assertTrue(simplified.parameterCount() <= law.parameterCount(), law + " -> " + simplified);
            assertTrue(simplified.expr().size() <= law.expr().size(), law + " -> " + simplified);
            assertEquals(simplified, Simplifier.simplify(simplified), "idempotent on " + law);
        });
    }

    @Test
    void mergingPowersAndLikeTermsKeepsTheValue() {
        java.util.Random random = new java.util.Random(5);
        for (String formula : List.of("a*N^b + c*D^b*D^b", "c*N*N + N", "c*N^a*N + a", "a + b*log(N) - -1*log(D)",
                "a + b*N + -0.5*D^b + D^b", "a + N*D + D*N - N*D - 3*D*N")) {
            Law law = Law.parse(formula, FEATURES);
            Law simplified = Simplifier.simplify(law);
            for (int i = 0; i < 20; i++) {
                Map<String, Double> values = new java.util.HashMap<>();
                for (String name : List.of("N", "D", "a", "b", "c")) {
                    values.put(name, 0.1 + 10 * random.nextDouble());
                }
                double expected = law.expr().evaluate(values::get);
                assertEquals(expected, simplified.expr().evaluate(values::get), 1e-9 * Math.abs(expected), formula);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // met at --budget 1: the simplifier keeps N / N, so each of these is a constant written as a law of N
        "A * (N / N)                               | true",
        "E - N / N                                 | true",
        "A / (N / N)                               | true",
        "-(N / N + E)                              | true",
        "exp(alpha - N / N)                        | true",
        "N / (N / k)                               | true",
        "-(A / N * (-N))                           | true",
        "(1 / N * (N / k))^1.2840254166877414      | true",
        "(N / N)^0.7071067811865476 + p0           | true",
        "sqrt(N) * sqrt(N) / N * a                 | true",
        "N^a / N^a + log(D * N / (N * D)) * b      | true",
        "a * (N + D) / (D + N)                     | true",
        "(N - N) * a + b                           | true",
        "a + b                                     | true",
        "A * N^alpha                               | false",
        "k / N + k                                 | false",
        "A / (N / N) + D^b                         | false",
        "N / (N / k) * log(D)                      | false",
        "N / (0.5 * N) + alpha * log(1 / (0.5 / N^alpha)) | false",
        "N^a / N^b                                 | false",
        "N * N / N                                 | false",
        "a * (N + D) / (D + 2 * N)                 | false",
        "N^(1 / 0) / N^(1 / 0)                     | true",
        "(N / N)^(1 / 0) * D                       | false",
        // through a logarithm or an exponential: constants wherever they are defined
        "log(N^2) - 2*log(N)                       | true",
        "exp(log(N)) / N                           | true",
        "log(N*D) - log(N) - log(D)                | true",
        "A + B*(log(N*D) - log(N) - log(D))        | true",
        "A * exp(log(N) - log(D)) * D / N          | true",
        "exp(a + log(N)) / N                       | true",
        "log(exp(N) / exp(D)) - N + D + E          | true",
        "sqrt(exp(2*log(N))) / N + a               | true",
        // constants only for some values of their parameters, or of one sign of a variable, or below rounding alone
        "log(N^a) - log(N)                         | false",
        "exp(a*log(N)) / N                         | false",
        "N^(a - b)                                 | false",
        "A*N^(a - b) + E                           | false",
        "max(N, a)                                 | false",
        "min(a, 0) * N + b                         | false",
        "abs(N) / N                                | false",
        "exp(log(N^2) / 2) / N                     | false",
        "A * abs(log(N)) / log(N)                  | false",
        "A + 1e-9 * N                              | false",
        "log(N*D^a) - log(N) - log(D)              | false",
    })
    void aLawIsConstantWhenItsVariablesCancel(String formula, boolean constant) {
        assertEquals(constant, Simplifier.isConstant(Law.parse(formula, FEATURES)));
        assertEquals(constant, Simplifier.isConstant(Simplifier.simplify(Law.parse(formula, FEATURES))), "simplified");
    }

    @Test
    void lawsWhoseVariablesCancelThroughLogarithmsAndExponentialsAreConstantsAndNoOthers() {
        qt().withFixedSeed(38L).withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            Expr constant = aroundConstant(random, cancelled(random, increasing(random, 3), increasing(random, 3)));
            assertTrue(Simplifier.isConstant(Law.of(constant, FEATURES)), constant.toString());
            assertTrue(Simplifier.isConstant(Simplifier.simplify(Law.of(constant, FEATURES))),
                "simplified " + constant);

            // a constant beside a term that varies, or a law constant only where a parameter takes one value
            Expr u = increasing(random, 3);
            Expr varying = switch (random.nextInt(5)) {
                case 0 -> Expr.add(constant, Expr.mul(Expr.sym("b"), u));
                case 1 -> Expr.sub(Expr.log(Expr.pow(u, Expr.sym("a"))), Expr.log(u));
                case 2 -> Expr.div(Expr.exp(Expr.mul(Expr.sym("a"), Expr.log(u))), u);
                case 3 -> Expr.mul(Expr.sym("c"), Expr.pow(u, Expr.sub(Expr.sym("a"), Expr.sym("b"))));
                default -> Expr.add(constant, Expr.exp(Expr.mul(Expr.sym("b"), Expr.log(u))));
            };
            assertFalse(Simplifier.isConstant(Law.of(varying, FEATURES)), varying.toString());
            assertFalse(Simplifier.isConstant(Simplifier.simplify(Law.of(varying, FEATURES))), "simplified " + varying);
        });
    }

    /** A positive expression of N and D that rises with each it holds, so it varies for positive N and D. */
    private static Expr increasing(java.util.SplittableRandom random, int depth) {
        if (depth <= 1 || random.nextInt(10) < 3) {
            return Expr.sym(FEATURES.get(random.nextInt(FEATURES.size())));
        }
        Expr x = increasing(random, depth - 1);
        return switch (random.nextInt(6)) {
            case 0 -> Expr.mul(x, increasing(random, depth - 1));
            case 1 -> Expr.add(x, increasing(random, depth - 1));
            case 2 -> Expr.pow(x, Expr.num(new double[] {0.5, 1.5, 2, 3}[random.nextInt(4)]));
            case 3 -> Expr.apply(Operator.SQRT, x);
            case 4 -> Expr.log(Expr.add(Expr.num(1), x));
            default -> Expr.add(x, Expr.num(random.nextInt(1, 10)));
        };
    }

    /** 0 or 1 wherever it is defined, written with {@code u} and {@code w} through logarithms and exponentials. */
    private static Expr cancelled(java.util.SplittableRandom random, Expr u, Expr w) {
        Expr k = Expr.num(new double[] {0.5, 2, 3}[random.nextInt(3)]);
        return switch (random.nextInt(8)) {
            case 0 -> Expr.sub(Expr.sub(Expr.log(Expr.mul(u, w)), Expr.log(u)), Expr.log(w));
            case 1 -> Expr.sub(Expr.log(Expr.pow(u, k)), Expr.mul(k, Expr.log(u)));
            case 2 -> Expr.sub(Expr.log(Expr.exp(u)), u);
            case 3 -> Expr.add(Expr.sub(Expr.log(Expr.div(u, w)), Expr.log(u)), Expr.log(w));
            case 4 -> Expr.div(Expr.exp(Expr.log(u)), u);
            case 5 -> Expr.div(Expr.exp(Expr.add(u, w)), Expr.mul(Expr.exp(u), Expr.exp(w)));
            case 6 -> Expr.div(Expr.mul(Expr.exp(Expr.sub(Expr.log(u), Expr.log(w))), w), u);
            default -> Expr.div(Expr.pow(u, k), Expr.exp(Expr.mul(k, Expr.log(u))));
        };
    }

    /** A law of parameters around a constant {@code c}. */
    private static Expr aroundConstant(java.util.SplittableRandom random, Expr c) {
        Expr a = Expr.sym("a");
        Expr b = Expr.sym("b");
        return switch (random.nextInt(5)) {
            case 0 -> Expr.add(a, Expr.mul(b, c));
            case 1 -> Expr.mul(a, c);
            case 2 -> Expr.add(Expr.div(a, Expr.add(b, c)), b);
            case 3 -> Expr.mul(Expr.exp(Expr.sub(a, c)), b);
            default -> Expr.neg(Expr.sub(a, c));
        };
    }

    @Test
    void canonicalKeyIgnoresParameterNamesAndOperandOrder() {
        String key = Simplifier.canonicalKey(Law.parse("E + A*N^alpha", FEATURES));
        assertEquals(key, Simplifier.canonicalKey(Law.parse("B*N^beta + L0", FEATURES)));
        assertEquals(key, Simplifier.canonicalKey(Law.parse("N^beta*B + L0", FEATURES)));
        assertNotEquals(key, Simplifier.canonicalKey(Law.parse("E + A*D^alpha", FEATURES)));
        assertNotEquals(key, Simplifier.canonicalKey(Law.parse("E + A*N^A", FEATURES)));
    }
}
