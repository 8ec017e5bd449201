package dev.evosld.cli;

import dev.evosld.fit.Loss;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Reads {@code --loss} in any case, and refuses another name in the words the help writes the losses in: picocli's own
 * refusal lists the enum's constants, {@code [SQUARED, HUBER]}, where the help says {@code squared|huber}.
 */
final class LossConverter implements CommandLine.ITypeConverter<Loss> {

    @Override
    public Loss convert(String value) {
        for (Loss loss : Loss.values()) {
            if (loss.name().equalsIgnoreCase(value.strip())) {
                return loss;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is no loss this fit knows; give "
            + Arrays.stream(Loss.values()).map(loss -> loss.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" or ")));
    }
}
