package dev.evosld.report;

import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.Predictions.GroupError;
import dev.evosld.export.Notation;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The report's section of every group's fitted parameters. */
final class ParametersSection {
    private ParametersSection() {
    }

    /** The section's HTML: a row per group of its fitted parameters, with its rows and RMSE in train and test. */
    static String of(Law law, ParameterSet parameters, Notation notation, Predictions train,
                     Optional<Predictions> test) {
        List<String> targets = parameters.targets();
        boolean several = targets.size() > 1;
        Map<String, GroupError> trainErrors = byGroup(train);
        Optional<Map<String, GroupError>> testErrors = test.map(ParametersSection::byGroup);
        StringBuilder out = new StringBuilder("<section id=\"parameters\">\n<h2>Parameters per group</h2>\n");
        out.append("<p class=\"note\">Six significant digits; hover for the exact value. RMSE over the group's rows")
            .append(several ? ", in the target's units" : "").append(".</p>\n");
        out.append("<div class=\"scroll\"><table class=\"parameters\">\n<thead><tr><th>group</th>");
        // beside the group's name, in view however wide the table: a law of 3 parameters all but passes through 4 runs
        out.append("<th class=\"num\">train rows</th>")
            .append(testErrors.isPresent() ? "<th class=\"num\">test rows</th>" : "");
        for (String name : law.parameters()) {
            out.append("<th class=\"num\">").append(notation.mathMlSymbol(name)).append("</th>");
        }
        out.append("<th class=\"num\">train RMSE</th>")
            .append(testErrors.isPresent() ? "<th class=\"num\">test RMSE</th>" : "").append("</tr></thead>\n");
        int columns = 3 + law.parameters().size() + (testErrors.isPresent() ? 2 : 0);
        // a block of rows per target under its name, where a column of target names beside domain_mixture's seven
        // parameters made the table wider than a laptop's window; the columns stay aligned from one target to the next
        for (int t = 0; t < targets.size(); t++) {
            out.append("<tbody>\n");
            if (several) {
                out.append("<tr class=\"target\"><th colspan=\"").append(columns).append("\">Target <code>")
                    .append(Html.escape(targets.get(t))).append("</code></th></tr>\n");
            }
            for (String group : parameters.groups()) {
                out.append("<tr>");
                out.append("<td class=\"group\">").append(Html.escape(group)).append("</td>");
                out.append("<td class=\"num\">").append(rows(trainErrors.get(group))).append("</td>");
                if (testErrors.isPresent()) {
                    out.append("<td class=\"num\">").append(rows(testErrors.get().get(group))).append("</td>");
                }
                for (double value : parameters.values(group, t)) {
                    out.append("<td class=\"num\">").append(Html.number(value)).append("</td>");
                }
                out.append("<td class=\"num\">").append(rmse(trainErrors.get(group), t)).append("</td>");
                if (testErrors.isPresent()) {
                    out.append("<td class=\"num\">").append(rmse(testErrors.get().get(group), t)).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n");
        }
        return out.append("</table></div>\n</section>\n").toString();
    }

    /**
     * The names of the parameters table's columns, which report.css sets above each number on a phone, where the table's
     * heading row is hidden: CSS writes text only, so a symbol's subscript follows an underscore ({@code β_0}).
     */
    static String parameterLabels(List<String> names, Notation notation, boolean testSplit) {
        List<String> labels = new ArrayList<>(List.of("train rows"));
        if (testSplit) {
            labels.add("test rows");
        }
        for (String name : names) {
            labels.add(notation.mathMlSymbol(name).replace("<mrow>", "_").replaceAll("<[^>]+>", ""));
        }
        labels.add("train RMSE");
        if (testSplit) {
            labels.add("test RMSE");
        }
        StringBuilder out = new StringBuilder("@media screen and (max-width: 640px) {\n");
        for (int c = 0; c < labels.size(); c++) {
            // the group's name is the first column
            out.append("  #parameters td:nth-child(").append(c + 2).append(")::before { content: \"")
                .append(labels.get(c).replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\3c ")).append("\"; }\n");
        }
        return out.append("}\n").toString();
    }

    private static Map<String, GroupError> byGroup(Predictions predictions) {
        Map<String, GroupError> errors = new LinkedHashMap<>();
        predictions.groups().forEach(g -> errors.put(g.group(), g));
        return errors;
    }

    /** The group's rows, 0 where it has none in the split. */
    private static String rows(GroupError error) {
        return Integer.toString(error == null ? 0 : error.rows());
    }

    /** A target's RMSE in the group, in the target's units (a loss and an accuracy pooled would be in neither's). */
    private static String rmse(GroupError error, int target) {
        if (error == null) {
            return "&#x2014;";
        }
        double rmse = error.rmse(target);
        return Double.isFinite(rmse) ? Html.number(rmse) : "not finite";
    }
}
