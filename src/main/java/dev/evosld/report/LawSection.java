package dev.evosld.report;

import dev.evosld.export.Notation;
import dev.evosld.law.Law;
import dev.evosld.law.Operator;

/** The report's section of the law itself, as the run reports it ({@link dev.evosld.law.ReadableSigns}). */
final class LawSection {
    private LawSection() {
    }

    /** The section's HTML: the law as MathML, wide and in pieces for a phone, its symbols' legend, its text and LaTeX. */
    static String of(Law law, Notation notation) {
        StringBuilder out = new StringBuilder("<section id=\"law\">\n<h2>Law</h2>\n");
        out.append("<div class=\"formula\">").append(notation.mathMl()).append("</div>\n");
        // MathML never wraps: a phone's window shows the equation in pieces that wrap like words (report.css)
        out.append("<div class=\"formula-narrow\">").append(String.join("<wbr>", notation.mathMlPieces()))
            .append("</div>\n");
        out.append("<ul class=\"legend\">\n");
        for (Notation.LegendEntry entry : notation.legend()) {
            String names = entry.names().stream().map(n -> "<code>" + Html.escape(n) + "</code>")
                .reduce((a, b) -> a + ", " + b).orElse("");
            String what = entry.names().size() > 1 ? "each target, fitted separately: " + names : names;
            out.append("<li>").append(entry.mathMl()).append(" &#x2014; ").append(what).append(" (")
                .append(entry.role()).append(")</li>\n");
        }
        if (law.expr().uses(Operator.LOG)) {
            out.append("<li><math><mi>log</mi></math> &#x2014; the natural logarithm</li>\n");
        }
        out.append("</ul>\n");
        out.append("<p class=\"law-text\">In EvoSLD's law language: <code>").append(Html.escape(law.toString()))
            .append("</code></p>\n");
        out.append("<details><summary>LaTeX</summary><pre><code>").append(Html.escape(notation.latex()))
            .append("</code></pre></details>\n</section>\n");
        return out.toString();
    }
}
