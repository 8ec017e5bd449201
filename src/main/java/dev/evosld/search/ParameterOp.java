package dev.evosld.search;

import io.jenetics.prog.op.Op;
import java.util.Objects;

/**
 * A fitted parameter inside a Jenetics program tree: a terminal with a name and the value it was last
 * fitted to (the Lamarckian write-back). Equality is by name only, so Jenetics' rewrite rules treat two
 * occurrences of a parameter as the same symbol (they would fold a named {@code Const} into a number).
 *
 * <p>The name {@link #FRESH} marks a parameter created by mutation: every occurrence becomes a new,
 * distinct parameter when the tree is read back.
 */
record ParameterOp(String name, double value) implements Op<Double> {
    static final String FRESH = "_new";

    ParameterOp {
        Objects.requireNonNull(name);
    }

    static ParameterOp fresh(double value) {
        return new ParameterOp(FRESH, value);
    }

    @Override
    public int arity() {
        return 0;
    }

    @Override
    public Double apply(Double[] args) {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterOp p && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
