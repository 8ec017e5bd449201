package dev.evosld.law;

import dev.evosld.law.Expr.Apply;
import dev.evosld.law.Expr.Num;
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

    /**
     * Merges terms that differ only in a literal factor and their sign, and writes a later term's negative
     * literal factor as a minus: people read {@code x - t}, not {@code x + -1*t}.
     */
    Sums withLikeTermsMerged() {
        List<Term> read = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            read.add(Term.of(terms.get(i), negated.get(i)));
        }
        List<Expr> merged = new ArrayList<>();
        List<Boolean> mergedNegated = new ArrayList<>();
        boolean[] done = new boolean[read.size()];
        for (int i = 0; i < read.size(); i++) {
            if (done[i]) {
                continue;
            }
            Term term = read.get(i);
            double coefficient = term.coefficient();
            int like = 1;
            for (int j = i + 1; j < read.size() && !(term.rest() instanceof Num); j++) {
                if (!done[j] && read.get(j).rest().equals(term.rest())) {
                    coefficient += read.get(j).coefficient();
                    done[j] = true;
                    like++;
                }
            }
            boolean rewrite = like > 1 || (term.literalFactor() < 0 && !merged.isEmpty());
            if (!rewrite) {
                merged.add(terms.get(i));
                mergedNegated.add(negated.get(i));
            } else if (coefficient != 0) {
                double size = Math.abs(coefficient);
                merged.add(size == 1 ? term.rest() : Expr.mul(Expr.num(size), term.rest()));
                mergedNegated.add(coefficient < 0);
            }
        }
        return new Sums(merged, mergedNegated);
    }

    /**
     * A term of a sum read as {@code ± literal * rest}.
     *
     * @param rest the term without its literal factor (the term itself when it has none)
     * @param literalFactor the literal factor as written, 1 when there is none; a leading minus is -1
     * @param coefficient the literal factor with the term's sign in the sum
     */
    private record Term(Expr rest, double literalFactor, double coefficient) {
        static Term of(Expr term, boolean negated) {
            double sign = negated ? -1 : 1;
            if (term instanceof Num n && n.value() < 0) {
                return new Term(Expr.num(-n.value()), -1, -sign);
            }
            if (term instanceof Apply a && a.op() == Operator.NEG) {
                return new Term(a.arg(0), -1, -sign);
            }
            if (term instanceof Apply a && a.op() == Operator.MUL) {
                for (int side = 0; side < 2; side++) {
                    if (a.arg(side) instanceof Num n && Double.isFinite(n.value())) {
                        return new Term(a.arg(1 - side), n.value(), sign * n.value());
                    }
                }
            }
            return new Term(term, 1, sign);
        }
    }
}

