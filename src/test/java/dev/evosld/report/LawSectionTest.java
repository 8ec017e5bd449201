package dev.evosld.report;

import static dev.evosld.report.ReportRuns.data;
import static dev.evosld.report.ReportRuns.pageOfAFrontOfOneLaw;
import static dev.evosld.report.ReportRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LawSectionTest {
    @TempDir
    Path dir;

    @Test
    void onAPhoneTheEquationWrapsBeforeItsPlusesAndMinusesRatherThanScrollingSideways() throws Exception {
        // MathML does not wrap: in a window 400 pixels wide domain_mixture's equation, E + exp(...) of five powers,
        // ran on past its box, which scrolled sideways; a phone now shows it in pieces that wrap like words
        String html = pageOfAFrontOfOneLaw(dir);
        Matcher narrow = Pattern.compile("<div class=\"formula-narrow\">(.*?)</div>\n").matcher(html);
        assertTrue(narrow.find(), html);
        List<String> pieces = List.of(narrow.group(1).split("<wbr>"));
        assertEquals(3, pieces.size(), narrow.group(1));
        assertEquals(List.of("L=E", "+AN\u03b1", "+BD\u03b2"), pieces.stream()
            .map(piece -> piece.replaceAll("<[^>]+>", "")).toList());
        for (String piece : pieces) {
            assertTrue(piece.startsWith("<math>") && piece.endsWith("</math>"), piece);
        }
        assertTrue(pieces.get(1).startsWith("<math><mo form=\"infix\">+</mo>"), pieces.get(1));
        // the wide one as before, each shown in its own window
        assertTrue(html.contains("<div class=\"formula\"><math display=\"block\">"), html);
        String css = html.substring(0, html.indexOf("@media screen and (max-width: 640px) {\n"));
        assertTrue(css.contains(".formula-narrow { display: none; "), css);
        int start = html.indexOf("@media screen and (max-width: 640px) {\n");
        String phone = html.substring(start, html.indexOf("\n}\n", start));
        assertTrue(phone.contains("  .formula { display: none; }\n  .formula-narrow { display: block; }\n"), phone);
    }

    @Test
    void theLawsBoxLeavesRoomBelowForTheInkOfItsExponents() throws Exception {
        // the box around the law scrolls sideways for a long law, and so up and down too: a law with an exponent, E + A *
        // N^alpha, drew its glyphs 2 to 3 pixels below the box's padding of 4, and the browser gave the box a vertical
        // scroll bar beside the formula (Chromium measured 42 pixels of content in 40, 43 in 41 on domain_mixture's)
        RunDirectory run = run(dir, 1);
        String html = Files.readString(Report.write(run, data(run)));
        assertTrue(html.contains(".formula { overflow-x: auto; padding: 12px 0 8px; font-size: 22px; }"), html);
    }
}
