package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;", Html.escape("<a href=\"x\">Tom's & co</a>"));
    }

    @Test
    void compactNumbersForPlotLegendsAreWrittenAsThePlotsAxesWriteTheirs() {
        assertEquals("0", Html.compact(0));
        assertEquals("0.3461", Html.compact(0.34610589051993434));
        assertEquals("1.04\u00D710\u2078", Html.compact(1.04e8));
        assertEquals("5.45\u00D710\u2078", Html.compact(545340552));
        assertEquals("\u22122.5\u00D710\u207B\u2075", Html.compact(-2.5e-5));
        assertEquals("\u22120.3461", Html.compact(-0.34610589051993434), "a true minus");
        assertEquals("12350", Html.compact(12345.6));
        assertEquals("1\u00D710\u2079", Html.compact(1e9));
        assertEquals("1\u00D710\u2075", Html.compact(99999.7), "rounded up past the plain decimals");
        assertEquals("NaN", Html.compact(Double.NaN));
    }

    @Test
    void tableNumbersInSixDigitsWithTheExactValueInATooltip() {
        assertEquals("<span title=\"1.51190747757047E8\">1.51191&#x00D7;10<sup>8</sup></span>",
            Html.number(1.51190747757047E8));
        assertEquals("<span title=\"-1.695480658293187E-5\">&#x2212;1.69548&#x00D7;10<sup>&#x2212;5</sup></span>",
            Html.number(-1.695480658293187E-5));
        assertEquals("<span title=\"0.21252013983784562\">0.21252</span>", Html.number(0.21252013983784562));
        assertEquals("<span title=\"0.0\">0</span>", Html.number(0));
        // fewer digits, as the scores write how far predictions missed
        assertEquals("<span title=\"0.00696015\">0.00696</span>", Html.number(0.00696015, 4));
        assertEquals("<span title=\"1.51190747757047E8\">1.512&#x00D7;10<sup>8</sup></span>",
            Html.number(1.51190747757047E8, 4));
        assertEquals("<span title=\"123456.7\">123500</span>", Html.number(123456.7, 4));
    }

    @Test
    void rSquaredWithSixDecimalsOrADash() {
        assertEquals("0.999892", Html.r2(0.9998922560158078));
        // a true minus, as the report's other numbers have
        assertEquals("&#x2212;939.790307", Html.r2(-939.790307));
        assertEquals("&#x2212;0.000001", Html.r2(-0.0000012));
        assertEquals("&#x2014;", Html.r2(null));
    }

    @Test
    void logAxisLabelsArePowersOfTen() {
        assertEquals("10³", TickLabels.logLabel(1000));
        assertEquals("10⁻¹²", TickLabels.logLabel(1e-12));
        assertEquals("10⁰", TickLabels.logLabel(1));
        assertEquals("2000", TickLabels.logLabel(2000));
    }
}
