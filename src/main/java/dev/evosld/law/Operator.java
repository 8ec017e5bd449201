package dev.evosld.law;

import java.util.Optional;

/**
 * The operations of the law language. Binary arithmetic is written infix ({@code + - * / ^}), negation
 * as a prefix minus, the rest as functions ({@code log(x)}, {@code min(a, b)}); {@code pow(a, b)} is
 * accepted as another spelling of {@code a^b}. {@code log} is the natural logarithm.
 */
public enum Operator {
    ADD("+", 2),
    SUB("-", 2),
    MUL("*", 2),
    DIV("/", 2),
    POW("^", 2),
    NEG("-", 1),
    EXP("exp", 1),
    LOG("log", 1),
    SQRT("sqrt", 1),
    ABS("abs", 1),
    MIN("min", 2),
    MAX("max", 2);

    private final String symbol;
    private final int arity;

    Operator(String symbol, int arity) {
        this.symbol = symbol;
        this.arity = arity;
    }

    /** The infix symbol or the function name. */
    public String symbol() {
        return symbol;
    }

    public int arity() {
        return arity;
    }

    /** Whether this operation is written as a function call. */
    public boolean isFunction() {
        return Character.isLetter(symbol.charAt(0));
    }

    /** Whether {@code op(a, b) == op(b, a)}. */
    public boolean isCommutative() {
        return this == ADD || this == MUL || this == MIN || this == MAX;
    }

    /** The names of the functions, {@code pow} among them, comma-separated: {@code exp, log, ..., pow}. */
    public static String functionNames() {
        StringBuilder names = new StringBuilder();
        for (Operator op : values()) {
            if (op.isFunction()) {
                names.append(op.symbol).append(", ");
            }
        }
        return names.append("pow").toString();
    }

    /** The operation a function name denotes; {@code pow} denotes {@link #POW}. */
    public static Optional<Operator> ofFunctionName(String name) {
        if (name.equals("pow")) {
            return Optional.of(POW);
        }
        for (Operator op : values()) {
            if (op.isFunction() && op.symbol.equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
