package dev.evosld.export;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A name as it is typeset: a base glyph with optional subscript glyphs, {@code E_max} as
 * <i>E</i><sub>max</sub>. Rendered as LaTeX or MathML; the LaTeX text doubles as the identity used to keep
 * two names from looking alike.
 *
 * @param base the main glyph
 * @param subscript the glyphs of the subscript, separated by commas when there are several; may be empty
 */
record Symbol(Glyph base, List<Glyph> subscript) {

    Symbol {
        Objects.requireNonNull(base);
        subscript = List.copyOf(subscript);
    }

    static Symbol of(Glyph base) {
        return new Symbol(base, List.of());
    }

    /** One piece of a symbol. */
    sealed interface Glyph {
        String latex();

        String mathMl();
    }

    /** A single Latin letter, set in italics. */
    record Letter(char letter) implements Glyph {
        @Override
        public String latex() {
            return String.valueOf(letter);
        }

        @Override
        public String mathMl() {
            return "<mi>" + letter + "</mi>";
        }
    }

    /**
     * A glyph with a prime, <i>C</i>′: how a parameter is written whose own letter a feature of the task holds, so
     * that the two still read as letters and never alike.
     */
    record Primed(Glyph glyph) implements Glyph {
        @Override
        public String latex() {
            return glyph.latex() + "'";
        }

        @Override
        public String mathMl() {
            return "<msup>" + glyph.mathMl() + "<mo>′</mo></msup>";
        }
    }

    /** A Greek letter by its LaTeX name ({@code alpha}, {@code Gamma}). */
    record Greek(String name) implements Glyph {
        @Override
        public String latex() {
            return "\\" + name;
        }

        @Override
        public String mathMl() {
            String letter = GreekLetters.unicode(name);
            // upright capitals, italic lowercase: the usual convention, and MathML's default only for the latter
            return Character.isUpperCase(name.charAt(0))
                ? "<mi mathvariant=\"normal\">" + letter + "</mi>"
                : "<mi>" + letter + "</mi>";
        }
    }

    /** A word set upright, such as {@code max} in <i>E</i><sub>max</sub> or a feature's whole name. */
    record Word(String text) implements Glyph {
        @Override
        public String latex() {
            return "\\mathrm{" + text.replace("_", "\\_") + "}";
        }

        @Override
        public String mathMl() {
            // a one-letter <mi> would be italic; a word is upright either way
            return text.length() == 1
                ? "<mi mathvariant=\"normal\">" + text + "</mi>"
                : "<mi>" + text + "</mi>";
        }
    }

    /** Digits, as in <i>t</i><sub>1</sub>. */
    record Digits(String digits) implements Glyph {
        @Override
        public String latex() {
            return digits;
        }

        @Override
        public String mathMl() {
            return "<mn>" + digits + "</mn>";
        }
    }

    /** The symbol in LaTeX math mode: {@code E_{\mathrm{max}}}. */
    String latex() {
        if (subscript.isEmpty()) {
            return base.latex();
        }
        return base.latex() + "_{" + subscript.stream().map(Glyph::latex).collect(Collectors.joining(",")) + "}";
    }

    /** The symbol as MathML content (without the {@code <math>} element). */
    String mathMl() {
        if (subscript.isEmpty()) {
            return base.mathMl();
        }
        StringBuilder sub = new StringBuilder();
        for (int i = 0; i < subscript.size(); i++) {
            if (i > 0) {
                sub.append("<mo separator=\"true\">,</mo>");
            }
            sub.append(subscript.get(i).mathMl());
        }
        return "<msub>" + base.mathMl() + "<mrow>" + sub + "</mrow></msub>";
    }

    /** A rough width in em, for deciding where a long equation breaks. */
    double width() {
        double width = glyphWidth(base);
        for (Glyph glyph : subscript) {
            width += 0.75 * glyphWidth(glyph);
        }
        return width;
    }

    private static double glyphWidth(Glyph glyph) {
        return switch (glyph) {
            case Letter l -> 0.65;
            case Greek g -> 0.6;
            case Word w -> 0.5 * w.text().length();
            case Digits d -> 0.5 * d.digits().length();
            case Primed p -> glyphWidth(p.glyph()) + 0.3;
        };
    }
}
