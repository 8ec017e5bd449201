package dev.evosld.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** The labels of the plots' ticks, which write numbers as the report's tables do: {@code 0.0022}, {@code 4×10⁸}. */
final class TickLabels {
    private TickLabels() {
    }

    /** A power of ten as {@code 10⁻³}, anything else as {@link #linearLabel}. */
    static String logLabel(double value) {
        double exponent = Math.log10(Math.abs(value));
        long rounded = Math.round(exponent);
        if (value > 0 && Math.abs(exponent - rounded) < 1e-9) {
            return "10" + superscript(rounded);
        }
        return linearLabel(value);
    }

    /**
     * A tick's value as the report's tables write numbers: plain decimals from 0.001 to 100000 ({@code 0.0022},
     * {@code 1200}), else a multiple of a power of ten ({@code 4×10⁸}, {@code 1.5×10⁻⁵}), negatives with a true
     * minus. In every digit the tick has, as ticks close together differ in their last ones; only the last few
     * bits of a double are rounded away, so that 0.1 + 0.2 reads 0.3.
     */
    static String linearLabel(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal tick = new BigDecimal(Math.abs(value)).round(new MathContext(12)).stripTrailingZeros();
        String sign = value < 0 ? "\u2212" : "";
        if (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e5) {
            return sign + tick.toPlainString();
        }
        int exponent = tick.precision() - tick.scale() - 1;
        return sign + tick.movePointLeft(exponent).toPlainString() + "\u00D710" + superscript(exponent);
    }

    static String superscript(long exponent) {
        StringBuilder digits = new StringBuilder();
        for (char c : Long.toString(exponent).toCharArray()) {
            digits.append(c == '-' ? '\u207B' : SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return digits.toString();
    }

    private static final String SUPERSCRIPT_DIGITS = "\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079";
}
