package dev.evosld.eval;

import dev.evosld.law.Expr;
import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;
import dev.evosld.law.Law;
import dev.evosld.law.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A law compiled once into a flat post-order program, ready to be bound to the columns of a data group
 * ({@link #bind}) and evaluated column-at-a-time with exact reverse-mode gradients.
 *
 * <p>Every instruction is one node of the expression tree. Compilation classifies each node so that the
 * hot loop does the least work: a node without variables is a <em>scalar</em> (one number for all rows);
 * a node without parameters is <em>fixed</em> and computed once per binding (for example {@code log(N)});
 * only the remaining nodes are recomputed when the parameters change, and only they carry adjoints.
 *
 * <p>Repeated subexpressions are compiled once (a law such as moe's writes its expert term out twice), so the
 * program is a graph: an instruction may feed several others, and its adjoint is then the sum of their
 * contributions. Subexpressions below a {@code min} or {@code max} are not shared, since their adjoints are
 * masked per parent. Immutable and thread-safe; an {@link Evaluator} holds the per-binding work arrays.
 */
public final class Program {
    static final int LEAF_CONST = 0;
    static final int LEAF_PARAM = 1;
    static final int LEAF_VAR = 2;
    static final int NOT_LEAF = -1;

    final int size;
    final int root;
    final int parameterCount;
    final int variableCount;
    final int[] leaf;
    final Operator[] op;
    final int[] left;
    final int[] right;
    final int[] slot;
    final double[] literal;
    /** Depends on a variable: a column of values rather than one scalar. */
    final boolean[] column;
    /** Depends on a parameter: recomputed for every parameter vector, carries an adjoint. */
    final boolean[] varying;
    /** For binary nodes with one column operand: whether the operands were swapped to put it left. */
    final boolean[] swapped;
    /**
     * Below a {@code min} or {@code max}: its adjoint is exactly zero on the rows where the other operand
     * was chosen, and must stay zero even where this branch's partial derivatives are infinite or NaN.
     */
    final boolean[] selectable;
    /** The number of operand references to each instruction: more than one for a shared subexpression. */
    final int[] uses;
    /**
     * The parameters each instruction depends on, as a bit set of {@link #parameterBit}s: an instruction
     * whose parameters did not change keeps its value, and one that depends on none of the parameters whose
     * derivatives are wanted needs no adjoint.
     */
    final long[] dependence;

    private Program(List<Node> nodes, int parameterCount, int variableCount) {
        this.size = nodes.size();
        this.root = size - 1;
        this.parameterCount = parameterCount;
        this.variableCount = variableCount;
        leaf = new int[size];
        op = new Operator[size];
        left = new int[size];
        right = new int[size];
        slot = new int[size];
        literal = new double[size];
        column = new boolean[size];
        varying = new boolean[size];
        swapped = new boolean[size];
        selectable = new boolean[size];
        uses = new int[size];
        dependence = new long[size];
        for (int i = 0; i < size; i++) {
            Node n = nodes.get(i);
            leaf[i] = n.leaf;
            op[i] = n.op;
            left[i] = n.left;
            right[i] = n.right;
            slot[i] = n.slot;
            literal[i] = n.literal;
            column[i] = n.column;
            varying[i] = n.varying;
            swapped[i] = n.swapped;
            selectable[i] = n.selectable;
            if (n.left >= 0) {
                uses[n.left]++;
                dependence[i] |= dependence[n.left];
            }
            if (n.right >= 0) {
                uses[n.right]++;
                dependence[i] |= dependence[n.right];
            }
            if (n.leaf == LEAF_PARAM) {
                dependence[i] = parameterBit(n.slot);
            }
        }
    }

    /**
     * The bit of parameter {@code slot} in a dependence set. Parameters beyond the 64th share all bits, so
     * that sets stay conservative: such a parameter's change is taken to touch every varying instruction.
     */
    static long parameterBit(int slot) {
        return slot < Long.SIZE ? 1L << slot : -1L;
    }

    /** The dependence set of the given parameters. */
    static long parameterBits(int[] slots) {
        long bits = 0;
        for (int slot : slots) {
            bits |= parameterBit(slot);
        }
        return bits;
    }

    /** Compiles a law; variables and parameters are indexed in the law's order. */
    public static Program compile(Law law) {
        return compile(law.expr(), law.variables(), law.parameters());
    }

    /**
     * Compiles an expression. A name is a variable if it is in {@code variables} (its index there is its
     * column in {@link #bind}), else a parameter (its index in {@code parameters} is its slot in the
     * parameter vector).
     *
     * @throws IllegalArgumentException if a name is in neither list
     */
    public static Program compile(Expr expr, List<String> variables, List<String> parameters) {
        List<Node> nodes = new ArrayList<>(expr.size());
        new Emitter(variables, parameters, nodes).emit(expr, false);
        return new Program(nodes, parameters.size(), variables.size());
    }

    /** Emits instructions in post-order, sharing repeated subexpressions outside {@code min}/{@code max}. */
    private static final class Emitter {
        private final List<String> variables;
        private final List<String> parameters;
        private final List<Node> out;
        private final Map<Expr, Integer> emitted = new HashMap<>();

        Emitter(List<String> variables, List<String> parameters, List<Node> out) {
            this.variables = variables;
            this.parameters = parameters;
            this.out = out;
        }

        int emit(Expr expr, boolean selectable) {
            if (expr instanceof Apply && !selectable) {
                Integer known = emitted.get(expr);
                if (known != null) {
                    return known;
                }
            }
            Node node = new Node();
            node.selectable = selectable;
            switch (expr) {
                case Num n -> {
                    node.leaf = LEAF_CONST;
                    node.literal = n.value();
                }
                case Sym s -> {
                    int variable = variables.indexOf(s.name());
                    if (variable >= 0) {
                        node.leaf = LEAF_VAR;
                        node.slot = variable;
                        node.column = true;
                    } else {
                        int parameter = parameters.indexOf(s.name());
                        if (parameter < 0) {
                            throw new IllegalArgumentException("name '" + s.name() + "' is neither a variable "
                                + variables + " nor a parameter " + parameters);
                        }
                        node.leaf = LEAF_PARAM;
                        node.slot = parameter;
                        node.varying = true;
                    }
                }
                case Apply a -> {
                    node.op = a.op();
                    boolean below = selectable || a.op() == Operator.MIN || a.op() == Operator.MAX;
                    int l = emit(a.arg(0), below);
                    int r = a.args().size() > 1 ? emit(a.arg(1), below) : -1;
                    Node ln = out.get(l);
                    Node rn = r >= 0 ? out.get(r) : null;
                    node.column = ln.column || (rn != null && rn.column);
                    node.varying = ln.varying || (rn != null && rn.varying);
                    // scalar-column pairs of commutative operations are stored column first: one loop fewer
                    if (rn != null && !ln.column && rn.column && a.op().isCommutative()) {
                        node.swapped = true;
                        node.left = r;
                        node.right = l;
                    } else {
                        node.left = l;
                        node.right = r;
                    }
                }
            }
            out.add(node);
            int index = out.size() - 1;
            if (expr instanceof Apply && !selectable) {
                emitted.put(expr, index);
            }
            return index;
        }
    }

    /**
     * Binds the program to a group's rows, using the fastest kernels available.
     *
     * @param rows the number of rows
     * @param columns one array of at least {@code rows} values per variable, in the order given at
     *     compilation; they are read, never written, and must not change while the evaluator is in use
     */
    public Evaluator bind(int rows, double[][] columns) {
        return new Evaluator(this, rows, columns, Kernels.preferred());
    }

    /** Binds the program with the given kernels (tests compare the vector and scalar paths). */
    public Evaluator bind(int rows, double[][] columns, Kernels kernels) {
        return new Evaluator(this, rows, columns, kernels);
    }

    /** The number of instructions: the nodes of the expression tree, counting a repeated subexpression once. */
    public int size() {
        return size;
    }

    public int parameterCount() {
        return parameterCount;
    }

    public int variableCount() {
        return variableCount;
    }

    private static final class Node {
        int leaf = NOT_LEAF;
        Operator op;
        int left = -1;
        int right = -1;
        int slot = -1;
        double literal;
        boolean column;
        boolean varying;
        boolean swapped;
        boolean selectable;
    }
}
