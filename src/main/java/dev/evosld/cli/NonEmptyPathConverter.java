package dev.evosld.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Reads a path that names something: an empty {@code --out ""} would be the current folder, into which a run would
 * write its files among the user's.
 */
final class NonEmptyPathConverter implements CommandLine.ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        if (value.isBlank()) {
            throw new CommandLine.TypeConversionException("an empty path; name a folder or file");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("not a usable path: '" + value + "' (" + e.getReason() + ")");
        }
    }
}
