package dev.evosld.law;

import dev.evosld.law.Expr.Apply;
import java.util.ArrayList;
import java.util.List;

/**
 * A law read as a sum of signed terms, {@code t1 ± t2 ± ...}: how people read scaling laws (an irreducible
 * loss plus power-law terms), and how the simplifier and the search's mutations edit them.
 *
 * @param terms the terms, left to right
 * @param negated for each term, whether it is subtracted
 */
public record Sums(List<Expr> terms, List<Boolean> negated) {

    public Sums {
        terms = List.copyOf(terms);
        negated = List.copyOf(negated);
    }

    /** The terms of the top-level sum of {@code e} (a single term when it is not a sum). */
    public static Sums of(Expr e) {
        List<Expr> terms = new ArrayList<>();
        List<Boolean> negated = new ArrayList<>();
        flatten(e, false, terms, negated);
        return new Sums(terms, negated);
    }

    private static void flatten(Expr e, boolean negated, List<Expr> terms, List<Boolean> signs) {
        if (e instanceof Apply a && (a.op() == Operator.ADD || a.op() == Operator.SUB)) {
            flatten(a.arg(0), negated, terms, signs);
            flatten(a.arg(1), a.op() == Operator.SUB != negated, terms, signs);
        } else {
            terms.add(e);
            signs.add(negated);
        }
    }

    /** The sum rebuilt from terms and signs, left-associated; {@code 0} when there are none. */
    public static Expr build(List<Expr> terms, List<Boolean> negated) {
        if (terms.isEmpty()) {
            return Expr.num(0);
        }
        Expr sum = negated.getFirst() ? Expr.neg(terms.getFirst()) : terms.getFirst();
        for (int i = 1; i < terms.size(); i++) {
            sum = Expr.apply(negated.get(i) ? Operator.SUB : Operator.ADD, sum, terms.get(i));
        }
        return sum;
    }

    public int size() {
        return terms.size();
    }
}
