package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evosld.export.Symbol.Digits;
import dev.evosld.export.Symbol.Greek;
import dev.evosld.export.Symbol.Letter;
import dev.evosld.export.Symbol.Word;
import dev.evosld.law.Expr;
import dev.evosld.law.Law;
import dev.evosld.law.RandomExprs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymbolTest {
    @Test
    void eachGlyphHasItsLatexAndMathMlSpelling() {
        assertEquals("x", new Letter('x').latex());
        assertEquals("<mi>x</mi>", new Letter('x').mathMl());
        assertEquals("\\alpha", new Greek("alpha").latex());
        assertEquals("<mi>α</mi>", new Greek("alpha").mathMl());
        assertEquals("12", new Digits("12").latex());
        assertEquals("<mn>12</mn>", new Digits("12").mathMl());
        assertEquals("\\mathrm{max}", new Word("max").latex());
        assertEquals("<mi>max</mi>", new Word("max").mathMl());
    }

    @Test
    void greekCapitalsAndOneLetterWordsAreUprightInMathMl() {
        // MathML sets a one-character <mi> in italics by default, a longer one upright
        assertEquals("\\Gamma", new Greek("Gamma").latex());
        assertEquals("<mi mathvariant=\"normal\">Γ</mi>", new Greek("Gamma").mathMl());
        assertEquals("<mi mathvariant=\"normal\">d</mi>", new Word("d").mathMl());
        assertEquals("<mi>α</mi>", new Greek("alpha").mathMl(), "lowercase Greek stays italic");
    }

    @Test
    void aGreekGlyphWithoutAUnicodeLetterCannotBeWrittenInMathMl() {
        // Alpha looks like A and has no LaTeX command, so it is no Greek glyph
        var thrown = assertThrows(IllegalArgumentException.class, () -> new Greek("Alpha").mathMl());
        assertEquals("not a Greek letter: Alpha", thrown.getMessage());
    }

    @Test
    void underscoresInAnUprightWordAreEscapedForLatexButNotForMathMl() {
        assertEquals("\\mathrm{num\\_params}", new Word("num_params").latex());
        assertEquals("<mi>num_params</mi>", new Word("num_params").mathMl());
        assertEquals("\\mathrm{\\_x}", Notation.parameterSymbol("_x").latex());
        assertEquals("\\mathrm{a\\_}", Notation.parameterSymbol("a_").latex());
        assertEquals("\\mathrm{a\\_\\_b}", Notation.parameterSymbol("a__b").latex());
    }

    @Test
    void severalSubscriptGlyphsAreSeparatedByCommas() {
        Symbol symbol = new Symbol(new Letter('R'), List.of(new Letter('N'), new Word("max"), new Digits("2")));
        assertEquals("R_{N,\\mathrm{max},2}", symbol.latex());
        assertEquals("<msub><mi>R</mi><mrow><mi>N</mi><mo separator=\"true\">,</mo><mi>max</mi>"
            + "<mo separator=\"true\">,</mo><mn>2</mn></mrow></msub>", symbol.mathMl());
        assertEquals("t_{1}", new Symbol(new Letter('t'), List.of(new Digits("1"))).latex());
        assertEquals("<mi>t</mi>", Symbol.of(new Letter('t')).mathMl(), "no msub without a subscript");
    }

    @Test
    void widthCountsSubscriptGlyphsAtThreeQuarters() {
        assertEquals(0.65, Symbol.of(new Letter('x')).width(), 1e-12);
        assertEquals(0.6, Symbol.of(new Greek("beta")).width(), 1e-12);
        assertEquals(2.0, Symbol.of(new Word("bsz_")).width(), 1e-12);
        assertEquals(0.65 + 0.75 * (1.5 + 1.0), new Symbol(new Letter('E'), List.of(new Word("max"), new Digits("10")))
            .width(), 1e-12);
    }

    @Test
    void aSymbolOwnsItsSubscriptAndNeedsABase() {
        List<Symbol.Glyph> subscript = new ArrayList<>(List.of(new Digits("1")));
        Symbol symbol = new Symbol(new Letter('t'), subscript);
        subscript.add(new Digits("2"));
        assertEquals("t_{1}", symbol.latex());
        assertThrows(UnsupportedOperationException.class, () -> symbol.subscript().add(new Digits("3")));
        assertThrows(NullPointerException.class, () -> new Symbol(null, List.of()));
    }

    @Test
    void twoSymbolsLookAlikeInLatexExactlyWhenTheyDoInMathMl() {
        // Notation keeps names apart by their LaTeX; that is only safe if MathML draws no two of them alike
        List<String> names = names(new SplittableRandom(2), 3000);
        Map<String, String> mathMlByLatex = new HashMap<>();
        Map<String, String> latexByMathMl = new HashMap<>();
        for (String name : names) {
            for (Symbol symbol : List.of(Notation.parameterSymbol(name), Notation.featureSymbol(name, Set.of()))) {
                String before = mathMlByLatex.putIfAbsent(symbol.latex(), symbol.mathMl());
                assertTrue(before == null || before.equals(symbol.mathMl()), name + ": " + symbol.latex());
                String latexBefore = latexByMathMl.putIfAbsent(symbol.mathMl(), symbol.latex());
                assertTrue(latexBefore == null || latexBefore.equals(symbol.latex()), name + ": " + symbol.mathMl());
            }
        }
        assertTrue(mathMlByLatex.size() > 500, "too few distinct symbols to tell: " + mathMlByLatex.size());
    }

    @Test
    void noTwoNamesOfALawOrItsTargetShareASymbol() {
        SplittableRandom random = new SplittableRandom(9);
        List<String> targets = List.of("loss", "lm_loss", "y", "L", "brier_score", "loss_1", "loss_2", "target");
        for (int trial = 0; trial < 400; trial++) {
            List<String> pool = names(random, 8);
            Expr expr = RandomExprs.any(trial, pool, 6);
            List<String> features = pool.stream().filter(name -> random.nextBoolean()).toList();
            Law law = Law.of(expr, features);
            List<String> names = new ArrayList<>(law.variables());
            names.addAll(law.parameters());
            List<String> free = targets.stream().filter(t -> !names.contains(t)).toList();
            List<String> lawTargets = random.nextInt(3) == 0 ? free.subList(0, 2) : List.of(free.get(random.nextInt(free.size())));
            Notation notation = Notation.of(law, features, lawTargets);
            Set<String> latex = new LinkedHashSet<>();
            Set<String> mathMl = new LinkedHashSet<>();
            for (String name : names) {
                assertTrue(latex.add(notation.latexSymbol(name)), names + ": " + name + " → " + notation.latexSymbol(name));
                assertTrue(mathMl.add(notation.mathMlSymbol(name)), names + ": " + name + " → " + notation.mathMlSymbol(name));
            }
            Notation.LegendEntry target = notation.legend().getLast();
            assertTrue(latex.add(target.latex()), names + " and target " + lawTargets + ": " + target.latex());
            assertTrue(mathMl.add(target.mathMl()), names + " and target " + lawTargets + ": " + target.mathMl());
        }
    }

    /**
     * Names that read as math in many ways: single letters, Greek names and look-alikes, subscripts from
     * digits and from underscores, conventional feature words, stray underscores.
     */
    private static List<String> names(SplittableRandom random, int count) {
        List<String> heads = List.of("x", "t", "E", "R", "N", "D", "a", "e", "alpha", "Gamma", "Alpha", "lr", "bsz",
            "num", "tokens", "unique_tokens", "num_params", "log_flops", "proportion_domain", "_", "Emax");
        List<String> subscripts = List.of("max", "1", "01", "N", "k", "inf", "alpha", "", "0");
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            StringBuilder name = new StringBuilder(heads.get(random.nextInt(heads.size())));
            if (random.nextInt(3) == 0) {
                name.append(random.nextInt(12));
            }
            for (int parts = random.nextInt(3); parts > 0; parts--) {
                name.append('_').append(subscripts.get(random.nextInt(subscripts.size())));
            }
            names.add(name.toString());
        }
        return new ArrayList<>(names);
    }
}
