package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.NumberText;
import dev.evosld.data.Table;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.UserData;
import dev.evosld.law.Expr;
import dev.evosld.law.Law;
import dev.evosld.law.LawPrinter;
import dev.evosld.law.Misspellings;
import dev.evosld.law.Operator;
import dev.evosld.run.LawDocument;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@code --law} argument or a law file into a law of the task, refusing names a user cannot have meant:
 * every name that is not a feature is fitted as a constant, so a mistyped variable ({@code n} for {@code N}) or
 * a column left out of {@code --features} would otherwise fit quietly, and badly.
 */
final class LawSource {
    /** The name people write Euler's number by, which the law language spells {@code exp}. */
    private static final String EULER = "e";

    private LawSource() {
    }

    /**
     * {@code human} (in any case) or a formula.
     *
     * @param otherColumns the columns of the user's CSV that are neither features nor targets nor the group
     */
    static Law resolve(String law, TaskConfig config, List<String> otherColumns) {
        // in any case and spacing: a constant named Human, fitted per group, is never what was meant
        if (law.strip().equalsIgnoreCase("human")) {
            if (config.humanLaw() == null) {
                // every SLDBench task has one; a user's runs, named after their file, have none
                throw new UsageException("--law human is the human-designed law of an SLDBench task, given with --task ("
                    + String.join(", ", TaskConfig.builtinTasks()) + "); for your own runs write the law as a formula");
            }
            return Law.parse(config.humanLaw(), config.featureNames());
        }
        if (namesAFile(law.strip())) {
            throw new UsageException("--law takes a formula, not a file (" + law.strip() + "): fit --law-file FILE"
                + " refits a run's law.json, and eval --params FILE scores its fitted values with --law as its formula");
        }
        return requireNoConstantNames(requireNoEulerBase(requireMeant(Law.parse(law, config.featureNames()), config,
            otherColumns, "--law")));
    }

    /**
     * A run's law.json given where its formula goes, which would otherwise be "unexpected character '.'": a path, not
     * a formula such as {@code E} that a file in the working folder happens to be named.
     */
    private static boolean namesAFile(String law) {
        if (law.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        try {
            return (law.contains("/") || law.matches(".*\\.[A-Za-z]\\w*")) && Files.isRegularFile(Path.of(law));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Refuses a typed law with a parameter named as a number people write by name ({@code pi}, {@code inf},
     * {@code nan}, in any case): the law language has none of them, so each would be fitted per group without a word.
     * A law file's names are left alone, as its run fitted them so.
     */
    private static Law requireNoConstantNames(Law law) {
        for (String parameter : law.parameters()) {
            String name = parameter.toLowerCase(Locale.ROOT);
            if (name.equals("pi")) {
                throw new EvosldException("--law: '" + parameter + "' would be a parameter, one constant per group; for"
                    + " π write " + Math.PI + ", or name the parameter otherwise");
            }
            if (List.of("inf", "infinity", "nan").contains(name)) {
                throw new EvosldException("--law: '" + parameter + "' would be a parameter, one constant per group; a"
                    + " law has no infinity or NaN to write, so name the parameter otherwise");
            }
        }
        return law;
    }

    /**
     * Refuses a typed law that raises a parameter {@code e} to a power: written for Euler's number, it would be a base
     * fitted per group, which fits {@code e^(-N/k)} badly if at all, without a word that the law is not the one meant.
     * A law file's {@code e} is left alone, as its run fitted it so.
     */
    private static Law requireNoEulerBase(Law law) {
        if (!law.parameters().contains(EULER)) {
            return law;
        }
        law.expr().forEachNode(node -> {
            if (node instanceof Expr.Apply apply && apply.op() == Operator.POW
                && apply.args().getFirst() instanceof Expr.Sym base && base.name().equals(EULER)) {
                String exponent = LawPrinter.print(apply.args().get(1));
                throw new EvosldException("--law: '" + EULER + "' would be a parameter, one constant per group, raised"
                    + " to the power " + exponent + "; for Euler's number write exp(" + exponent + ")");
            }
        });
        return law;
    }

    /**
     * The law of a law file, whose variables must all be features of the data it is fitted to now, and whose
     * parameters none.
     */
    static Law of(LawDocument document, Path file, TaskConfig config, List<String> otherColumns) {
        for (String variable : document.variables()) {
            if (!config.featureNames().contains(variable)) {
                throw new EvosldException(file + ": the law's variable '" + variable + "' is not a feature of "
                    + config.name() + " (features: " + String.join(", ", config.featureNames()) + ")");
            }
        }
        for (String parameter : document.parameterNames()) {
            if (config.featureNames().contains(parameter)) {
                // read over today's features it would turn into a variable: another law than the one fitted
                throw new EvosldException(file + ": the law's parameter '" + parameter + "' is a feature of "
                    + config.name() + ", so the law would read it as the feature's values; rename the parameter in"
                    + " the file");
            }
        }
        return requireMeant(Law.parse(document.law(), config.featureNames()), config, otherColumns, file.toString());
    }

    private static Law requireMeant(Law law, TaskConfig config, List<String> otherColumns, String where) {
        for (String parameter : law.parameters()) {
            if (config.targets().contains(parameter)) {
                throw new EvosldException(where + ": '" + parameter + "' is the target, which a law predicts and cannot"
                    + " use, so the law would take it as a parameter, one constant per group: rename the parameter");
            }
            if (otherColumns.contains(parameter)) {
                throw new EvosldException(where + ": " + UserData.columnTakenAsParameter(parameter)
                    + ": add it to --features, or rename the parameter");
            }
            for (String feature : config.featureNames()) {
                if (feature.equalsIgnoreCase(parameter)) {
                    throw new EvosldException(where + ": '" + parameter + "' would be a parameter, one constant"
                        + " per group; the feature is '" + feature + "' (names are case-sensitive)");
                }
            }
            // the rule the LLM's proposals meet, so that a user's typo is caught as a model's is
            Misspellings.feature(parameter, config.featureNames()).ifPresent(feature -> {
                throw new EvosldException(where + ": '" + parameter + "' would be a parameter, one constant per group;"
                    + " did you mean the feature '" + feature + "'?");
            });
        }
        return law;
    }

    /** A note when the law uses no feature at all: it predicts one value per group, whatever the run. */
    static Optional<String> constantNote(Law law, TaskConfig config) {
        return law.variables().isEmpty()
            ? Optional.of("evosld: note: the law uses none of the features (" + String.join(", ",
                config.featureNames()) + "), so it predicts one value per group; every name in it is a parameter")
            : Optional.empty();
    }

    /**
     * A note when the law leaves some features out: a name meant as one ({@code Dd} for {@code D}) is fitted as a
     * constant, and the fit's figures would not show that the law ignores it.
     */
    static Optional<String> unusedNote(Law law, TaskConfig config) {
        List<String> unused = config.featureNames().stream().filter(f -> !law.variables().contains(f)).toList();
        return law.variables().isEmpty() || unused.isEmpty() ? Optional.empty()
            : Optional.of("evosld: note: the law does not use " + String.join(" or ", unused) + ", so it predicts the"
                + " same for runs that differ only in " + (unused.size() == 1 ? "it" : "them"));
    }

    /**
     * A note for each variable the law raises to a fitted power (or takes the logarithm or root of) that is 0 or
     * below in some train run: there the law is undefined unless the fit lands on a whole exponent, which fits
     * nothing the data means. Discovery keeps such features inside logarithms; a user's own law may not. A power
     * written negative ({@code N^-a}) is noted where the feature is 0, where it is infinite.
     */
    static List<String> nonPositiveNotes(Law law, TaskConfig config, Table train) {
        // a logarithm needs a value above 0; a root or a fitted power only one of 0 or above (0^p is 0 for p > 0)
        Map<String, Boolean> zeroFails = new LinkedHashMap<>();
        // a power written negative (N^-a, N^-0.5) is infinite at 0 whatever the fit does, where the fitter can
        // only stay finite by turning the exponent's sign, a law the user did not write
        Set<String> negativePowers = new LinkedHashSet<>();
        law.expr().forEachNode(node -> {
            if (!(node instanceof Expr.Apply apply && apply.args().getFirst() instanceof Expr.Sym base
                && law.variables().contains(base.name()))) {
                return;
            }
            Expr exponent = apply.op() == Operator.POW ? apply.args().get(1) : null;
            boolean fitted = exponent != null && !(exponent instanceof Expr.Num);
            if (apply.op() == Operator.LOG || apply.op() == Operator.SQRT || fitted) {
                zeroFails.merge(base.name(), apply.op() == Operator.LOG, Boolean::logicalOr);
            }
            if (exponent instanceof Expr.Apply negated && negated.op() == Operator.NEG
                || exponent instanceof Expr.Num n && n.value() < 0) {
                negativePowers.add(base.name());
            }
        });
        List<String> notes = new ArrayList<>();
        zeroFails.forEach((variable, zeroToo) -> {
            int j = config.featureNames().indexOf(variable);
            long count = 0;
            double first = Double.NaN;
            for (Group group : train.groups()) {
                for (double value : group.feature(j)) {
                    if (value < 0 || (zeroToo && value == 0)) {
                        first = count++ == 0 ? value : first;
                    }
                }
            }
            if (count > 0) {
                notes.add("evosld: note: " + variable + " is " + (zeroToo ? "0 or below" : "below 0") + " in " + count
                    + " train run" + (count == 1 ? "" : "s") + " (" + variable + " = " + NumberText.of(first)
                    + "), where the law's " + (zeroToo ? "logarithm" : "power or root") + " of it is not a real number");
            }
        });
        for (String variable : negativePowers) {
            if (Boolean.TRUE.equals(zeroFails.get(variable))) {
                continue; // its logarithm's note already counts the zeros
            }
            int j = config.featureNames().indexOf(variable);
            long zeros = train.groups().stream().flatMapToDouble(g -> Arrays.stream(g.feature(j)))
                .filter(v -> v == 0).count();
            if (zeros > 0) {
                notes.add("evosld: note: " + variable + " is 0 in " + zeros + " train run" + (zeros == 1 ? "" : "s")
                    + ", where the law's negative power of it is infinite");
            }
        }
        return notes;
    }

}
