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
        // |N| / N under a root or a fractional power of an even one: -1 for a negative N, as a logarithm often is
        "sqrt(N^2) / N                             | false",
        "A * sqrt(N^2) / N + E                     | false",
        "(N^2)^0.5 / N                             | false",
        "sqrt(N * N) / N                           | false",
        "(N^4)^0.25 / N                            | false",
        "(N^2)^1.5 / N^3                           | false",
        "sqrt(N^2 * D^2) / (N * D)                 | false",
        "N / sqrt(N^2)                             | false",
        // the same with the sign cancelled: constants
        "sqrt(N^4) / N^2                           | true",
        "sqrt(N^2) / sqrt(N^2)                     | true",
        "sqrt(N^2) * sqrt(N^2) / N^2               | true",
        "(N^2)^1.5 / (N^2)^1.5 + a                 | true",
        "sqrt(N^2) / abs(N)                        | true",
        // piecewise only in name: max(x, x) and min(x, x) are x, abs(x) / abs(x) is 1
        "max(N, N) / N                             | true",
        "min(N, N) / N                             | true",
        "a * min(N, N) / N + b                     | true",
        "max(D * N, N * D) / (N * D)               | true",
        "max(N, N) - N + a                         | true",
        "abs(N) / abs(N)                           | true",
        "abs(N) * abs(N) / N^2                     | true",
        "abs(N * D) / (abs(N) * abs(D))            | true",
        "exp(log(max(N, N))) / N                   | true",
        // and those that vary, for some values of a parameter or a sign of a variable
        "max(N, D) / N                             | false",
        "max(N, a) / N                             | false",
        "min(exp(D), log(a))                       | false",
        "min(N, N) / D                             | false",
        "abs(N) * N / N^2                          | false",
        "abs(N / D) * D / N                        | false",
        "max(N, -N) / N                            | false",
    })
    void aLawIsConstantWhenItsVariablesCancel(String formula, boolean constant) {
        assertEquals(constant, Simplifier.isConstant(Law.parse(formula, FEATURES)), formula);
        assertEquals(constant, Simplifier.isConstant(Simplifier.simplify(Law.parse(formula, FEATURES))),
            "simplified " + formula);
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

    @Test
    void aProductWhosePowersCancelIsConstantOnlyWhereItIsSoForEitherSign() {
        int[] constants = new int[1];
        int[] varying = new int[1];
        qt().withFixedSeed(41L).withExamples(600).forAll(longs().all()).checkAssert(seed -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            Expr product = Expr.mul(Expr.sym("b"), signed(random, 4));
            // the magnitudes of N and D cancel in every law; their signs, under roots and abs, may not
            Map<String, Double> powers = new java.util.HashMap<>();
            magnitudePowers(product, 1, powers);
            for (String variable : FEATURES) {
                double power = powers.getOrDefault(variable, 0.0);
                if (power != 0) {
                    product = Expr.mul(product, cancelling(random, Expr.sym(variable), -power));
                }
            }
            Law law = Law.of(product, FEATURES);
            boolean sampledConstant = constantAtSamples(law, random);
            if (Simplifier.isConstant(law)) {
                assertTrue(sampledConstant, law + " is taken for a constant but varies");
                constants[0]++;
            }
            varying[0] += sampledConstant ? 0 : 1;
        });
        assertTrue(constants[0] > 100 && varying[0] > 100, constants[0] + " constants, " + varying[0] + " varying");
    }

    @Test
    void theMinimumOrMaximumOfAnExpressionAndItselfIsJudgedAsThatExpression() {
        qt().withFixedSeed(43L).withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            // constants through products, sums, logarithms and exponentials, and laws that vary beside them
            Expr constant = aroundConstant(random, cancelled(random, increasing(random, 3), increasing(random, 3)));
            Expr varying = Expr.add(constant, Expr.mul(Expr.sym("b"), increasing(random, 3)));
            Expr product = Expr.mul(Expr.sym("b"), signed(random, 4));
            for (Expr law : List.of(constant, varying, product)) {
                Expr repeated = withRepeatedExtremes(random, law);
                assertEquals(Simplifier.isConstant(Law.of(law, FEATURES)), Simplifier.isConstant(Law.of(repeated,
                    FEATURES)), law + " against " + repeated);
            }
        });
    }

    /** {@code e} with some of its subexpressions {@code x} written {@code min(x, x)} or {@code max(x, x)}. */
    private static Expr withRepeatedExtremes(java.util.SplittableRandom random, Expr e) {
        Expr inner = e instanceof Expr.Apply a ? new Expr.Apply(a.op(), a.args().stream()
            .map(arg -> withRepeatedExtremes(random, arg)).toList()) : e;
        return random.nextInt(5) == 0 ? Expr.apply(random.nextBoolean() ? Operator.MIN : Operator.MAX, inner, inner)
            : inner;
    }

    /**
     * A product of N, D and a under whole and fractional powers, roots, minuses and absolute values, which hide or keep
     * signs, and the minimum or maximum of a factor and itself.
     */
    private static Expr signed(java.util.SplittableRandom random, int depth) {
        if (depth <= 1 || random.nextInt(10) < 3) {
            return Expr.sym(List.of("N", "D", "a").get(random.nextInt(3)));
        }
        Expr x = signed(random, depth - 1);
        return switch (random.nextInt(7)) {
            case 0 -> Expr.mul(x, signed(random, depth - 1));
            case 1 -> Expr.div(x, signed(random, depth - 1));
            case 2 -> Expr.apply(Operator.SQRT, x);
            case 3 -> Expr.pow(x, Expr.num(new double[] {-1, 2, 3, 4, 0.5, 1.5, 0.25}[random.nextInt(7)]));
            case 4 -> Expr.apply(Operator.ABS, x);
            case 5 -> Expr.apply(random.nextBoolean() ? Operator.MIN : Operator.MAX, x, x);
            default -> Expr.neg(x);
        };
    }

    /** The powers of the magnitudes of the names in a product of {@link #signed}'s. */
    private static void magnitudePowers(Expr e, double power, Map<String, Double> powers) {
        switch (e) {
            case Expr.Sym s -> powers.merge(s.name(), power, Double::sum);
            case Expr.Apply a -> {
                switch (a.op()) {
                    case MUL -> {
                        magnitudePowers(a.arg(0), power, powers);
                        magnitudePowers(a.arg(1), power, powers);
                    }
                    case DIV -> {
                        magnitudePowers(a.arg(0), power, powers);
                        magnitudePowers(a.arg(1), -power, powers);
                    }
                    case SQRT -> magnitudePowers(a.arg(0), power / 2, powers);
                    case POW -> magnitudePowers(a.arg(0), power * ((Expr.Num) a.arg(1)).value(), powers);
                    default -> magnitudePowers(a.arg(0), power, powers);
                }
            }
            default -> {
            }
        }
    }

    /** A factor whose magnitude is that of {@code v} to {@code power}, written in one of several ways. */
    private static Expr cancelling(java.util.SplittableRandom random, Expr v, double power) {
        return switch (random.nextInt(4)) {
            case 0 -> Expr.pow(v, Expr.num(power));
            case 1 -> Expr.apply(Operator.SQRT, Expr.pow(v, Expr.num(2 * power)));
            case 2 -> Expr.pow(Expr.apply(Operator.ABS, v), Expr.num(power));
            default -> Expr.pow(Expr.pow(v, Expr.num(2)), Expr.num(power / 2));
        };
    }

    /**
     * Whether the law takes one value wherever it is defined, under a few draws of its parameters, over points where N
     * and D take either sign.
     */
    private static boolean constantAtSamples(Law law, java.util.SplittableRandom random) {
        Map<String, Double> values = new java.util.HashMap<>();
        for (int draw = 0; draw < 4; draw++) {
            for (String parameter : List.of("a", "b")) {
                values.put(parameter, (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.5, 2));
            }
            double first = Double.NaN;
            for (int point = 0; point < 24; point++) {
                for (String variable : FEATURES) {
                    values.put(variable, (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.5, 2));
                }
                double value = law.expr().evaluate(values::get);
                if (!Double.isFinite(value)) {
                    continue;
                }
                if (Double.isNaN(first)) {
                    first = value;
                } else if (Math.abs(value - first) > 1e-9 * Math.max(Math.abs(first), 1)) {
                    return false;
                }
            }
        }
        return true;
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

    @Test
    void aVariableNamedLikeAKeysParameterKeepsTwoLawsApart() {
        // a user's columns p0 and N: a*p0 + N and a*a + N are different laws, which must not share the cache's key
        List<String> features = List.of("p0", "N");
        String fitsAColumn = Simplifier.canonicalKey(Law.parse("a*p0 + N", features));
        String squaresAParameter = Simplifier.canonicalKey(Law.parse("a*a + N", features));
        assertNotEquals(fitsAColumn, squaresAParameter);
        assertEquals(fitsAColumn, Simplifier.canonicalKey(Law.parse("p0*b + N", features)));
        // whatever the parameters are called in a key, they are told from the variables by name
        assertTrue(fitsAColumn.contains("p0"), fitsAColumn);
    }
}
