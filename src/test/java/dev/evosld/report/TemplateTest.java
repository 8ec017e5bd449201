package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void everyPlaceholderIsFilledIncludingRepeatsOfOne() {
        assertEquals("<h1>moe</h1><title>moe</title> v1",
            Template.fill("<h1>{{title}}</h1><title>{{title}}</title> v{{version}}", Map.of("title", "moe", "version", "1")));
    }

    @Test
    void valuesAreInsertedVerbatimSoCallersEscapeNames() {
        // Template does not escape: the report passes names through Html.escape, and markup (sections) as is
        String name = "moe <\"sparse\"> & 'dense'";
        assertEquals("<h1>moe &lt;&quot;sparse&quot;&gt; &amp; &#39;dense&#39;</h1>",
            Template.fill("<h1>{{title}}</h1>", Map.of("title", Html.escape(name))));
        assertEquals("<p>" + name + "</p>", Template.fill("<p>{{title}}</p>", Map.of("title", name)));
    }

    @Test
    void dollarSignsAndBackslashesInValuesAreNotReplacementSyntax() {
        assertEquals("cost $1 \\n $0", Template.fill("cost {{x}}", Map.of("x", "$1 \\n $0")));
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsNotFilledAgain() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("a", "{{b}}");
        values.put("b", "B");
        assertEquals("{{b}} B", Template.fill("{{a}} {{b}}", values));
    }

    @Test
    void onlyLowercaseNamesWithUnderscoresArePlaceholders() {
        // CSS and JavaScript in a template may hold double braces of their own
        String text = "{{Title}} {{ title }} {{x1}} {{}} {";
        assertEquals(text + "ok", Template.fill(text + "{{a_b}}", Map.of("a_b", "ok")));
    }

    @Test
    void aPlaceholderWithoutAValueNamesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> Template.fill("{{title}} {{footer}}", Map.of("title", "t")));
        assertEquals("no value for {{footer}}", e.getMessage());
    }

    @Test
    void aValueWithoutAPlaceholderNamesItSinceItWouldBeLostSilently() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> Template.fill("{{title}}", Map.of("title", "t", "subtitle", "s")));
        assertEquals("the template has no place for [subtitle]", e.getMessage());
    }

    @Test
    void theReportTemplateTakesExactlyTheValuesTheReportGives() {
        String html = Template.resource("/report/report.html");
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : new String[] {"version", "title", "heading", "css", "subtitle", "sections", "footer"}) {
            values.put(key, "<" + key + "-value>");
        }
        String filled = Template.fill(html, values);
        assertTrue(filled.contains("<sections-value>"), filled);
        assertTrue(!filled.contains("{{"), filled);
        assertTrue(Template.resource("/report/report.css").length() > 0);
    }

    @Test
    void aMissingResourceIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Template.resource("/report/nope.html"));
        assertEquals("missing resource /report/nope.html", e.getMessage());
    }
}
