package dev.evosld.report;

import dev.evosld.eval.R2;
import java.math.BigDecimal;
import java.math.MathContext;

/** Escaping and number formatting for the report page. */
final class Html {
    private Html() {
    }

    /** Text for an HTML element or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An R² with six decimals, or a dash when there is none; a negative one with a true minus, as {@link #number}. */
    static String r2(Double value) {
        return value == null || !Double.isFinite(value) ? "&#x2014;" : trueMinus(R2.text(value));
    }

    /**
     * A number in at most four significant digits for plot legends, written as the plots' axes write theirs
     * ({@link TickLabels#linearLabel}): {@code 0.3461}, {@code 5.36×10⁸}, {@code −2.5×10⁻⁵}. Plain decimals between
     * 0.001 and 100000, else in three significant digits times a power of ten.
     */
    static String compact(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return TickLabels.linearLabel(value);
        }
        double magnitude = Math.abs(value);
        int digits = magnitude >= 1e-3 && magnitude < 1e5 ? 4 : 3;
        return TickLabels.linearLabel(new BigDecimal(value).round(new MathContext(digits)).doubleValue());
    }

    /**
     * A number in six significant digits as HTML, with a power of ten as a superscript
     * ({@code 1.51191×10<sup>8</sup>}), the exact value in a tooltip.
     */
    static String number(double value) {
        return number(value, 6);
    }

    /**
     * {@link #number(double)} in {@code digits} significant digits, trailing zeros dropped:
     * {@code 0.00696}, {@code 2×10<sup>9</sup>}.
     */
    static String number(double value, int digits) {
        String exact = Double.toString(value);
        if (!Double.isFinite(value) || value == 0) {
            return "<span title=\"" + exact + "\">" + (value == 0 ? "0" : exact) + "</span>";
        }
        double magnitude = Math.abs(value);
        String shown;
        if (magnitude >= 1e-4 && magnitude < 1e6) {
            shown = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        } else {
            BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits));
            int exponent = rounded.precision() - rounded.scale() - 1;
            String mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            shown = mantissa + "&#x00D7;10<sup>" + (exponent < 0 ? "&#x2212;" + -exponent : exponent) + "</sup>";
        }
        return "<span title=\"" + exact + "\">" + trueMinus(shown) + "</span>";
    }

    /** A number's leading hyphen-minus as the minus sign U+2212, which sets as wide as a plus. */
    private static String trueMinus(String number) {
        return number.startsWith("-") ? "&#x2212;" + number.substring(1) : number;
    }
}
