package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.data.TaskConfig;
import dev.evosld.law.Law;

/** Turns a {@code --law} argument into a law of the task: {@code human} or a formula. */
final class LawSource {
    private LawSource() {
    }

    static Law resolve(String law, TaskConfig config) {
        if (law.equals("human")) {
            if (config.humanLaw() == null) {
                throw new EvosldException("task '" + config.name() + "' has no human law; pass a formula with --law");
            }
            return Law.parse(config.humanLaw(), config.featureNames());
        }
        return Law.parse(law, config.featureNames());
    }
}
