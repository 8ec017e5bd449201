package dev.evosld.law;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An expression of the law language: a number, a name, or an operation applied to sub-expressions.
 * Expressions are immutable values with structural equality, so they serve as cache keys.
 *
 * <p>Whether a name is a variable (a data column) or a parameter (fitted per group) is not a property
 * of the expression but of the {@link Law} that binds it to a task's features.
 */
public sealed interface Expr {

    /** A literal number: a fixed constant, never fitted. Always finite. */
    record Num(double value) implements Expr {
        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a literal must be finite: " + value);
            }
        }

        @Override
        public String toString() {
            return LawPrinter.print(this);
        }
    }

    /** A variable or parameter name. */
    record Sym(String name) implements Expr {
        public Sym {
            Objects.requireNonNull(name);
            if (!LawParser.isIdentifier(name)) {
                throw new IllegalArgumentException("not an identifier: '" + name + "'");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An operation applied to as many arguments as its arity. */
    record Apply(Operator op, List<Expr> args) implements Expr {
        public Apply {
            Objects.requireNonNull(op);
            args = List.copyOf(args);
            if (args.size() != op.arity()) {
                throw new IllegalArgumentException(op + " takes " + op.arity() + " arguments, got " + args.size());
            }
        }

        public Expr arg(int i) {
            return args.get(i);
        }

        @Override
        public String toString() {
            return LawPrinter.print(this);
        }
    }

    /** The number of nodes of this expression tree. */
    default int size() {
        return switch (this) {
            case Num n -> 1;
            case Sym s -> 1;
            case Apply a -> {
                int size = 1;
                for (Expr arg : a.args()) {
                    size += arg.size();
                }
                yield size;
            }
        };
    }

    /** The depth of this tree; a leaf has depth 1. */
    default int depth() {
        return switch (this) {
            case Num n -> 1;
            case Sym s -> 1;
            case Apply a -> {
                int depth = 0;
                for (Expr arg : a.args()) {
                    depth = Math.max(depth, arg.depth());
                }
                yield depth + 1;
            }
        };
    }

    /** This expression with every name replaced by {@code names.apply(name)}. */
    default Expr rename(java.util.function.UnaryOperator<String> names) {
        return switch (this) {
            case Num n -> n;
            case Sym s -> sym(names.apply(s.name()));
            case Apply a -> new Apply(a.op(), a.args().stream().map(arg -> arg.rename(names)).toList());
        };
    }

    /** Visits the nodes in pre-order, left to right. */
    default void forEachNode(Consumer<? super Expr> action) {
        action.accept(this);
        if (this instanceof Apply a) {
            for (Expr arg : a.args()) {
                arg.forEachNode(action);
            }
        }
    }

    /**
     * The value of this expression for one row, by recursion over the tree with {@code java.lang.Math}:
     * simple and slow, for folding literals and as a reference; the evaluation core compiles laws instead.
     *
     * @param names the value of each name
     */
    default double evaluate(java.util.function.ToDoubleFunction<String> names) {
        return switch (this) {
            case Num n -> n.value();
            case Sym s -> names.applyAsDouble(s.name());
            case Apply a -> {
                double x = a.arg(0).evaluate(names);
                double y = a.args().size() > 1 ? a.arg(1).evaluate(names) : 0;
                yield switch (a.op()) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    case DIV -> x / y;
                    case POW -> Math.pow(x, y);
                    case NEG -> -x;
                    case EXP -> Math.exp(x);
                    case LOG -> Math.log(x);
                    case SQRT -> Math.sqrt(x);
                    case ABS -> Math.abs(x);
                    case MIN -> Math.min(x, y);
                    case MAX -> Math.max(x, y);
                };
            }
        };
    }

    /** Whether the operator is applied anywhere in this expression. */
    default boolean uses(Operator op) {
        return this instanceof Apply a && (a.op() == op || a.args().stream().anyMatch(arg -> arg.uses(op)));
    }

    /** Whether the name occurs in this expression. */
    default boolean mentions(String name) {
        return switch (this) {
            case Num n -> false;
            case Sym s -> s.name().equals(name);
            case Apply a -> a.args().stream().anyMatch(arg -> arg.mentions(name));
        };
    }

    static Num num(double value) {
        return new Num(value);
    }

    static Sym sym(String name) {
        return new Sym(name);
    }

    static Apply apply(Operator op, Expr... args) {
        return new Apply(op, List.of(args));
    }

    static Apply add(Expr a, Expr b) {
        return apply(Operator.ADD, a, b);
    }

    static Apply sub(Expr a, Expr b) {
        return apply(Operator.SUB, a, b);
    }

    static Apply mul(Expr a, Expr b) {
        return apply(Operator.MUL, a, b);
    }

    static Apply div(Expr a, Expr b) {
        return apply(Operator.DIV, a, b);
    }

    static Apply pow(Expr a, Expr b) {
        return apply(Operator.POW, a, b);
    }

    static Apply neg(Expr a) {
        return apply(Operator.NEG, a);
    }

    static Apply log(Expr a) {
        return apply(Operator.LOG, a);
    }

    static Apply exp(Expr a) {
        return apply(Operator.EXP, a);
    }
}
