package dev.evosld.eval;

import static dev.evosld.eval.Program.LEAF_CONST;
import static dev.evosld.eval.Program.LEAF_PARAM;
import static dev.evosld.eval.Program.LEAF_VAR;
import static dev.evosld.eval.Program.NOT_LEAF;

import dev.evosld.law.Operator;
import java.util.Arrays;

/**
 * A {@link Program} bound to the rows of one data group: evaluates the law for a parameter vector
 * ({@link #forward}) and then, by one reverse sweep over the same program, the gradient of any weighted
 * sum of the predictions ({@link #gradient}) or the full Jacobian ({@link #jacobian}).
 *
 * <p>Values are computed column-at-a-time: one loop per instruction over all rows. Nodes that do not depend
 * on the parameters were computed once by the constructor. Domain errors (the log of a negative number,
 * {@code 0^-1}, overflow) produce NaN or infinities in the predictions and gradient; they never throw.
 *
 * <p>Not thread-safe: it owns its work arrays. Bind one per thread.
 */
public final class Evaluator {
    private final Program p;
    private final Kernels kernels;
    private final int n;
    private final double[][] val;
    private final double[] sval;
    /**
     * The adjoint of each varying node; may alias its parent's when the partial derivative is 1 and the node
     * has no other parent. A shared node owns its adjoint and sums its parents' contributions into it.
     */
    private final double[][] adj;
    private final double[][] adjOwn;
    /** For {@code pow(fixed column, varying)}: the base prepared once (for the vector kernels, its logarithm). */
    private final Kernels.PowerBase[] powerBase;
    private final double[] scratch;
    /** Contributions to shared nodes after the first, added by {@link #flushShared} after each instruction. */
    private final double[][] pending;
    private final int[] pendingNode = new int[2];
    private int pendingCount;
    /** How many contributions each shared node has received in the current reverse sweep. */
    private final int[] received;
    private final double[] ones;
    private final int[] parameterLeaves;
    /** The parameters of the last {@link #forward}, which the values of the varying nodes belong to. */
    private final double[] lastTheta;
    private boolean computed;
    /** The parameters whose derivatives the running reverse sweep computes, as a dependence set. */
    private long wanted;
    /** {@link Program#dependence}. */
    private final long[] dependence;

    Evaluator(Program program, int rows, double[][] columns, Kernels kernels) {
        this.p = program;
        this.kernels = kernels;
        this.n = rows;
        if (columns.length != program.variableCount) {
            throw new IllegalArgumentException("expected " + program.variableCount + " columns, got " + columns.length);
        }
        for (double[] c : columns) {
            if (c.length < rows) {
                throw new IllegalArgumentException("a column has " + c.length + " values, expected " + rows);
            }
        }
        int size = program.size;
        val = new double[size][];
        sval = new double[size];
        adj = new double[size][];
        adjOwn = new double[size][];
        powerBase = new Kernels.PowerBase[size];
        scratch = new double[rows];
        pending = new double[2][rows];
        received = new int[size];
        ones = new double[rows];
        Arrays.fill(ones, 1.0);
        int leaves = 0;
        for (int i = 0; i < size; i++) {
            if (program.leaf[i] == LEAF_VAR) {
                val[i] = columns[program.slot[i]];
            } else if (program.column[i]) {
                val[i] = new double[rows];
            }
            if (program.varying[i]) {
                adjOwn[i] = new double[rows];
            }
            if (program.leaf[i] == LEAF_PARAM) {
                leaves++;
            }
        }
        parameterLeaves = new int[leaves];
        lastTheta = new double[program.parameterCount];
        dependence = program.dependence;
        for (int i = 0, k = 0; i < size; i++) {
            if (program.leaf[i] == LEAF_PARAM) {
                parameterLeaves[k++] = i;
            }
        }
        computeFixedNodes();
    }

    /** The number of rows. */
    public int rows() {
        return n;
    }

    /** The name of the kernels in use ("scalar", "vector-512", ...). */
    public String kernelName() {
        return kernels.name();
    }

    /**
     * Evaluates the law for the parameters {@code theta} and writes the predictions to {@code out}. Only the
     * nodes that depend on a parameter whose value differs from the last call's are computed again (variable
     * projection changes only the linear parameters between its two evaluations at each point); the others
     * hold the very values they would be given.
     */
    public void forward(double[] theta, double[] out) {
        long changed = changedParameters(theta);
        for (int i = 0; i < p.size; i++) {
            if ((dependence[i] & changed) == 0) {
                continue;
            }
            if (p.column[i]) {
                computeColumn(i);
            } else {
                sval[i] = p.leaf[i] == LEAF_PARAM ? theta[p.slot[i]] : scalarValue(i);
            }
        }
        computed = true;
        if (p.column[p.root]) {
            System.arraycopy(val[p.root], 0, out, 0, n);
        } else {
            Arrays.fill(out, 0, n, sval[p.root]);
        }
    }

    /**
     * The parameters whose value in {@code theta} differs (in its bits) from the last forward's, as a
     * dependence set, and remembers {@code theta}; every parameter on the first call.
     */
    private long changedParameters(double[] theta) {
        long changed = computed ? 0 : -1L;
        // a parameter the law does not use may be left out of a shorter theta
        for (int k = 0; k < Math.min(theta.length, lastTheta.length); k++) {
            if (Double.doubleToRawLongBits(theta[k]) != Double.doubleToRawLongBits(lastTheta[k])) {
                changed |= Program.parameterBit(k);
                lastTheta[k] = theta[k];
            }
        }
        return changed;
    }

    /**
     * The gradient of {@code sum_r seed[r] * prediction[r]} with respect to every parameter, for the
     * parameters of the last {@link #forward}. With {@code seed = 2 * (prediction - target)} this is the
     * gradient of the sum of squared residuals.
     */
    public void gradient(double[] seed, double[] gradient) {
        gradient(seed, gradient, -1L);
    }

    /**
     * As {@link #gradient(double[], double[])}, for the parameters in {@code parameters} only: the reverse
     * sweep skips the nodes that depend on none of them, and the other entries of {@code gradient} are
     * left unspecified.
     */
    public void gradient(double[] seed, double[] gradient, int[] parameters) {
        gradient(seed, gradient, Program.parameterBits(parameters));
    }

    private void gradient(double[] seed, double[] gradient, long parameters) {
        Arrays.fill(gradient, 0, p.parameterCount, 0.0);
        if (!backward(seed, parameters)) {
            return;
        }
        for (int leaf : parameterLeaves) {
            if (needs(leaf)) {
                gradient[p.slot[leaf]] += Loops.sum(adj[leaf], n);
            }
        }
    }

    /**
     * The Jacobian of the predictions of the last {@link #forward}: {@code jacobian[k][r]} is the derivative
     * of prediction {@code r} with respect to parameter {@code k}.
     */
    public void jacobian(double[][] jacobian) {
        jacobian(jacobian, -1L);
    }

    /**
     * As {@link #jacobian(double[][])}, for the parameters in {@code parameters} only: the reverse sweep
     * skips the nodes that depend on none of them, and the other rows of {@code jacobian} are left
     * unspecified.
     */
    public void jacobian(double[][] jacobian, int[] parameters) {
        jacobian(jacobian, Program.parameterBits(parameters));
    }

    private void jacobian(double[][] jacobian, long parameters) {
        for (int k = 0; k < p.parameterCount; k++) {
            if ((Program.parameterBit(k) & parameters) != 0) {
                Arrays.fill(jacobian[k], 0, n, 0.0);
            }
        }
        if (!backward(ones, parameters)) {
            return;
        }
        for (int leaf : parameterLeaves) {
            if (!needs(leaf)) {
                continue;
            }
            double[] a = adj[leaf];
            double[] column = jacobian[p.slot[leaf]];
            for (int r = 0; r < n; r++) {
                column[r] += a[r];
            }
        }
    }

    private void computeFixedNodes() {
        for (int i = 0; i < p.size; i++) {
            if (p.varying[i] || p.leaf[i] == LEAF_VAR) {
                continue;
            }
            if (p.column[i]) {
                computeColumn(i);
            } else {
                sval[i] = p.leaf[i] == LEAF_CONST ? p.literal[i] : scalarValue(i);
            }
        }
        for (int i = 0; i < p.size; i++) {
            if (p.op[i] == Operator.POW && p.varying[i] && p.column[i]) {
                int base = p.left[i];
                if (p.column[base] && !p.varying[base] && !p.column[p.right[i]]) {
                    powerBase[i] = kernels.powerBase(val[base], n);
                }
            }
        }
    }

    private double scalarValue(int i) {
        double a = sval[p.left[i]];
        double b = p.right[i] >= 0 ? sval[p.right[i]] : 0;
        return switch (p.op[i]) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case NEG -> -a;
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case SQRT -> Math.sqrt(a);
            case ABS -> Math.abs(a);
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
        };
    }

    private void computeColumn(int i) {
        double[] o = val[i];
        int l = p.left[i];
        int r = p.right[i];
        boolean lc = p.column[l];
        boolean rc = r >= 0 && p.column[r];
        switch (p.op[i]) {
            case ADD -> {
                if (rc) {
                    Loops.add(val[l], val[r], o, n);
                } else {
                    Loops.add(val[l], sval[r], o, n);
                }
            }
            case SUB -> {
                if (lc && rc) {
                    Loops.sub(val[l], val[r], o, n);
                } else if (lc) {
                    Loops.add(val[l], -sval[r], o, n);
                } else {
                    Loops.sub(sval[l], val[r], o, n);
                }
            }
            case MUL -> {
                if (rc) {
                    Loops.mul(val[l], val[r], o, n);
                } else {
                    Loops.mul(val[l], sval[r], o, n);
                }
            }
            case DIV -> {
                if (lc && rc) {
                    Loops.div(val[l], val[r], o, n);
                } else if (lc) {
                    Loops.div(val[l], sval[r], o, n);
                } else {
                    Loops.div(sval[l], val[r], o, n);
                }
            }
            case POW -> {
                if (lc && rc) {
                    kernels.pow(val[l], val[r], o, scratch, n);
                } else if (lc) {
                    if (powerBase[i] != null) {
                        powerBase[i].pow(sval[r], o, n);
                    } else {
                        kernels.pow(val[l], sval[r], o, scratch, n);
                    }
                } else {
                    Loops.pow(sval[l], val[r], o, n);
                }
            }
            case NEG -> Loops.mul(val[l], -1.0, o, n);
            case EXP -> kernels.exp(val[l], o, n);
            case LOG -> kernels.log(val[l], o, n);
            case SQRT -> Loops.sqrt(val[l], o, n);
            case ABS -> Loops.abs(val[l], o, n);
            case MIN -> {
                if (rc) {
                    Loops.min(val[l], val[r], o, n);
                } else {
                    Loops.min(val[l], sval[r], o, n);
                }
            }
            case MAX -> {
                if (rc) {
                    Loops.max(val[l], val[r], o, n);
                } else {
                    Loops.max(val[l], sval[r], o, n);
                }
            }
        }
    }

    /**
     * Reverse sweep from the root seeded with {@code seed}, through the nodes that depend on a parameter of
     * the dependence set {@code parameters}; false if there is none. A node's adjoint is the sum of its
     * parents' contributions, and every parent of such a node is such a node too, so each adjoint computed
     * gets exactly the contributions, in the same order, that a sweep through all nodes gives it.
     */
    private boolean backward(double[] seed, long parameters) {
        wanted = parameters;
        if (!needs(p.root)) {
            return false;
        }
        adj[p.root] = seed;
        Arrays.fill(received, 0);
        for (int i = p.root; i >= 0; i--) {
            if (p.leaf[i] == NOT_LEAF && needs(i)) {
                if (p.column[i]) {
                    propagateColumn(i);
                } else {
                    propagateScalar(i);
                }
                flushShared();
                if (p.selectable[i] && p.op[i] != Operator.MIN && p.op[i] != Operator.MAX) {
                    keepZeros(i);
                }
            }
        }
        return true;
    }

    /** Where this node's adjoint is zero, so are its children's: 0 times an infinite partial is 0 here, not NaN. */
    private void keepZeros(int i) {
        keepZeros(adj[i], p.left[i]);
        keepZeros(adj[i], p.right[i]);
    }

    private void keepZeros(double[] parent, int child) {
        if (needs(child) && adj[child] != parent) {
            Loops.zeroWhereZero(parent, adj[child], n);
        }
    }

    /**
     * The array a child's contribution from the current instruction is written into: its own adjoint, so
     * that no parent's adjoint is overwritten; for a shared child's later contributions, a pending buffer
     * that {@link #flushShared} adds to it.
     */
    private double[] own(int child) {
        if (p.uses[child] > 1 && received[child]++ > 0) {
            pendingNode[pendingCount] = child;
            return pending[pendingCount++];
        }
        double[] own = adjOwn[child];
        adj[child] = own;
        return own;
    }

    /** Passes the parent's adjoint {@code a} to a child unchanged (a partial derivative of 1). */
    private void alias(int child, double[] a) {
        if (p.uses[child] > 1) {
            System.arraycopy(a, 0, own(child), 0, n);
        } else {
            adj[child] = a;
        }
    }

    private void flushShared() {
        for (int k = 0; k < pendingCount; k++) {
            double[] sum = adjOwn[pendingNode[k]];
            Loops.add(sum, pending[k], sum, n);
        }
        pendingCount = 0;
    }

    /**
     * Whether a node carries an adjoint in the running sweep. Kept under the JIT's size limit for inlining
     * a method at any call site: a node depends on a parameter exactly when its dependence set is not empty.
     */
    private boolean needs(int child) {
        return child >= 0 && (dependence[child] & wanted) != 0;
    }

    private void propagateScalar(int i) {
        double[] a = adj[i];
        int l = p.left[i];
        int r = p.right[i];
        double x = sval[l];
        double y = r >= 0 ? sval[r] : 0;
        double v = sval[i];
        double dl;
        double dr = 0;
        switch (p.op[i]) {
            case ADD -> {
                dl = 1;
                dr = 1;
            }
            case SUB -> {
                dl = 1;
                dr = -1;
            }
            case MUL -> {
                dl = y;
                dr = x;
            }
            case DIV -> {
                dl = 1 / y;
                dr = -v / y;
            }
            case POW -> {
                dl = x != 0 ? y * Math.pow(x, y - 1) : Loops.powBaseDerivativeAtZero(x, y);
                dr = v * Math.log(x);
            }
            case NEG -> dl = -1;
            case EXP -> dl = v;
            case LOG -> dl = 1 / x;
            case SQRT -> dl = 0.5 / v;
            case ABS -> dl = Math.signum(x);
            case MIN -> {
                dl = x <= y ? 1 : 0;
                dr = 1 - dl;
            }
            case MAX -> {
                dl = x >= y ? 1 : 0;
                dr = 1 - dl;
            }
            default -> throw new AssertionError(p.op[i]);
        }
        scaleInto(l, a, dl);
        if (r >= 0) {
            scaleInto(r, a, dr);
        }
    }

    private void scaleInto(int child, double[] a, double factor) {
        if (!needs(child)) {
            return;
        }
        if (factor == 1) {
            alias(child, a);
        } else {
            Loops.mul(a, factor, own(child), n);
        }
    }

    private void propagateColumn(int i) {
        double[] a = adj[i];
        double[] out = val[i];
        int l = p.left[i];
        int r = p.right[i];
        boolean lc = p.column[l];
        boolean rc = r >= 0 && p.column[r];
        switch (p.op[i]) {
            case ADD -> {
                if (needs(l)) {
                    alias(l, a);
                }
                if (needs(r)) {
                    alias(r, a);
                }
            }
            case SUB -> {
                if (needs(l)) {
                    alias(l, a);
                }
                if (needs(r)) {
                    Loops.mul(a, -1.0, own(r), n);
                }
            }
            case MUL -> {
                if (needs(l)) {
                    if (rc) {
                        Loops.mul(a, val[r], own(l), n);
                    } else {
                        Loops.mul(a, sval[r], own(l), n);
                    }
                }
                if (needs(r)) {
                    Loops.mul(a, val[l], own(r), n);
                }
            }
            case DIV -> {
                double[] denominator = rc ? val[r] : null;
                if (needs(l)) {
                    if (rc) {
                        Loops.div(a, denominator, own(l), n);
                    } else {
                        Loops.mul(a, 1 / sval[r], own(l), n);
                    }
                }
                if (needs(r)) {
                    if (rc) {
                        Loops.negProductQuotient(a, out, denominator, own(r), n);
                    } else {
                        Loops.mulMul(a, out, -1 / sval[r], own(r), n);
                    }
                }
            }
            case POW -> propagatePower(i, a, out, l, r, lc, rc);
            case NEG -> Loops.mul(a, -1.0, own(l), n);
            case EXP -> Loops.mul(a, out, own(l), n);
            case LOG -> Loops.div(a, val[l], own(l), n);
            case SQRT -> Loops.halfQuotient(a, out, own(l), n);
            case ABS -> Loops.mulSign(a, val[l], own(l), n);
            case MIN, MAX -> {
                boolean min = p.op[i] == Operator.MIN;
                if (needs(l)) {
                    Loops.select(a, val[l], rc ? val[r] : null, rc ? 0 : sval[r], min, true, own(l), n);
                }
                if (needs(r)) {
                    Loops.select(a, val[l], rc ? val[r] : null, rc ? 0 : sval[r], min, false, own(r), n);
                }
            }
        }
    }

    private void propagatePower(int i, double[] a, double[] out, int l, int r, boolean lc, boolean rc) {
        if (lc && needs(l)) {
            if (rc) {
                Loops.powBaseDerivative(a, out, val[l], val[r], own(l), n);
            } else {
                Loops.powBaseDerivative(a, out, val[l], sval[r], own(l), n);
            }
        } else if (!lc && needs(l)) {
            // d(s^y)/ds = y * s^y / s, with s a scalar and y a column
            Loops.powBaseDerivative(a, out, sval[l], val[r], own(l), n);
        }
        if (needs(r)) {
            if (lc && powerBase[i] != null) {
                Loops.powExponentDerivative(a, out, powerBase[i].log(), own(r), n);
            } else if (lc) {
                kernels.log(val[l], scratch, n);
                Loops.powExponentDerivative(a, out, scratch, own(r), n);
            } else {
                Loops.powExponentDerivative(a, out, Math.log(sval[l]), own(r), n);
            }
        }
    }
}
