package dev.evosld.data.hub;

import java.util.Objects;

/**
 * One cell of a row as the dataset viewer sent it, kept apart by JSON kind so that the pull can tell a JSON
 * integer (written as an integer) from a JSON float (written in the fewest digits that read back as it, a whole group
 * label as an integer) and a number from a numeric string.
 */
public sealed interface Cell {

    /** A JSON integer that fits a {@code long}. */
    record Whole(long value) implements Cell {
    }

    /** Any other JSON number (Hugging Face writes {@code float64} values with a decimal point or exponent). */
    record Real(double value) implements Cell {
    }

    /** A JSON string. */
    record Text(String value) implements Cell {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** JSON {@code null}: the dataset viewer's spelling of a missing value (and of NaN). */
    record Empty() implements Cell {
    }

    /**
     * A boolean, list or object, which no CSV cell can hold; kept as what a message calls it ({@code a JSON object},
     * {@code the JSON boolean true}) rather than its text, which may be as long as a document.
     */
    record Other(String kind) implements Cell {
        public Other {
            Objects.requireNonNull(kind, "kind");
        }
    }
}
