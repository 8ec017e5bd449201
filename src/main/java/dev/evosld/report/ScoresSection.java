package dev.evosld.report;

import dev.evosld.data.DataException;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.TaskData;
import dev.evosld.data.UserData;
import dev.evosld.eval.Predictions;
import dev.evosld.eval.R2;
import dev.evosld.run.DataSource;
import dev.evosld.run.LawDocument;
import java.util.Map;
import java.util.Optional;

/** The report's section of the run's scores and provenance. */
final class ScoresSection {
    private ScoresSection() {
    }

    /**
     * The section's HTML: the scores law.json records and the task's references beside the run's provenance, with a
     * warning when the data given to the report scores test otherwise than the run recorded.
     */
    static String of(LawDocument document, TaskData data, Predictions train, Optional<Predictions> test) {
        LawDocument.Metrics metrics = document.metrics();
        StringBuilder out = new StringBuilder("<section id=\"scores\">\n<h2>Scores</h2>\n");
        // what each number is, before the first of them: a validation RMSE and, further down, a validation error read alike
        out.append("<p class=\"note\">Validation scores the law on runs of train held out from its fit, as the search")
            .append(" scored every law").append(test.isPresent() ? " (the test split stays unseen)" : "")
            .append(". R² is SLDBench's: 1 − the mean squared error over the variance of the actual values, averaged over")
            .append(" targets; RMSE, the root mean squared error, is in the target's units.</p>\n<div class=\"columns\">\n");
        out.append("<table class=\"keyvalue\" id=\"metrics\">\n");
        if (metrics != null) {
            row(out, "train R²", Html.r2(metrics.trainR2()));
            row(out, "validation R²", metrics.validationR2() != null ? Html.r2(metrics.validationR2())
                : metrics.validationFailure() != null ? "&#x2014; (fails: " + Html.escape(metrics.validationFailure()) + ")"
                : "&#x2014; (not measured)");
            // in the targets' units: how far the predictions of held-out (larger) runs missed inside train, and of test
            rmseRows(out, "validation RMSE", metrics.validationRmse());
            row(out, "test R²", test.isEmpty() ? "none (no test split: every row was used to fit the law)"
                : metrics.testR2() != null || !test.get().r2().isFailure() ? Html.r2(metrics.testR2())
                : "&#x2014; (" + Html.escape(test.get().r2().failure()) + ")");
            rmseRows(out, "test RMSE", metrics.testRmse());
            row(out, "parameters", metrics.parameterCount() + (data.config().targets().size() > 1
                ? " per group and target" : " per group"));
            row(out, "nodes", Integer.toString(metrics.nodeCount()));
        }
        TaskConfig.References references = data.config().references();
        if (references != null) {
            row(out, "human law, test R²", Html.r2(references.humanR2()));
            row(out, "leaderboard best, test R²", Html.r2(references.leaderboardR2()));
        }
        out.append("</table>\n<table class=\"keyvalue\" id=\"provenance\">\n");
        row(out, "task", Html.escape(document.task()));
        row(out, "groups", Integer.toString(train.groups().size()));
        row(out, "rows", train.actual().getFirst().length + " train, "
            + test.map(t -> t.actual().getFirst().length + " test").orElse("no test split"));
        LawDocument.Provenance provenance = document.provenance();
        if (provenance != null) {
            row(out, "seed", Long.toString(provenance.seed()));
            if (provenance.search() != null) {
                LawDocument.Search search = provenance.search();
                row(out, "search", search.generations() + " of " + search.plannedGenerations() + " generations"
                    + (search.generations() >= search.plannedGenerations() ? ""
                        : " (cut short by its " + Html.escape(String.valueOf(search.stoppedBy()))
                            + ": another run with this seed finds another law)")
                    + (search.restartsCutShort() ? ", " + search.restarts() + " of " + search.plannedRestarts()
                        + " restarts (the others did not start before the time limit; resuming the run searches with"
                        + " them)" : "")
                    + (search.proposers() == null ? "" : ", laws proposed by " + Html.escape(String.join(" and ", search.proposers()))));
            }
            DataSource source = provenance.data();
            if (source != null) {
                row(out, "data", "csv".equals(source.kind())
                    ? "<code>" + Html.escape(String.valueOf(source.data())) + "</code>"
                      + (source.test() != null ? ", test <code>" + Html.escape(source.test()) + "</code>" : "")
                      + (source.testAbove() != null ? ", test rows " + Html.escape(splitRule(source.testAbove())) : "")
                    : "SLDBench <code>" + Html.escape(String.valueOf(source.task())) + "</code>");
            }
            row(out, "data checksum", "<code>" + Html.escape(String.valueOf(provenance.dataChecksum())) + "</code>");
        }
        out.append("</table>\n</div>\n");
        Optional<R2> testR2 = test.map(Predictions::r2).filter(r2 -> !r2.isFailure());
        if (metrics != null && metrics.testR2() != null && testR2.isPresent()
            && Math.abs(testR2.get().value() - metrics.testR2()) > 1e-9) {
            out.append("<p class=\"warning\">On the data given to the report the law scores test R² ")
                .append(Html.r2(testR2.get().value())).append(", not the recorded ").append(Html.r2(metrics.testR2()))
                .append(": the data may have changed since the run.</p>\n");
        }
        return out.append("</section>\n").toString();
    }

    /**
     * A row per target of root mean squared errors (none when they were not measured), in the four significant digits
     * discover prints them in, written as the page writes numbers.
     */
    private static void rmseRows(StringBuilder out, String key, Map<String, Double> byTarget) {
        if (byTarget == null) {
            return;
        }
        byTarget.forEach((target, rmse) -> row(out, key + (byTarget.size() > 1 ? " (" + Html.escape(target) + ")" : ""),
            Html.number(rmse, 4)));
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append("<tr><th>").append(key).append("</th><td>").append(value).append("</td></tr>\n");
    }

    /**
     * A recorded split rule with its number as the user writes it: runs made before rules were recorded so hold
     * Java's form ({@code N>1.0E9}); one that does not parse is shown as recorded.
     */
    private static String splitRule(String recorded) {
        try {
            return UserData.ScaleRule.parse(recorded).toString();
        } catch (DataException e) {
            return recorded;
        }
    }
}
