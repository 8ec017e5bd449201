package dev.evosld.law;

import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Whether a law is seen to be a constant where the rules of {@link Simplifier#isConstant} for products and sums cannot
 * see it, through a logarithm or an exponential ({@code log(N^2) - 2*log(N)}, {@code exp(log(N)) / N}): the law is
 * evaluated at sample points of its variables under several draws of its parameters, with a bound on the rounding
 * error of each value, and it is a constant when under every draw its values agree up to those bounds.
 *
 * <p>It answers constant only on evidence, since a constant is left out of what a run reports, and a law wrongly taken
 * for one would hide a law that depends on its variables. The parameters are drawn at random, never at values such as
 * 1 where {@code N^(a - 1)} or {@code log(N^a) - log(N)} happens to be constant, and a law that varies under any draw
 * varies. The variables are drawn across six decades and of either sign, so that {@code exp(log(N^2) / 2) / N}, 1 for
 * a positive N alone, varies, as it does over a feature that is often negative (a logarithm). Points where the law is
 * not defined ({@code log(N)} at a negative N) are skipped, since a constant is one wherever it is defined, and so is
 * a value whose rounding error may be more than a billionth of it, or one that overflowed or underflowed: a difference
 * lost to the rounding of its terms, or a law 0 at every sample by underflowing, never passes for a constant. A law
 * seen at too few points is none. The samples come from one fixed seed, so the answer is a function of the law alone.
 */
final class Constancy {
    /** The relative rounding error of an operation rounded correctly. */
    private static final double UNIT = 0x1p-53;
    /** That of {@code Math.exp}, {@code log} and {@code pow}, which may be one ulp off. */
    private static final double LIBRARY_UNIT = 2 * UNIT;
    /**
     * The largest rounding error of a value that counts, relative to the value or, for a value below 1, to 1: a value
     * 0 up to its rounding, as {@code log(N*D) - log(N) - log(D)} takes, counts while its terms are modest.
     */
    private static final double MOST_RELATIVE_ERROR = 1e-9;
    /** How many error bounds apart two values may be and still be the same: the bounds are first-order. */
    private static final double SLACK = 4;
    private static final int DRAWS = 8;
    private static final int POINTS = 12;
    /** The fewest comparisons of two values under one draw that a constant must pass. */
    private static final int FEWEST_COMPARISONS = 4;
    private static final long SEED = 0x5eed_c0a5_7a47L;
    /**
     * The operations that make a law piecewise. Without them a law is analytic where it is defined, so that if it is
     * constant in its variables over some range of its parameters it is so for all of them, and random parameters show
     * whether it is; with them it may be constant over a range of its parameters and vary elsewhere
     * ({@code min(exp(D), log(a))} for a up to e), which no sample rules out.
     */
    private static final Set<Operator> PIECEWISE = EnumSet.of(Operator.MIN, Operator.MAX, Operator.ABS);

    private Constancy() {
    }

    /** A value and a bound on its rounding error. */
    private record Bounded(double value, double error) {
    }

    /**
     * Whether the law's value is seen to be one and the same at every sample point where it is defined; never for a law
     * with {@code min}, {@code max} or {@code abs}.
     */
    static boolean sampled(Law law) {
        if (PIECEWISE.stream().anyMatch(law.expr()::uses)) {
            return false;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        Map<String, Double> values = new HashMap<>();
        int comparisons = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            // the first draw takes every parameter positive, as most fitted ones are, the second every one negative,
            // where log(-a) is defined; the others take signs at random
            for (String parameter : law.parameters()) {
                double magnitude = Math.exp(random.nextDouble(Math.log(0.25), Math.log(4)));
                boolean positive = draw == 0 || draw > 1 && random.nextBoolean();
                values.put(parameter, positive ? magnitude : -magnitude);
            }
            Bounded first = null;
            for (int point = 0; point < POINTS; point++) {
                // half the points keep every variable positive, where sizes and counts are and logarithms are defined
                for (String variable : law.variables()) {
                    double magnitude = Math.pow(10, random.nextDouble(-3, 3));
                    values.put(variable, point < POINTS / 2 || random.nextBoolean() ? magnitude : -magnitude);
                }
                Bounded value = evaluate(law.expr(), values);
                if (!counts(value)) {
                    continue;
                }
                if (first == null) {
                    first = value;
                } else if (Math.abs(value.value() - first.value()) > SLACK * (value.error() + first.error())) {
                    return false;
                } else {
                    comparisons++;
                }
            }
        }
        return comparisons >= FEWEST_COMPARISONS;
    }

    private static boolean counts(Bounded value) {
        return Double.isFinite(value.value())
            && value.error() <= MOST_RELATIVE_ERROR * Math.max(Math.abs(value.value()), 1);
    }

    /**
     * The value of {@code e} with a bound on its rounding error, the names being exact: a first-order bound for each
     * operation of the error its operands carry, plus the operation's own rounding. An infinite bound or a NaN value
     * means the value cannot be told.
     */
    private static Bounded evaluate(Expr e, Map<String, Double> values) {
        return switch (e) {
            case Num n -> new Bounded(n.value(), 0);
            case Sym s -> new Bounded(values.get(s.name()), 0);
            case Apply a -> {
                List<Expr> args = a.args();
                Bounded x = evaluate(args.get(0), values);
                Bounded y = args.size() > 1 ? evaluate(args.get(1), values) : null;
                yield switch (a.op()) {
                    case ADD -> rounded(x.value() + y.value(), x.error() + y.error());
                    case SUB -> rounded(x.value() - y.value(), x.error() + y.error());
                    case MUL -> {
                        double product = x.value() * y.value();
                        yield underflows(product, x.value(), y.value()) ? untold(product)
                            : rounded(product, Math.abs(x.value()) * y.error() + Math.abs(y.value()) * x.error()
                                + x.error() * y.error());
                    }
                    case DIV -> {
                        double quotient = x.value() / y.value();
                        // written with the quotient, not the divisor's square, which overflows long before it
                        yield underflows(quotient, x.value(), 1) || y.error() >= Math.abs(y.value()) ? untold(quotient)
                            : rounded(quotient,
                                (Math.abs(quotient) * y.error() + x.error()) / (Math.abs(y.value()) - y.error()));
                    }
                    case POW -> power(x, y);
                    case NEG -> new Bounded(-x.value(), x.error());
                    case ABS -> new Bounded(Math.abs(x.value()), x.error());
                    case MIN -> new Bounded(Math.min(x.value(), y.value()), Math.max(x.error(), y.error()));
                    case MAX -> new Bounded(Math.max(x.value(), y.value()), Math.max(x.error(), y.error()));
                    case SQRT -> {
                        double root = Math.sqrt(x.value());
                        yield rounded(root, x.error() == 0 ? 0 : Math.min(Math.sqrt(x.error()), x.error() / root));
                    }
                    case EXP -> {
                        double exp = Math.exp(x.value());
                        yield underflows(exp, 1, 1) ? untold(exp) : libraryRounded(exp, exp * Math.expm1(x.error()));
                    }
                    case LOG -> libraryRounded(Math.log(x.value()), logError(x));
                };
            }
        };
    }

    /** A value rounded once more, by an operation rounded correctly. */
    private static Bounded rounded(double value, double error) {
        return new Bounded(value, error + UNIT * Math.abs(value));
    }

    /** A value rounded once more, by a library function that may be an ulp off. */
    private static Bounded libraryRounded(double value, double error) {
        return new Bounded(value, error + LIBRARY_UNIT * Math.abs(value));
    }

    /**
     * Whether a product, quotient, power or exponential of operands other than 0 fell below the normal numbers, where
     * it keeps fewer digits than the bounds allow, or to 0: {@code 0.5^9900} is 0 as {@code 0.5^9000} is, and a law
     * that takes 0 at every point by underflowing is no constant.
     */
    private static boolean underflows(double result, double operand, double other) {
        return Math.abs(result) < Double.MIN_NORMAL && operand != 0 && other != 0;
    }

    /** A value whose error cannot be bounded, which counts for nothing. */
    private static Bounded untold(double value) {
        return new Bounded(value, Double.POSITIVE_INFINITY);
    }

    /** The bound on the error of {@code log|x|} that the error of {@code x} makes. */
    private static double logError(Bounded x) {
        double relative = x.error() / Math.abs(x.value());
        return x.error() == 0 ? 0 : relative >= 1 ? Double.POSITIVE_INFINITY : -Math.log1p(-relative);
    }

    /** {@code x^y} as {@code exp(y log|x|)} with its sign: exact operands give Math.pow's own error only. */
    private static Bounded power(Bounded x, Bounded y) {
        double power = Math.pow(x.value(), y.value());
        if (underflows(power, x.value(), 1)) {
            return untold(power);
        }
        if (x.error() == 0 && y.error() == 0) {
            return libraryRounded(power, 0);
        }
        if (x.value() == 0 || x.value() < 0 && y.error() > 0) {
            // near 0, or a negative base under an exponent that may not be the integer it is, the power cannot be told
            return untold(power);
        }
        double logError = logError(x);
        double log = Math.abs(Math.log(Math.abs(x.value())));
        double exponentError = Math.abs(y.value()) * logError + y.error() * (log + logError);
        return libraryRounded(power, Math.abs(power) * Math.expm1(exponentError));
    }
}
