package dev.evosld.law;

import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;

/**
 * Prints an expression in the law language so that {@link LawParser} reads back the same tree: numbers
 * in their shortest exact decimal form, parentheses wherever precedence or associativity would otherwise
 * regroup the tree, and a few more for legibility ({@code x^(-a)}, {@code a + (-b)}).
 */
public final class LawPrinter {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

    private LawPrinter() {
    }

    public static String print(Expr expr) {
        StringBuilder out = new StringBuilder();
        print(expr, out);
        return out.toString();
    }

    /** The shortest decimal that parses back to exactly {@code value}; integers without a fraction. */
    public static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            String integral = Long.toString((long) value);
            return value == 0 && Double.doubleToRawLongBits(value) != 0 ? "-0" : integral;
        }
        String s = Double.toString(value);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }

    private static void print(Expr expr, StringBuilder out) {
        switch (expr) {
            case Num n -> out.append(formatNumber(n.value()));
            case Sym s -> out.append(s.name());
            case Apply a -> printApply(a, out);
        }
    }

    private static void printApply(Apply a, StringBuilder out) {
        Operator op = a.op();
        if (op.isFunction()) {
            out.append(op.symbol()).append('(');
            for (int i = 0; i < a.args().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                print(a.arg(i), out);
            }
            out.append(')');
            return;
        }
        if (op == Operator.NEG) {
            Expr arg = a.arg(0);
            out.append('-');
            // a bare number after a minus would be read as a negative literal, and "--x" reads poorly
            boolean parens = precedence(arg) < POWER || arg instanceof Num;
            printMaybeParenthesized(arg, parens, out);
            return;
        }
        int level = precedence(a);
        Expr left = a.arg(0);
        Expr right = a.arg(1);
        boolean leftParens = op == Operator.POW ? precedence(left) <= POWER : precedence(left) < level;
        boolean rightParens = op == Operator.POW
            ? precedence(right) <= POWER
            : precedence(right) <= level || isNegative(right);
        printMaybeParenthesized(left, leftParens, out);
        out.append(op == Operator.POW ? "^" : " " + op.symbol() + " ");
        printMaybeParenthesized(right, rightParens, out);
    }

    private static void printMaybeParenthesized(Expr expr, boolean parens, StringBuilder out) {
        if (parens) {
            out.append('(');
        }
        print(expr, out);
        if (parens) {
            out.append(')');
        }
    }

    private static boolean isNegative(Expr expr) {
        return expr instanceof Num n && (n.value() < 0 || Double.doubleToRawLongBits(n.value()) != 0 && n.value() == 0)
            || expr instanceof Apply a && a.op() == Operator.NEG;
    }

    private static int precedence(Expr expr) {
        return switch (expr) {
            case Num n -> isNegative(n) ? UNARY : ATOM;
            case Sym s -> ATOM;
            case Apply a -> switch (a.op()) {
                case ADD, SUB -> SUM;
                case MUL, DIV -> PRODUCT;
                case NEG -> UNARY;
                case POW -> POWER;
                default -> ATOM;
            };
        };
    }
}
