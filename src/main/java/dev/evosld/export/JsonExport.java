package dev.evosld.export;

import dev.evosld.json.Json;
import dev.evosld.run.LawDocument;

/**
 * A fitted law as EvoSLD's own law document ({@code law.json}): the law in the law language, its
 * variables, parameters per group, metrics and provenance. {@code evosld fit --law-file} reads it back.
 * Jackson writes doubles in their shortest exact form, so the values read back unchanged.
 */
public final class JsonExport {
    private JsonExport() {
    }

    public static String document(LawDocument document) {
        return Json.mapper().writeValueAsString(document) + "\n";
    }
}
