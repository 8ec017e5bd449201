package dev.evosld.fit;

import dev.evosld.data.TaskConfig.Bound;
import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Law;
import dev.evosld.law.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * A law's parameters as the fitter sees them: their roles, bounds, and which of them are solved by linear
 * least squares (variable projection) rather than searched for by L-BFGS-B.
 */
final class ParameterSpace {
    static final double EXPONENT_LIMIT = 10;

    final Law law;
    final List<ParameterRole> roles;
    final double[] lower;
    final double[] upper;
    /**
     * Parameter indices that least squares can set given the others: jointly linear and unbounded (a bounded
     * parameter must stay in its box, which an unconstrained solve cannot promise).
     */
    final int[] leastSquares;
    /** Parameter indices solved by least squares in every evaluation; empty without variable projection. */
    final int[] linear;
    /** Parameter indices L-BFGS-B searches over. */
    final int[] nonlinear;
    /**
     * For a law {@code exp(g)}: {@code g} with the law's variables and parameters, whose jointly linear
     * parameters ({@link #logLinear}) least squares can set on the logarithm of positive targets; else null.
     */
    final Law logInner;
    /**
     * Parameter indices jointly linear in {@link #logInner} and without a bound from the options; empty without
     * it. Their role's box still holds (±10 for a parameter inside {@code exp}): the solve gives a start, which the
     * fitter clamps into the box.
     */
    final int[] logLinear;

    ParameterSpace(Law law, FitOptions options) {
        this.law = law;
        this.roles = ParameterRole.of(law);
        int count = law.parameterCount();
        lower = new double[count];
        upper = new double[count];
        for (int k = 0; k < count; k++) {
            String name = law.parameters().get(k);
            Bound override = options.bounds().get(name);
            if (override != null) {
                lower[k] = override.lower();
                upper[k] = override.upper();
            } else if (roles.get(k) == ParameterRole.EXPONENT) {
                lower[k] = -EXPONENT_LIMIT;
                upper[k] = EXPONENT_LIMIT;
            } else {
                lower[k] = Double.NEGATIVE_INFINITY;
                upper[k] = Double.POSITIVE_INFINITY;
            }
        }
        List<Integer> solvable = new ArrayList<>();
        for (String name : LinearParameters.of(law).jointlyLinear()) {
            if (!options.bounds().containsKey(name)) {
                solvable.add(law.parameters().indexOf(name));
            }
        }
        leastSquares = solvable.stream().mapToInt(Integer::intValue).sorted().toArray();
        List<Integer> solved = options.variableProjection() && options.loss() == Loss.SQUARED ? solvable : List.of();
        linear = solved.stream().mapToInt(Integer::intValue).sorted().toArray();
        List<Integer> searched = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            if (!solved.contains(k)) {
                searched.add(k);
            }
        }
        nonlinear = searched.stream().mapToInt(Integer::intValue).toArray();
        Law inner = law.expr() instanceof Apply a && a.op() == Operator.EXP
            ? new Law(a.arg(0), law.variables(), law.parameters()) : null;
        logLinear = inner == null ? new int[0] : LinearParameters.of(inner).jointlyLinear().stream()
            .filter(name -> !options.bounds().containsKey(name))
            .mapToInt(name -> law.parameters().indexOf(name)).sorted().toArray();
        logInner = logLinear.length > 0 ? inner : null;
    }

    int size() {
        return lower.length;
    }
}
