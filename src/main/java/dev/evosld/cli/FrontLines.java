package dev.evosld.cli;

import dev.evosld.search.ParetoEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Pareto front as {@code discover} prints it: one line per law, simplest first, with its validation R²,
 * parameter count and how far it trails the best law (in standard errors of the difference, the measure the
 * choice uses), the chosen law marked. Laws that predict the validation rows worse than their mean
 * (R² at or below 0) are left out, and of the rest only the most accurate, so that the summary stays a summary;
 * {@code pareto.json} and the report hold the whole front.
 */
final class FrontLines {
    private FrontLines() {
    }

    /** At most {@code max} laws (and the chosen one, if it is not among them), as indented lines. */
    static List<String> of(List<ParetoEntry> front, int max) {
        List<ParetoEntry> useful = front.stream()
            .filter(e -> Double.isFinite(e.validationR2()) && e.validationR2() > 0)
            .toList();
        // the front runs from simplest to most accurate, so the most accurate are its tail
        List<ParetoEntry> shown = new ArrayList<>(useful.subList(Math.max(0, useful.size() - max), useful.size()));
        front.stream().filter(ParetoEntry::chosen).filter(e -> !shown.contains(e)).findFirst()
            .ifPresent(chosen -> shown.addFirst(chosen));
        double best = front.stream().mapToDouble(ParetoEntry::validationError).min().orElse(Double.NaN);
        List<String> lines = new ArrayList<>();
        for (ParetoEntry entry : shown) {
            lines.add(String.format(Locale.ROOT, "  %s %.5f  %2d  %5s  %s", entry.chosen() ? "*" : " ", entry.validationR2(),
                entry.parameterCount(), behind(entry, best), entry.law()));
        }
        return lines;
    }

    /**
     * The legend under the front's heading: the choice's rule, unless the law chosen trails the best by more than it
     * allows, as when the laws nearer the best were passed over (too many parameters for a group's runs, or failing the
     * checks beyond the data once refitted), which the search notes on stderr.
     */
    static String legend(List<ParetoEntry> front) {
        double best = front.stream().mapToDouble(ParetoEntry::validationError).min().orElse(Double.NaN);
        boolean passedOver = front.stream().filter(ParetoEntry::chosen).anyMatch(chosen ->
            chosen.differenceStandardError() != null
                && chosen.validationError() - best > chosen.differenceStandardError());
        return passedOver
            ? "(* chosen: the laws nearer the best were passed over, as noted on stderr; all of the front in pareto.json)"
            : "(* chosen: the simplest law at most 1 behind; all of the front in pareto.json)";
    }

    /** How many standard errors of the difference the law trails the best by, to one decimal. */
    private static String behind(ParetoEntry entry, double best) {
        double excess = entry.validationError() - best;
        if (excess <= 0) {
            return "best";
        }
        Double se = entry.differenceStandardError();
        if (se == null) {
            return "?";
        }
        double ratio = excess / se;
        return ratio >= 100 ? ">99" : String.format(Locale.ROOT, "%.1f", ratio);
    }
}
