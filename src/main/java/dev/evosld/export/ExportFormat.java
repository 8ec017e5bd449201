package dev.evosld.export;

import dev.evosld.EvosldException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@code evosld export} writes, each with its conventional file extension. */
public enum ExportFormat {
    LATEX("tex"),
    JAVA("java"),
    PYTHON("py"),
    JSON("json");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The name users type: {@code latex}, {@code java}, {@code python}, {@code json}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format of a name, ignoring case.
     *
     * @throws EvosldException naming the formats there are
     */
    public static ExportFormat parse(String name) {
        for (ExportFormat format : values()) {
            if (format.label().equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new EvosldException("unknown export format '" + name + "' (formats: "
            + Arrays.stream(values()).map(ExportFormat::label).collect(Collectors.joining(", ")) + ")");
    }
}
