package dev.evosld.eval;

import dev.evosld.law.Expr;
import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;
import java.util.Map;

/** Evaluates an expression for one row by recursion over the tree: slow, obvious, the test oracle. */
final class ReferenceInterpreter {
    private ReferenceInterpreter() {
    }

    static double eval(Expr expr, Map<String, Double> values) {
        return switch (expr) {
            case Num n -> n.value();
            case Sym s -> values.get(s.name());
            case Apply a -> {
                double x = eval(a.arg(0), values);
                double y = a.args().size() > 1 ? eval(a.arg(1), values) : 0;
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
}
