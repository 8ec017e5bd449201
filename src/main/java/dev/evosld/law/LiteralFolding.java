package dev.evosld.law;

import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;

/** Evaluates an expression made of literals only. */
final class LiteralFolding {
    private LiteralFolding() {
    }

    static double evaluate(Expr e) {
        return switch (e) {
            case Num n -> n.value();
            case Sym s -> throw new IllegalArgumentException("not a literal: " + s);
            case Apply a -> {
                double x = evaluate(a.arg(0));
                double y = a.args().size() > 1 ? evaluate(a.arg(1)) : 0;
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
