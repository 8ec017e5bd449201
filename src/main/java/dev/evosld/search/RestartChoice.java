package dev.evosld.search;

import dev.evosld.EvosldException;
import dev.evosld.data.Group;
import dev.evosld.data.MessageText;
import dev.evosld.data.TaskConfig;
import dev.evosld.data.Train;
import dev.evosld.eval.ParameterSet;
import dev.evosld.eval.R2;
import dev.evosld.fit.FitOptions;
import dev.evosld.fit.FittedLaw;
import dev.evosld.law.Law;
import dev.evosld.law.ReadableSigns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The end of a run: each restart picks a law from its own front ({@link ParetoFront#choose}) and refits it on
 * all of train, and the run reports the restart whose law validates best. A refit that fails, or that breaks
 * the checks beyond the data its validation fits passed, sends the restart to its next choice.
 */
final class RestartChoice {
    private final TaskConfig config;
    private final Train train;
    private final SearchSettings settings;
    private final ExtrapolationProbe probe;
    private final SearchListener listener;

    RestartChoice(TaskConfig config, Train train, SearchSettings settings, ExtrapolationProbe probe,
                  SearchListener listener) {
        this.config = config;
        this.train = train;
        this.settings = settings;
        this.probe = probe;
        this.listener = listener;
    }

    /** A restart's pick: its front (under readable parameter names), the law and that law fitted on all of train. */
    record Pick(Restart restart, List<CandidateCache.Entry> front, CandidateCache.Entry law, FittedLaw fitted) {
    }

    /**
     * Whether a restart's law beats the best so far: by more than {@link ParetoFront#NEAR_TIE} of its validation
     * error, or by simplicity when their errors differ by less or both are exact ({@link ParetoFront#EXACT}), as on
     * a front.
     */
    private static boolean better(Evaluation law, Evaluation best) {
        double error = ParetoFront.compared(law.validationError());
        double bestError = ParetoFront.compared(best.validationError());
        double margin = ParetoFront.NEAR_TIE * bestError;
        return error < bestError - margin || error <= bestError + margin && law.complexity() < best.complexity();
    }

    /**
     * The pick that validates best (the first of equals; the simplest of those alike to the fitter's tolerance).
     *
     * @throws EvosldException when no restart fitted any law but constants, with the most common reason
     */
    Pick best(List<Restart> restarts) {
        Set<String> reserved = new HashSet<>(config.featureNames());
        reserved.addAll(config.targets());
        reserved.addAll(config.bounds().keySet());
        Pick best = null;
        List<String> validations = new ArrayList<>();
        List<String> unstarted = new ArrayList<>();
        Pick unfitted = null;
        for (Restart restart : restarts) {
            if (restart.cache.entries().isEmpty()) {
                unstarted.add(String.valueOf(restart.index + 1));
                continue;
            }
            Pick pick = pick(restart, reserved);
            if (pick == null) {
                continue;
            }
            if (pick.fitted().failure().isPresent()) {
                // every law of its front failed on all of train: a law with made-up parameters is no law to report
                unfitted = unfitted != null ? unfitted : pick;
                continue;
            }
            validations.add(R2.text(pick.law().evaluation().validationR2()));
            if (best == null || better(pick.law().evaluation(), best.law().evaluation())) {
                best = pick;
            }
        }
        if (best == null && unfitted != null) {
            var failure = unfitted.fitted().failure().get();
            throw new EvosldException("no law the search found could be fitted to all of " + config.name()
                + "'s train runs: group " + MessageText.quote(failure.group()) + ": "
                + TargetNote.prefix(config.targets(), failure.target()) + failure.failure());
        }
        if (best == null) {
            String constants = constants(restarts, reserved);
            throw new EvosldException("no candidate law " + (constants.isEmpty() ? "" : "that depends on a feature ")
                + "could be fitted to " + config.name() + constants + commonFailure(restarts));
        }
        if (!unstarted.isEmpty()) {
            // restarts are seeded in order, so the ones left are the last
            String which = switch (unstarted.size()) {
                case 1 -> "restart " + unstarted.getFirst();
                case 2 -> "restarts " + unstarted.getFirst() + " and " + unstarted.getLast();
                default -> "restarts " + unstarted.getFirst() + " to " + unstarted.getLast();
            };
            listener.onMessage(which + " did not start before the time limit; resume the run to search with "
                + (unstarted.size() == 1 ? "it" : "them"));
        }
        if (validations.size() > 1) {
            listener.onMessage("restarts' laws validate " + String.join(", ", validations) + "; restart "
                + (best.restart().index + 1) + "'s is reported");
        }
        Evaluation reported = best.law().evaluation();
        constantEntries(restarts).stream().min(Comparator.comparingDouble(e -> e.evaluation().validationError()))
            .filter(constant -> constant.evaluation().validationError() < reported.validationError())
            // left unsaid, a flat target would get a poor law of its features with no word that a constant fits it
            .ifPresent(constant -> listener.onMessage("a constant validated better than the reported law (R² "
                + R2.text(constant.evaluation().validationR2()) + " against " + R2.text(reported.validationR2())
                + "): " + ReadableSigns.of(readable(constant, reserved).law()) + ", whose variables cancel, is no law of"
                + " the features; the target may hardly vary with them"));
        return best;
    }

    /** How many fitted laws were constants ({@link ParetoFront#reported}) and one of them, or "" if none was. */
    private static String constants(List<Restart> restarts, Set<String> reserved) {
        List<CandidateCache.Entry> constants = constantEntries(restarts);
        return constants.isEmpty() ? "" : " (the " + constants.size() + " fitted " + (constants.size() == 1 ? "is a constant"
            : "are constants") + ", such as " + ReadableSigns.of(readable(constants.getFirst(), reserved).law()) + ")";
    }

    /** The laws the restarts fitted whose variables cancel, which are never reported. */
    private static List<CandidateCache.Entry> constantEntries(List<Restart> restarts) {
        return restarts.stream().flatMap(r -> r.cache.entries().stream())
            .filter(e -> !e.evaluation().isFailure() && e.constant()).toList();
    }

    /** Why most of the laws tried failed, for the message of a run that fitted none. */
    private static String commonFailure(List<Restart> restarts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int tried = 0;
        for (Restart restart : restarts) {
            for (CandidateCache.Entry entry : restart.cache.entries()) {
                tried++;
                String failure = entry.evaluation().failure();
                if (failure != null) {
                    counts.merge(failure, 1, Integer::sum);
                }
            }
        }
        int total = tried;
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
            .map(e -> "; the most common failure (" + e.getValue() + " of " + total + " laws tried): " + e.getKey())
            .orElse("");
    }

    /**
     * The law a restart picks from its front and refits on all of train; null if it fitted no law at all.
     *
     * @param reserved the names readable parameter names may not take
     */
    private Pick pick(Restart restart, Set<String> reserved) {
        // a checkpoint written before constants were left out kept the errors of the search's front only
        List<CandidateCache.Entry> front = ParetoFront.reported(restart.cache.entries().stream()
                .filter(e -> restart.cache.errors(e.key()).isPresent()).toList()).stream()
            .map(e -> readable(e, reserved)).toList();
        if (front.isEmpty()) {
            return null;
        }
        FitOptions options = FitOptions.defaults().withStarts(settings.finalStarts()).withSeed(restart.seed());
        // the reported law, fitted on all of train, must pass the checks its validation fits passed; if it
        // does not, the next choice from the front is taken
        List<CandidateCache.Entry> candidates = new ArrayList<>(front);
        CandidateCache.Entry chosen;
        FittedLaw fitted;
        List<String> passedOver = new ArrayList<>();
        while (true) {
            chosen = ParetoFront.choose(candidates, restart::errors);
            // the values found during the search are one more start: the validated basin stays reachable
            fitted = FittedLaw.fit(chosen.law(), train.table(), options, settings.threads(),
                hints(chosen.law(), chosen.evaluation().fitted()));
            String problem = fitted.failure().isPresent()
                ? fitted.failure().get().failure()
                : probe.check(chosen.law(), train.table(), fitted.parameters());
            if (problem == null || candidates.size() == 1) {
                break;
            }
            // read by people, so written as the reported law is
            passedOver.add(ReadableSigns.of(chosen.law()) + " (fitted on all of train: " + problem + ")");
            candidates.remove(chosen);
        }
        if (!passedOver.isEmpty()) {
            // one line per restart: the first reason says why, the count how far down the front the choice went
            listener.onMessage((settings.restarts() > 1 ? "restart " + (restart.index + 1) + " " : "") + "passed over "
                + (passedOver.size() == 1 ? passedOver.getFirst()
                    : passedOver.size() + " laws of its front, the first " + passedOver.getFirst()));
        }
        return new Pick(restart, front, chosen, fitted);
    }

    /** A front entry under readable parameter names, for the run's outputs; the search never sees them. */
    private static CandidateCache.Entry readable(CandidateCache.Entry entry, Set<String> reserved) {
        Map<String, String> names = ReadableNames.of(entry.law(), reserved);
        Evaluation e = entry.evaluation();
        Map<String, Double> fitted = new LinkedHashMap<>();
        e.fitted().forEach((name, value) -> fitted.put(names.getOrDefault(name, name), value));
        return new CandidateCache.Entry(entry.key(), entry.law().withParametersRenamed(names),
            new Evaluation(e.validationError(), e.standardError(), e.parameterCount(), e.nodeCount(), fitted, e.failure()),
            entry.constant());
    }

    /** The search's values of a law's parameters as one start, the same for every group and target. */
    private ParameterSet hints(Law law, Map<String, Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] start = new double[law.parameterCount()];
        for (int k = 0; k < start.length; k++) {
            start[k] = values.getOrDefault(law.parameters().get(k), Double.NaN);
        }
        Map<String, double[][]> perGroup = new LinkedHashMap<>();
        for (Group group : train.table().groups()) {
            double[][] perTarget = new double[config.targets().size()][];
            Arrays.fill(perTarget, start);
            perGroup.put(group.name(), perTarget);
        }
        return ParameterSet.of(law.parameters(), config.targets(), perGroup);
    }
}
