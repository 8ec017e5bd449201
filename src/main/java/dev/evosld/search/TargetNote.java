package dev.evosld.search;

import dev.evosld.data.MessageText;
import java.util.List;

/**
 * How a failure note names the target it is about: where a task has several (domain_mixture's five, a user's
 * {@code --target loss,acc}), a note such as "rises at 2× the largest C" does not say which one rose.
 */
final class TargetNote {

    private TargetNote() {
    }

    /** {@code target 'acc': } before a note about {@code target}, or nothing when it is the only target. */
    static String prefix(List<String> targets, String target) {
        return targets.size() > 1 ? "target " + MessageText.quote(target) + ": " : "";
    }
}
