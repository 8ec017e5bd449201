package dev.evosld.export;

import dev.evosld.json.Json;
import dev.evosld.run.LawDocument;

/**
 * A fitted law as EvoSLD's own law document ({@code law.json}): the law in the law language, its
 * variables, parameters per group, metrics and provenance. {@code evosld fit --law-file} reads it back.
 * Jackson writes doubles in their shortest exact form, so the values read back unchanged. The law is written with
 * minuses, as every export shows it.
 */
public final class JsonExport {
    private JsonExport() {
    }

    public static String document(LawDocument document) {
        // a run of a version before laws were reported with minuses recorded the search's form of its law
        return Json.mapper().writeValueAsString(document.withWrittenLaw()) + "\n";
    }
}
