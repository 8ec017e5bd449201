package dev.evosld.law;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded random expressions over given names, for property tests here and in other packages. */
public final class RandomExprs {
    private static final Operator[] OPERATORS = Operator.values();
    /** The operations the genetic search draws from (TreeCodec). */
    private static final Operator[] SEARCHED = {Operator.ADD, Operator.SUB, Operator.MUL, Operator.DIV, Operator.POW,
        Operator.NEG, Operator.EXP, Operator.LOG, Operator.SQRT};

    private final SplittableRandom random;
    private final List<String> names;
    private final boolean anyNumbers;
    private final Operator[] operators;

    private RandomExprs(long seed, List<String> names, boolean anyNumbers, Operator[] operators) {
        this.random = new SplittableRandom(seed);
        this.names = List.copyOf(names);
        this.anyNumbers = anyNumbers;
        this.operators = operators;
    }

    /** An expression of at most {@code maxDepth} levels with arbitrary finite literals (edge cases included). */
    public static Expr any(long seed, List<String> names, int maxDepth) {
        return new RandomExprs(seed, names, true, OPERATORS).expr(maxDepth);
    }

    /** An expression whose literals are modest ({@code -3..3}), for numerical tests. */
    public static Expr modest(long seed, List<String> names, int maxDepth) {
        return new RandomExprs(seed, names, false, OPERATORS).expr(maxDepth);
    }

    /**
     * An expression such as the genetic search grows: its operations (no min, max or abs, which only proposed laws
     * hold) and modest literals.
     */
    public static Expr searched(long seed, List<String> names, int maxDepth) {
        return new RandomExprs(seed, names, false, SEARCHED).expr(maxDepth);
    }

    private Expr expr(int depth) {
        if (depth <= 1 || random.nextInt(10) < 3) {
            return leaf();
        }
        Operator op = operators[random.nextInt(operators.length)];
        return op.arity() == 1
            ? Expr.apply(op, expr(depth - 1))
            : Expr.apply(op, expr(depth - 1), expr(depth - 1));
    }

    private Expr leaf() {
        if (random.nextInt(3) == 0) {
            return Expr.num(number());
        }
        return Expr.sym(names.get(random.nextInt(names.size())));
    }

    private double number() {
        if (!anyNumbers) {
            return Math.round(random.nextDouble(-3, 3) * 100) / 100.0;
        }
        return switch (random.nextInt(8)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> random.nextInt(-5, 100);
            case 3 -> {
                // random bits can be an infinity or a NaN, which no literal is
                double bits = Double.longBitsToDouble(random.nextLong());
                yield Double.isFinite(bits) ? bits % 1e300 : 1e300;
            }
            case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(-300, 300));
            case 5 -> -random.nextDouble() * Math.pow(10, random.nextInt(-20, 20));
            case 6 -> Double.MIN_VALUE;
            default -> random.nextDouble(-10, 10);
        };
    }
}
