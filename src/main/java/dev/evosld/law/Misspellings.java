package dev.evosld.law;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which feature a name in a law most likely misspells. Every name that is not a feature is fitted as a constant, so a
 * slip in a variable's name fits quietly, and badly: the LLM validator and {@code fit --law} refuse such names by
 * this one rule.
 */
public final class Misspellings {
    private Misspellings() {
    }

    /**
     * The feature a name most likely misspells, one slip from it (two from a name of 8 letters or more), in any
     * case; short names are left alone, as a parameter {@code a} is one letter from a feature {@code N}.
     */
    public static Optional<String> feature(String name, List<String> features) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String feature : features) {
            if (feature.length() >= 4 && name.length() >= 3) {
                int allowed = feature.length() >= 8 ? 2 : 1;
                if (distance(lower, feature.toLowerCase(Locale.ROOT), allowed) <= allowed) {
                    return Optional.of(feature);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The optimal-string-alignment distance, capped at {@code limit + 1}: at most that many slips are looked for.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        return Math.min(distance(a, b), limit + 1);
    }

    /**
     * The optimal-string-alignment distance between two names: the insertions, deletions, substitutions and swaps of
     * neighbours, the slips of typing, that make {@code b} of {@code a}.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
