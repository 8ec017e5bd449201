package dev.evosld.search;

import dev.evosld.law.Expr;
import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
import dev.evosld.law.Expr.Sym;
import dev.evosld.law.Law;
import dev.evosld.law.LawTrees;
import io.jenetics.ext.util.Tree;
import io.jenetics.ext.util.TreeNode;
import io.jenetics.prog.op.Const;
import io.jenetics.prog.op.MathOp;
import io.jenetics.prog.op.Op;
import io.jenetics.prog.op.Val;
import io.jenetics.prog.op.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A candidate law as the genetic operators see it, a Jenetics program tree: variables are {@link Var}s,
 * literals {@link Const}s, parameters {@link ParameterOp}s that carry their last fitted value.
 *
 * @param law the law
 * @param values known parameter values by name (may miss some)
 */
record LawTree(Law law, Map<String, Double> values) {

    LawTree {
        values = Map.copyOf(values);
    }

    /** The Jenetics tree: variables indexed in the task's feature order. */
    TreeNode<Op<Double>> toTree(List<String> features) {
        return toTree(law.expr(), features);
    }

    private TreeNode<Op<Double>> toTree(Expr expr, List<String> features) {
        return switch (expr) {
            case Num n -> TreeNode.of(Const.of(n.value()));
            case Sym s when features.contains(s.name()) -> TreeNode.of(Var.of(s.name(), features.indexOf(s.name())));
            case Sym s -> TreeNode.of(new ParameterOp(s.name(), values.getOrDefault(s.name(), Double.NaN)));
            case Apply a -> {
                TreeNode<Op<Double>> node = TreeNode.of(LawTrees.mathOp(a.op()));
                for (Expr arg : a.args()) {
                    node.attach(toTree(arg, features));
                }
                yield node;
            }
        };
    }

    /**
     * Reads a (possibly mutated) tree back: every {@link ParameterOp#FRESH} occurrence becomes a new
     * parameter {@code p<n>} with an unused n.
     */
    static LawTree fromTree(Tree<? extends Op<Double>, ?> tree, List<String> features) {
        Set<String> used = new HashSet<>();
        collectNames(tree, used);
        Map<String, Double> values = new HashMap<>();
        int[] counter = {0};
        Expr expr = read(tree, values, used, counter);
        return new LawTree(Law.of(expr, features), values);
    }

    private static void collectNames(Tree<? extends Op<Double>, ?> tree, Set<String> names) {
        if (tree.value() instanceof ParameterOp p) {
            names.add(p.name());
        }
        for (int i = 0; i < tree.childCount(); i++) {
            collectNames(tree.childAt(i), names);
        }
    }

    private static Expr read(Tree<? extends Op<Double>, ?> tree, Map<String, Double> values, Set<String> used, int[] counter) {
        Op<Double> op = tree.value();
        if (op instanceof ParameterOp p) {
            String name = p.name();
            if (name.equals(ParameterOp.FRESH)) {
                do {
                    name = "p" + (++counter[0]);
                } while (used.contains(name));
                used.add(name);
            }
            if (Double.isFinite(p.value())) {
                values.put(name, p.value());
            }
            return Expr.sym(name);
        }
        if (op instanceof Var<Double> v) {
            return Expr.sym(v.name());
        }
        if (op instanceof Val<Double> v) {
            double value = v.value();
            return Double.isFinite(value) ? Expr.num(value) : Expr.num(0);
        }
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < tree.childCount(); i++) {
            args.add(read(tree.childAt(i), values, used, counter));
        }
        if (op == MathOp.SQR) {
            return Expr.pow(args.getFirst(), Expr.num(2));
        }
        if (op == MathOp.ID) {
            return args.getFirst();
        }
        return new Apply(LawTrees.operator(op), args);
    }
}
