package dev.evosld.export;

import dev.evosld.law.Expr;
import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;
import dev.evosld.law.Operator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * Prints an expression as source code (Java, Python) that evaluates exactly the tree the engine evaluates:
 * every operation in the same order, parentheses wherever the language would otherwise regroup
 * ({@code a + (b + c)} keeps its parentheses, since floating-point addition does not associate).
 */
final class SourceExpression {
    private static final int ADDITIVE = 1;
    private static final int MULTIPLICATIVE = 2;
    private static final int UNARY = 3;
    private static final int PRIMARY = 4;

    /**
     * How a language spells numbers and operations.
     *
     * @param literal a finite double as a literal that reads back to exactly that double
     * @param infix the operators written infix ({@code + - *}, and {@code /} where division cannot raise)
     * @param functions the other operators' function names, e.g. {@code POW -> Math.pow}
     */
    record Dialect(DoubleFunction<String> literal, Set<Operator> infix, Map<Operator, String> functions) {
    }

    private final Dialect dialect;
    private final Function<String, String> names;

    private SourceExpression(Dialect dialect, Function<String, String> names) {
        this.dialect = dialect;
        this.names = names;
    }

    /**
     * The expression as source code.
     *
     * @param names maps each name of the expression to its identifier in the generated code
     */
    static String print(Expr expr, Dialect dialect, Function<String, String> names) {
        StringBuilder out = new StringBuilder();
        new SourceExpression(dialect, names).print(expr, out);
        return out.toString();
    }

    private void print(Expr expr, StringBuilder out) {
        switch (expr) {
            case Num n -> out.append(dialect.literal().apply(n.value()));
            case Sym s -> out.append(names.apply(s.name()));
            case Apply a -> {
                Operator op = a.op();
                if (op == Operator.NEG) {
                    out.append('-');
                    Expr arg = a.arg(0);
                    printWrapped(arg, precedence(arg) <= UNARY, out);
                } else if (dialect.infix().contains(op)) {
                    int level = precedence(a);
                    printWrapped(a.arg(0), precedence(a.arg(0)) < level, out);
                    out.append(' ').append(op.symbol()).append(' ');
                    // equal precedence on the right must keep its parentheses: a - (b - c), a / (b * c)
                    printWrapped(a.arg(1), precedence(a.arg(1)) <= level || precedence(a.arg(1)) == UNARY, out);
                } else {
                    String function = dialect.functions().get(op);
                    if (function == null) {
                        throw new IllegalArgumentException("no spelling for " + op);
                    }
                    out.append(function).append('(');
                    List<Expr> args = a.args();
                    for (int i = 0; i < args.size(); i++) {
                        if (i > 0) {
                            out.append(", ");
                        }
                        print(args.get(i), out);
                    }
                    out.append(')');
                }
            }
        }
    }

    private void printWrapped(Expr expr, boolean parentheses, StringBuilder out) {
        if (parentheses) {
            out.append('(');
        }
        print(expr, out);
        if (parentheses) {
            out.append(')');
        }
    }

    private int precedence(Expr expr) {
        return switch (expr) {
            case Num n -> n.value() < 0 || Double.doubleToRawLongBits(n.value()) == Long.MIN_VALUE ? UNARY : PRIMARY;
            case Sym s -> PRIMARY;
            case Apply a -> switch (a.op()) {
                case NEG -> UNARY;
                case ADD, SUB -> dialect.infix().contains(a.op()) ? ADDITIVE : PRIMARY;
                case MUL, DIV -> dialect.infix().contains(a.op()) ? MULTIPLICATIVE : PRIMARY;
                default -> PRIMARY;
            };
        };
    }

    /**
     * Identifiers for names that may collide with a language's keywords or with the generated code's own
     * names: a name keeps its spelling unless reserved, else it gets trailing underscores until it is free.
     * Every unreserved name is placed before any reserved one is renamed, so that a rename never takes a
     * name's own spelling ({@code class} beside {@code class_} becomes {@code class__}): a caller reading
     * {@code class_} in a signature must be able to trust that it is the feature {@code class_}.
     */
    static Map<String, String> identifiers(List<String> names, Set<String> reserved) {
        Set<String> used = new HashSet<>(reserved);
        names.stream().filter(name -> !reserved.contains(name)).forEach(used::add);
        Map<String, String> identifiers = new LinkedHashMap<>();
        for (String name : names) {
            String identifier = name;
            if (reserved.contains(name)) {
                while (used.contains(identifier)) {
                    identifier += "_";
                }
                used.add(identifier);
            }
            identifiers.put(name, identifier);
        }
        return identifiers;
    }
}
