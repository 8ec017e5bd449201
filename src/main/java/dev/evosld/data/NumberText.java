package dev.evosld.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as a user writes them and reads them back: {@code 1e9}, {@code 3.5e8}, {@code 0.001}, {@code 120}, rather
 * than Java's {@code 1.0E9} and {@code 120.0}, which look like other numbers than the ones the user gave.
 */
public final class NumberText {
    private NumberText() {
    }

    /**
     * A text that reads back as {@code value}, with the digits of {@link Double#toString} (the fewest that do):
     * plain ({@code 120}, {@code 0.001}, {@code 123456789}) unless e notation is shorter by two characters or more
     * ({@code 1e9}, {@code 3.5e8}, {@code 1e-4}), and without a {@code .0} that adds nothing. {@code NaN} and the
     * infinities stay as Java spells them.
     */
    public static String of(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) == 0 ? "0" : "-0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String plain = decimal.toPlainString();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String scientific = (value < 0 ? "-" : "") + digits.charAt(0)
            + (digits.length() > 1 ? "." + digits.substring(1) : "") + "e" + exponent;
        // 1000 and 0.001 read as easily as 1e3 and 1e-3; 1000000 is counted, 1e6 read
        return scientific.length() + 2 <= plain.length() ? scientific : plain;
    }

    /** {@code value} rounded to {@code digits} significant digits, as {@link #of} writes it: for orientation, not reading back. */
    public static String rounded(double value, int digits) {
        if (!Double.isFinite(value) || value == 0) {
            return of(value);
        }
        return of(new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue());
    }
}
