package dev.evosld.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetNoteTest {

    @Test
    void namesTheTargetOnlyWhenThereAreSeveral() {
        assertEquals("", TargetNote.prefix(List.of("loss"), "loss"));
        assertEquals("target 'acc': ", TargetNote.prefix(List.of("loss", "acc"), "acc"));
    }

    @Test
    void aTargetNameWithALineBreakStaysOnOneLine() {
        assertEquals("target 'a\\nb': ", TargetNote.prefix(List.of("loss", "a\nb"), "a\nb"));
    }
}
