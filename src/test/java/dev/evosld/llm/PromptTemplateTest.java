package dev.evosld.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Complements PromptBuilderTest's fill checks (one missing, one unused value, verbatim values). */
class PromptTemplateTest {

    @Test
    void everyMissingValueIsNamedInAlphabeticalOrder() {
        PromptTemplate template = PromptTemplate.of("seed", "{{count}} laws for {{task_name}}: {{best_laws}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> template.fill(Map.of("task_name", "t")));
        assertEquals("seed: no value for {{best_laws}}, {{count}}", e.getMessage());
    }

    @Test
    void aNullValueIsAMissingOne() {
        PromptTemplate template = PromptTemplate.of("t", "{{a}} and {{b}}");
        Map<String, String> values = new HashMap<>();
        values.put("a", null);
        values.put("b", "B");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> template.fill(values));
        assertEquals("t: no value for {{a}}", e.getMessage());
    }

    @Test
    void everyUnusedValueIsNamedInAlphabeticalOrder() {
        PromptTemplate template = PromptTemplate.of("t", "{{a}}");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("zeta", "1");
        values.put("a", "A");
        values.put("beta", "2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> template.fill(values));
        assertEquals("t: no slot for beta, zeta", e.getMessage());
    }

    @Test
    void onlyLowercaseNamesInDoubleBracesAreSlots() {
        String text = "{{A}} {{ a }} {a} {{1a}} {{a-b}} {{a_1}} {{{a}}}";
        PromptTemplate template = PromptTemplate.of("t", text);
        assertEquals(Set.of("a", "a_1"), template.placeholders());
        assertEquals("{{A}} {{ a }} {a} {{1a}} {{a-b}} two {one}", template.fill(Map.of("a", "one", "a_1", "two")));
    }

    @Test
    void aTextWithoutSlotsIsReturnedAsItIsEvenWithReplacementSyntax() {
        // replaceAll treats $ and \ in a replacement specially; the template text around slots must not be
        String text = "cost: $1 \\ $ {x} }} {{";
        assertEquals(text, PromptTemplate.of("t", text).fill(Map.of()));
        assertEquals("$1 \\ 5 $2", PromptTemplate.of("t", "$1 \\ {{n}} $2").fill(Map.of("n", "5")));
    }

    @Test
    void aMissingResourceIsAnErrorNamingItsPath() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PromptTemplate.resource("none.txt"));
        assertEquals("prompt resource /llm/none.txt is missing", e.getMessage());
    }

    @Test
    void theBundledTemplatesHaveNoMisspeltSlots() {
        // a slot the pattern does not recognize ({{Law}}, {{ law }}) would reach the model as literal braces
        for (String file : List.of("system.txt", "seed.txt", "rewrite.txt")) {
            PromptTemplate template = PromptTemplate.resource(file);
            Map<String, String> values = new HashMap<>();
            template.placeholders().forEach(name -> values.put(name, "<" + name + ">"));
            String filled = template.fill(values);
            assertFalse(filled.contains("{{") || filled.contains("}}"), file + ":\n" + filled);
            template.placeholders().forEach(name -> assertTrue(filled.contains("<" + name + ">"), file + " " + name));
        }
    }

    @Test
    void toStringNamesTheTemplateAndItsSlotsInOrder() {
        assertEquals("PromptTemplate[t, [alpha, beta]]", PromptTemplate.of("t", "{{beta}} {{alpha}} {{beta}}").toString());
        assertEquals("PromptTemplate[/llm/system.txt, []]", PromptTemplate.resource("system.txt").toString());
    }

    @Test
    void thePlaceholdersCannotBeChangedFromOutside() {
        PromptTemplate template = PromptTemplate.of("t", "{{a}}");
        assertThrows(UnsupportedOperationException.class, () -> template.placeholders().add("b"));
        assertEquals("x", template.fill(Map.of("a", "x")));
    }
}
