package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.law.Law;
import dev.evosld.run.LawDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatexExportTest {
    private static final LawDocument PARALLEL = ExportFixtures.document("parallel_scaling_law",
        "(A / (num_params * (k * log(parallel_size) + 1)))^alpha + E", List.of("num_params", "parallel_size"),
        List.of("loss"), orderedValues(
            "pile", new double[][] {{1.51190747757047E8, 0.34610589051993434, 0.21252013983784562, 1.3470274104504434}},
            "stack", new double[][] {{1.1151829654625162E7, 0.4087116949566963, 0.21963387192272488, 0.7463754060229135}}));

    @TempDir
    Path dir;

    @Test
    void writesTheLawAsAnEquationWithALegend() {
        String tex = LatexExport.document(PARALLEL);
        assertTrue(tex.contains("\\documentclass[11pt]{article}\n\\usepackage{amsmath}\n"), tex);
        assertTrue(tex.contains("\\begin{equation*}\nL = \\left(\\frac{A}{N \\left(k \\log P + 1\\right)}\\right)^{\\alpha}"
            + " + E\n\\end{equation*}"), tex);
        assertTrue(tex.contains("where $N$ is \\texttt{num\\_\\allowbreak{}params}, $P$ is \\texttt{parallel\\_\\allowbreak{}size} and $L$ is"
            + " \\texttt{loss}; $\\log$ is the natural logarithm."), tex);
        assertTrue(tex.contains("\\end{document}\n"), tex);
        assertEquals(1, count(tex, "\\usepackage"), "amsmath is the only package");
    }

    @Test
    void theLegendsLongNamesMayBreakAtTheirUnderscores() {
        String tex = LatexExport.document(PARALLEL);
        assertTrue(tex.contains("where $N$ is \\texttt{num\\_\\allowbreak{}params}, $P$ is"
            + " \\texttt{parallel\\_\\allowbreak{}size} and $L$ is \\texttt{loss}"), tex);
        // a table cell cannot break, so its names stay whole
        assertFalse(tex.substring(tex.indexOf("\\begin{tabular}")).contains("\\allowbreak"), tex);
    }

    @Test
    void aLawRecordedInTheSearchsFormIsWrittenWithMinuses() {
        // law.json of a version before laws were reported with minuses
        LawDocument older = ExportFixtures.document("parallel_scaling_law", "E + -2 * A * num_params^alpha",
            List.of("num_params", "parallel_size"), List.of("loss"),
            Map.of("pile", new double[][] {{1.5, 400, -0.3}}));
        assertEquals("E + -2 * A * num_params^alpha", older.law());
        String tex = LatexExport.document(older);
        assertTrue(tex.contains("; law: E - 2 * A * num_params^alpha\n"), tex);
        assertTrue(tex.contains("\nL = E - 2 A N^{\\alpha}\n"), tex);
        String java = JavaExport.source(older, "OlderLaw");
        assertTrue(java.contains(". Law: E - 2 * A * num_params^alpha\n"), java);
        assertTrue(java.contains(" * loss = E - 2 * A * num_params^alpha\n"), java);
        String python = PythonExport.module(older);
        assertTrue(python.contains("    loss = E - 2 * A * num_params^alpha\n"), python);
    }

    @Test
    void aParameterNamedEIsSetAsEAndTheLegendSaysWhichParameterItIs() {
        // fit --law 'A*N^e' read L = A N^e, N to the power of Euler's number
        LawDocument document = ExportFixtures.document("t", "A * N^e", List.of("N"), List.of("loss"),
            Map.of("g", new double[][] {{2, -0.5}}));
        String tex = LatexExport.document(document);
        assertTrue(tex.contains("\nL = A N^{E}\n"), tex);
        assertTrue(tex.contains("where $E$ is the parameter \\texttt{e} and $L$ is \\texttt{loss}."), tex);
        assertTrue(tex.contains("group & $A$ & $E$ \\\\"), tex);
    }

    @Test
    void aLawRecordedInTheSearchsFormIsTypesetWithoutThePartsThatChangeNothing() {
        // a discover run's law.json holds the search's form, A / (N / N) - 1 * B / D^b, which the export typeset as
        // L = A / (N / N) - 1 B / D^b with N in the legend, where every other export writes A - B / D^b
        LawDocument searched = ExportFixtures.document("t", "A / (N / N) + -1 * B / D^b", List.of("N", "D"),
            List.of("loss"), Map.of("g", new double[][] {{2, 3, 0.5}}));
        String tex = LatexExport.document(searched);
        assertTrue(tex.contains("; law: A - B / D^b\n"), tex);
        assertTrue(tex.contains("\nL = A - \\frac{B}{D^{b}}\n"), tex);
        assertTrue(tex.contains("group & $A$ & $B$ & $b$ \\\\"), tex);
        assertFalse(tex.contains("$N$") || tex.contains("{N}"), tex);
    }

    @Test
    void aLawWithoutALogarithmSaysNothingOfIt() {
        LawDocument power = ExportFixtures.document("parallel_scaling_law", "E + A * num_params^alpha",
            List.of("num_params", "parallel_size"), List.of("loss"),
            Map.of("pile", new double[][] {{1.5, 400, -0.3}}));
        for (String exported : List.of(LatexExport.document(power), PythonExport.module(power),
            JavaExport.source(power, "PowerLaw"))) {
            assertFalse(exported.contains("logarithm"), exported);
        }
        assertTrue(LatexExport.document(power).contains("where $N$ is \\texttt{num\\_\\allowbreak{}params} and $L$ is"
            + " \\texttt{loss}.\n"), LatexExport.document(power));
        assertTrue(PythonExport.module(power).contains("\n\nlaw(input_data, group) follows SLDBench"),
            PythonExport.module(power));
    }

    @Test
    void aFeatureHasTheSameSymbolWhicheverLawUsesIt() {
        // the laws mention the task's features in different orders and subsets, and one has a parameter D
        List<String> features = List.of("unique_tokens", "params", "tokens");
        List<String> formulas = List.of("E + A / tokens^alpha + B / unique_tokens^beta",
            "E + A / unique_tokens^alpha + B / tokens^beta + C / params^gamma",
            "D + A / params^alpha + B * tokens^(-beta)");
        List<List<String>> wheres = new ArrayList<>();
        for (String formula : formulas) {
            double[] values = new double[Law.parse(formula, features).parameterCount()];
            Arrays.fill(values, 1.5);
            String tex = LatexExport.document(ExportFixtures.document("data_constrained_scaling_law", formula,
                features, List.of("loss"), Map.of("all", new double[][] {values})));
            Matcher where = Pattern.compile("where (.*)\\.\n").matcher(tex);
            assertTrue(where.find(), tex);
            wheres.add(List.of(where.group(1).split(", | and ")));
        }
        assertEquals(List.of("$D$ is \\texttt{tokens}", "$U$ is \\texttt{unique\\_\\allowbreak{}tokens}", "$L$ is \\texttt{loss}"),
            wheres.get(0));
        assertEquals(List.of("$U$ is \\texttt{unique\\_\\allowbreak{}tokens}", "$D$ is \\texttt{tokens}", "$N$ is \\texttt{params}",
            "$L$ is \\texttt{loss}"), wheres.get(1));
        assertEquals(List.of("$N$ is \\texttt{params}", "$D$ is \\texttt{tokens}", "$L$ is \\texttt{loss}"),
            wheres.get(2));
    }

    @Test
    void tabulatesEveryGroupsValuesToSixSignificantDigitsAndSaysWhereTheExactOnesAre() {
        String tex = LatexExport.document(PARALLEL);
        assertTrue(tex.contains("group & $A$ & $k$ & $\\alpha$ & $E$ \\\\"), tex);
        assertTrue(tex.contains("\\texttt{pile} & $1.51191 \\times 10^{8}$ & $0.346106$ & $0.212520$ & $1.34703$ \\\\"),
            tex);
        assertTrue(tex.contains("\\texttt{stack} & $1.11518 \\times 10^{7}$ & $0.408712$ & $0.219634$ & $0.746375$"), tex);
        assertEquals(1, count(tex, "rounded to 6 significant digits"), tex);
        assertTrue(tex.contains("\\end{tabular}\n\\end{center}\nThe values are rounded to 6 significant digits;"
            + " \\texttt{law.json} and the Java and Python exports hold the exact values.\n"), tex);
        assertTrue(tex.contains("train $R^2 = 0.990000$, test $R^2 = 0.980000$"), tex);
    }

    @Test
    void roundedValuesLetMoreColumnsShareATableAndConstantsOfTheLawStayAsWritten() {
        LawDocument lrBsz = ExportFixtures.document("lr_bsz",
            "A * data_size^(-alpha) + B * non_embedding_param_size^(-beta) + C"
                + " + F * (lr - H * non_embedding_param_size^gamma * data_size^zeta)^2 + G * (log(bsz) + K * data_size^eta / bsz)"
                + " + 0.353 * lr^1.5",
            List.of("lr", "bsz", "data_size", "non_embedding_param_size"), List.of("lm_loss"),
            Map.of("all_data", new double[][] {{6472753.637875287, 0.7638425537950981, 2.2871781450603554e8,
                1.1114018369047867, 2.106015122394791, -1.5622176054020362e-10, 0.9904122261068351, 0.26069077360231513,
                0.21312383368669444, 0.03998495332630209, 0.12618099011946965, 0.2938005488973598}}));
        String tex = LatexExport.document(lrBsz);
        // with every digit of a double the twelve columns took four tables of three
        assertEquals(2, count(tex, "\\begin{tabular}"), tex);
        assertTrue(tex.contains("$6.47275 \\times 10^{6}$ & $0.763843$ & $2.28718 \\times 10^{8}$"), tex);
        assertTrue(tex.contains("$-1.56222 \\times 10^{-10}$"), tex);
        assertTrue(tex.contains("$0.0399850$"), tex);
        assertTrue(tex.contains("0.353 \\cdot"), tex);
        assertTrue(tex.contains("^{1.5}"), tex);
    }

    @Test
    void scoresSayHowFarThePredictionsMissed() {
        LawDocument one = new LawDocument(PARALLEL.evosldVersion(), PARALLEL.task(), PARALLEL.law(), PARALLEL.variables(),
            PARALLEL.parameterNames(), PARALLEL.targets(), PARALLEL.parameters(), PARALLEL.trainRanges(), PARALLEL.groupRanges(), PARALLEL.targetRanges(),
            new LawDocument.Metrics(0.99, 0.97, Map.of("loss", 0.0123456), 0.98, Map.of("loss", 0.01), true, 4, 9),
            PARALLEL.provenance());
        assertTrue(LatexExport.document(one).contains("train $R^2 = 0.990000$, validation $R^2 = 0.970000$ (RMSE $0.01235$),"
            + " test $R^2 = 0.980000$ (RMSE $0.01$)."), LatexExport.document(one));

        Map<String, Double> three = new LinkedHashMap<>();
        three.put("loss_a", 0.5);
        three.put("acc", 0.25);
        three.put("count", 20000.0);
        LawDocument several = new LawDocument(one.evosldVersion(), one.task(), one.law(), one.variables(),
            one.parameterNames(), one.targets(), one.parameters(), one.trainRanges(), one.groupRanges(), one.targetRanges(),
            new LawDocument.Metrics(null, 0.97, three, null, null, true, 4, 9), one.provenance());
        assertTrue(LatexExport.document(several).contains("Scores: validation $R^2 = 0.970000$ (RMSE \\texttt{loss\\_a}"
            + " $0.5$, \\texttt{acc} $0.25$, \\texttt{count} $2 \\times 10^{4}$). "), LatexExport.document(several));
    }

    @Test
    void scoresOfATestSplitWithoutAnR2StillSayHowFarItsPredictionsMissed() {
        LawDocument undefined = new LawDocument(PARALLEL.evosldVersion(), PARALLEL.task(), PARALLEL.law(),
            PARALLEL.variables(), PARALLEL.parameterNames(), PARALLEL.targets(), PARALLEL.parameters(),
            PARALLEL.trainRanges(), PARALLEL.groupRanges(), PARALLEL.targetRanges(), new LawDocument.Metrics(0.99, null, null, null,
            Map.of("loss", 0.0123456), true, 4, 9), PARALLEL.provenance());
        assertTrue(LatexExport.document(undefined).contains("Scores: train $R^2 = 0.990000$, test $R^2$ undefined"
            + " (RMSE $0.01235$). "), LatexExport.document(undefined));
    }

    @Test
    void scoresSayWhyValidationInsideTrainFailedInPlaceOfItsR2() {
        LawDocument failed = new LawDocument(PARALLEL.evosldVersion(), PARALLEL.task(), PARALLEL.law(),
            PARALLEL.variables(), PARALLEL.parameterNames(), PARALLEL.targets(), PARALLEL.parameters(),
            PARALLEL.trainRanges(), PARALLEL.groupRanges(), PARALLEL.targetRanges(), new LawDocument.Metrics(0.99, null, null, 0.98,
            Map.of("loss", 0.01), true, 4, 9, "implausible at 2× the largest N: loss_ratio rises"),
            PARALLEL.provenance());
        String tex = LatexExport.document(failed);
        assertTrue(tex.contains("Scores: train $R^2 = 0.990000$, validation inside train failed: implausible at 2$\\times$"
            + " the largest N: loss\\_ratio rises, test $R^2 = 0.980000$ (RMSE $0.01$). "), tex);
    }

    @Test
    void scoresInENotationAreTypesetAsPowersOfTen() {
        LawDocument tiny = new LawDocument(PARALLEL.evosldVersion(), PARALLEL.task(), PARALLEL.law(), PARALLEL.variables(),
            PARALLEL.parameterNames(), PARALLEL.targets(), PARALLEL.parameters(), PARALLEL.trainRanges(),
            PARALLEL.groupRanges(), PARALLEL.targetRanges(), new LawDocument.Metrics(1.0, -2.5e16, Map.of("loss", 0.5), 0.999,
            Map.of("loss", 1.578e-11), true, 4, 9), PARALLEL.provenance());
        String tex = LatexExport.document(tiny);
        // "1.578e-11" in math mode reads as 1.578e minus 11
        assertTrue(tex.contains("validation $R^2 = -2.50000 \\times 10^{16}$ (RMSE $0.5$), test $R^2 = 0.999000$"
            + " (RMSE $1.578 \\times 10^{-11}$)."), tex);
        assertEquals(-1, tex.indexOf("e-11"), tex);
        assertEquals(-1, tex.indexOf("e+16"), tex);
    }

    @Test
    void escapesGroupNamesAndSplitsLongTables() {
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put("a_b & c% $d$ #1 {x} ~^\\", new double[][] {{1, 2, 3}, {3, 4, 5}});
        for (int g = 0; g < 60; g++) {
            values.put("('org/model-" + g + "', 'flan')", new double[][] {{-1e-300, 2.5, 1}, {1e300, -0.0, 1}});
        }
        LawDocument document = ExportFixtures.document("many", "c + k * exp(t1 * x)", List.of("x"),
            List.of("loss_1", "loss_2"), values);
        String tex = LatexExport.document(document);
        assertTrue(tex.contains("\\texttt{a\\_b \\& c\\% \\$d\\$ \\#1 \\{x\\} \\textasciitilde{}\\textasciicircum{}"
            + "\\textbackslash{}}"), tex);
        assertTrue(tex.contains("$y$ is each of the targets \\texttt{loss\\_\\allowbreak{}1}, \\texttt{loss\\_\\allowbreak{}2}, fitted separately"), tex);
        assertTrue(tex.contains("group & target & $c$ & $k$ & $t_{1}$ \\\\"), tex);
        assertTrue(tex.contains("$-1.00000 \\times 10^{-300}$"), tex);
        // 122 rows (61 groups, 2 targets) in tables of at most 40 rows
        assertEquals(4, count(tex, "\\begin{tabular}"));
        for (String table : tex.split("\\\\begin\\{tabular}")) {
            assertTrue(count(table.split("\\\\end\\{tabular}")[0], "\\\\\n") <= LatexExport.ROWS_PER_TABLE + 1);
        }
    }

    @Test
    void spellsAccentedLettersAsLatexDoesAndOtherCharactersAsCodePoints() {
        assertEquals("M\\\"{u}ller--\\O{}resund \\'{e}\\c{c}\\ss{} \\aa{}<U+03BB><U+6A21>",
            LatexExport.text("Müller–Øresund éçß åλ模"));
    }

    @Test
    void compilesWithPdflatex() throws Exception {
        assumeTrue(ExportedCode.onPath("pdflatex"), "pdflatex is not on the PATH; LaTeX compile test skipped");
        Map<String, double[][]> many = new LinkedHashMap<>();
        many.put("quotes ' \" and <angles> & 模型 Müller–Øresund ß ç å", new double[][] {{1, 2, 3, 4, 5, 6, 7}, {1, 2, 3, 4, 5, 6, 7}});
        for (int g = 0; g < 45; g++) {
            many.put("('cerebras/Cerebras-GPT-" + g + "M', 'gigaword')", new double[][] {
                {1.2345678901234567e-5, -0.1, 3, 4e10, 5, 6, 7}, {1, 2, 3, 4, 5, 6, 7}});
        }
        LawDocument wide = ExportFixtures.document("domain_mixture",
            "c + k * exp(t1 * p_1 + t2 * p_2 + t3 * p_3 + t4 * p_4 + t5 * p_5)",
            List.of("p_1", "p_2", "p_3", "p_4", "p_5"), List.of("loss_domain_1", "loss_domain_2"), many);
        LawDocument long_ = ExportFixtures.document("long",
            "A * data_size^(-alpha) + B * non_embedding_param_size^(-beta) + C"
                + " + F * (lr - H * non_embedding_param_size^gamma * data_size^zeta)^2 + G * (log(bsz) + K * data_size^eta / bsz)",
            List.of("lr", "bsz", "data_size", "non_embedding_param_size"), List.of("lm_loss"),
            Map.of("all_data", new double[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}}));
        LawDocument nested = ExportFixtures.document("moe",
            "exp(a * log(N) + b * log(1 / (1 / (E - 1 + (1 / (E_start - 1) - 1 / E_max)^(-1)) + 1 / E_max))"
                + " + c * log(N) * log(1 / (1 / (E - 1 + (1 / (E_start - 1) - 1 / E_max)^(-1)) + 1 / E_max)) + d)",
            List.of("N", "E"), List.of("loss"), Map.of("all_data", new double[][] {{1, 2, 3, 4, 5, 6}}));
        // the legend's line of long texttt names ran 57pt into the margin, with nowhere to break
        LawDocument vocab = ExportFixtures.document("vocab_scaling_law",
            "3 * vocab_size^alpha + A * (alpha + (num_characters * vocab_size^beta)^gamma)^beta * non_vocab_parameters^delta"
                + " + B * non_vocab_parameters * (num_characters * vocab_size^(2 * beta))^gamma + C * num_characters",
            List.of("non_vocab_parameters", "vocab_size", "num_characters"), List.of("unigram_normalized_loss"),
            Map.of("all_data", new double[][] {{1, 2, 3, 4, 5, 6, 7}}));
        LawDocument greek = ExportFixtures.document("greek", "A * lambda^(-alpha) + B * mu_2 + Lambda * x_beta",
            List.of("lambda", "mu_2", "Lambda", "x_beta"), List.of("eta"),
            Map.of("all_data", new double[][] {{1, 2, 3}}));
        String greekTex = LatexExport.document(greek);
        assertTrue(greekTex.contains("\\mathrm{eta} = A \\cdot \\mathrm{lambda}^{-\\alpha} + B \\cdot \\mathrm{mu}_{2}"
            + " + \\mathrm{Lambda} \\cdot x_{\\mathrm{beta}}"), greekTex);
        assertTrue(greekTex.contains("group & $A$ & $\\alpha$ & $B$ \\\\"), greekTex);
        for (var entry : Map.of("parallel", PARALLEL, "wide", wide, "long", long_, "nested", nested, "greek", greek,
            "vocab", vocab)
            .entrySet()) {
            Path tex = dir.resolve(entry.getKey() + ".tex");
            Files.writeString(tex, LatexExport.document(entry.getValue()));
            Process pdflatex = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error",
                "-no-shell-escape", tex.getFileName().toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
            String log = new String(pdflatex.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(pdflatex.waitFor(60, TimeUnit.SECONDS), "pdflatex timed out");
            assertEquals(0, pdflatex.exitValue(), entry.getKey() + ":\n" + log);
            assertTrue(Files.size(dir.resolve(entry.getKey() + ".pdf")) > 1000);
            // nothing runs off the page by more than a hair
            Matcher overfull = Pattern.compile("Overfull \\\\hbox \\(([0-9.]+)pt too wide\\)").matcher(log);
            while (overfull.find()) {
                assertTrue(Double.parseDouble(overfull.group(1)) < 3, entry.getKey() + ": " + overfull.group());
            }
        }
    }

    @Test
    void lawWithoutParametersNeedsNoTable() {
        LawDocument document = ExportFixtures.document("fixed", "1.87 + 521 / x^0.353", List.of("x"), List.of("loss"),
            Map.of("all", new double[][] {{}}));
        String tex = LatexExport.document(document);
        assertTrue(tex.contains("The law has no fitted parameters."), tex);
        assertFalse(tex.contains("tabular"), tex);
    }

    private static Map<String, double[][]> orderedValues(String g1, double[][] v1, String g2, double[][] v2) {
        Map<String, double[][]> values = new LinkedHashMap<>();
        values.put(g1, v1);
        values.put(g2, v2);
        return values;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
