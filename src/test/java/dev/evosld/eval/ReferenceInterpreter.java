package dev.evosld.eval;

import dev.evosld.law.Expr;
import java.util.Map;

/** The test oracle: a row evaluated by recursion over the tree ({@link Expr#evaluate}), not compiled. */
final class ReferenceInterpreter {
    private ReferenceInterpreter() {
    }

    static double eval(Expr expr, Map<String, Double> values) {
        return expr.evaluate(values::get);
    }
}
