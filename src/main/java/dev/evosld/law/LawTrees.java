package dev.evosld.law;

import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;
import io.jenetics.ext.util.Tree;
import io.jenetics.ext.util.TreeNode;
import io.jenetics.prog.op.Const;
import io.jenetics.prog.op.MathOp;
import io.jenetics.prog.op.Op;
import io.jenetics.prog.op.Val;
import io.jenetics.prog.op.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between laws and Jenetics.prog trees, so that Jenetics' genetic operators can vary laws.
 *
 * <p>Names become {@link Var}s: the law's variables first, then its parameters, each with its index in that
 * order (Jenetics evaluates a {@code Var} by index; EvoSLD never evaluates these trees, it only needs
 * the names back). Literals become {@link Const}s.
 */
public final class LawTrees {
    private LawTrees() {
    }

    /** The law as a Jenetics tree; names are indexed variables first, then parameters. */
    public static TreeNode<Op<Double>> toTree(Law law) {
        List<String> names = new ArrayList<>(law.variables());
        names.addAll(law.parameters());
        return toTree(law.expr(), names);
    }

    /** The expression as a Jenetics tree; a name's {@code Var} index is its position in {@code names}. */
    public static TreeNode<Op<Double>> toTree(Expr expr, List<String> names) {
        return switch (expr) {
            case Num n -> TreeNode.of(Const.of(n.value()));
            case Sym s -> {
                int index = names.indexOf(s.name());
                if (index < 0) {
                    throw new IllegalArgumentException("name '" + s.name() + "' is not among " + names);
                }
                yield TreeNode.of(Var.of(s.name(), index));
            }
            case Apply a -> {
                TreeNode<Op<Double>> node = TreeNode.of(mathOp(a.op()));
                for (Expr arg : a.args()) {
                    node.attach(toTree(arg, names));
                }
                yield node;
            }
        };
    }

    /**
     * The expression a Jenetics tree denotes. Besides the law language's operations this accepts the
     * Jenetics operations that are shorthand for them ({@code sqr}, {@code id}).
     *
     * @throws IllegalArgumentException for an operation the law language lacks
     */
    public static Expr fromTree(Tree<? extends Op<Double>, ?> tree) {
        Op<Double> op = tree.value();
        if (op instanceof Var<Double> v) {
            return Expr.sym(v.name());
        }
        if (op instanceof Val<Double> v) {
            return Expr.num(v.value());
        }
        List<Expr> args = new ArrayList<>(tree.childCount());
        for (int i = 0; i < tree.childCount(); i++) {
            args.add(fromTree(tree.childAt(i)));
        }
        if (op == MathOp.SQR) {
            return Expr.pow(args.getFirst(), Expr.num(2));
        }
        if (op == MathOp.ID) {
            return args.getFirst();
        }
        return new Apply(operator(op), args);
    }

    /** The Jenetics operation of a law-language operation. */
    public static MathOp mathOp(Operator op) {
        return switch (op) {
            case ADD -> MathOp.ADD;
            case SUB -> MathOp.SUB;
            case MUL -> MathOp.MUL;
            case DIV -> MathOp.DIV;
            case POW -> MathOp.POW;
            case NEG -> MathOp.NEG;
            case EXP -> MathOp.EXP;
            case LOG -> MathOp.LOG;
            case SQRT -> MathOp.SQRT;
            case ABS -> MathOp.ABS;
            case MIN -> MathOp.MIN;
            case MAX -> MathOp.MAX;
        };
    }

    /**
     * The law-language operation of a Jenetics operation.
     *
     * @throws IllegalArgumentException for an operation the law language lacks
     */
    public static Operator operator(Op<Double> op) {
        for (Operator candidate : Operator.values()) {
            if (mathOp(candidate) == op) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("the law language has no operation '" + op.name() + "'");
    }
}
