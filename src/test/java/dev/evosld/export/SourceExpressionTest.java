package dev.evosld.export;

import static dev.evosld.law.Expr.add;
import static dev.evosld.law.Expr.apply;
import static dev.evosld.law.Expr.div;
import static dev.evosld.law.Expr.exp;
import static dev.evosld.law.Expr.log;
import static dev.evosld.law.Expr.mul;
import static dev.evosld.law.Expr.neg;
import static dev.evosld.law.Expr.num;
import static dev.evosld.law.Expr.pow;
import static dev.evosld.law.Expr.sub;
import static dev.evosld.law.Expr.sym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evosld.law.Expr;
import dev.evosld.law.Operator;
import dev.evosld.law.RandomExprs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceExpressionTest {
    private static final SourceExpression.Dialect JAVA = JavaExport.DIALECT;
    /** Spelt as {@link PythonExport} spells Python: division is a helper, since Python's raises on zero. */
    private static final SourceExpression.Dialect PYTHON = new SourceExpression.Dialect(
        value -> Double.toString(value).replace('E', 'e'),
        Set.of(Operator.ADD, Operator.SUB, Operator.MUL),
        Map.of(Operator.DIV, "_div", Operator.POW, "_pow", Operator.EXP, "_exp", Operator.LOG, "_log",
            Operator.SQRT, "_sqrt", Operator.ABS, "_abs", Operator.MIN, "_min", Operator.MAX, "_max"));
    private static final List<String> NAMES = List.of("x", "y", "a", "b");
    /** Helpers with Java's semantics: inf and nan instead of exceptions, and Math.min's order of zeros. */
    private static final String PYTHON_HELPERS = """
        import math, sys
        import numpy as np
        np.seterr(all="ignore")
        f64 = np.float64
        def _div(p, q): return f64(p) / f64(q)
        def _pow(p, q): return np.power(f64(p), f64(q))
        def _exp(p): return np.exp(f64(p))
        def _log(p): return np.log(f64(p))
        def _sqrt(p): return np.sqrt(f64(p))
        def _abs(p): return np.abs(f64(p))
        def _min(p, q):
            if math.isnan(p) or math.isnan(q): return math.nan
            if p == q: return p if math.copysign(1, p) < 0 else q
            return p if p < q else q
        def _max(p, q):
            if math.isnan(p) or math.isnan(q): return math.nan
            if p == q: return q if math.copysign(1, p) < 0 else p
            return p if p > q else q
        def _show(v):
            v = float(v)
            return "NaN" if math.isnan(v) else "Infinity" if v == math.inf else "-Infinity" if v == -math.inf else repr(v)
        """;

    @TempDir
    Path dir;

    static Stream<Arguments> groupings() {
        Expr a = sym("a");
        Expr b = sym("b");
        Expr c = sym("c");
        return Stream.of(
            Arguments.of(sub(a, sub(b, c)), "a - (b - c)"),
            Arguments.of(sub(sub(a, b), c), "a - b - c"),
            // floating-point addition does not associate, so the right operand keeps its parentheses
            Arguments.of(add(a, add(b, c)), "a + (b + c)"),
            Arguments.of(add(add(a, b), c), "a + b + c"),
            Arguments.of(div(a, mul(b, c)), "a / (b * c)"),
            Arguments.of(div(a, div(b, c)), "a / (b / c)"),
            Arguments.of(mul(div(a, b), c), "a / b * c"),
            Arguments.of(mul(a, div(b, c)), "a * (b / c)"),
            Arguments.of(mul(add(a, b), c), "(a + b) * c"),
            Arguments.of(mul(c, sub(a, b)), "c * (a - b)"),
            Arguments.of(add(mul(a, b), div(c, a)), "a * b + c / a"),
            // "- -a" is "--a", Java's decrement, and "a - -1.0" reads badly: a negation is parenthesised
            Arguments.of(neg(neg(a)), "-(-a)"),
            Arguments.of(neg(num(-1)), "-(-1.0)"),
            Arguments.of(neg(num(-0.0)), "-(-0.0)"),
            Arguments.of(sub(a, num(-1)), "a - (-1.0)"),
            Arguments.of(sub(a, neg(b)), "a - (-b)"),
            Arguments.of(mul(a, neg(b)), "a * (-b)"),
            Arguments.of(mul(neg(a), b), "-a * b"),
            Arguments.of(neg(mul(a, b)), "-(a * b)"),
            Arguments.of(neg(add(a, b)), "-(a + b)"),
            Arguments.of(add(num(-2.5), a), "-2.5 + a"),
            Arguments.of(pow(neg(a), b), "Math.pow(-a, b)"),
            Arguments.of(neg(pow(a, b)), "-Math.pow(a, b)"),
            Arguments.of(pow(a, pow(b, c)), "Math.pow(a, Math.pow(b, c))"),
            Arguments.of(pow(pow(a, b), c), "Math.pow(Math.pow(a, b), c)"),
            Arguments.of(pow(num(-2), num(-0.5)), "Math.pow(-2.0, -0.5)"),
            Arguments.of(log(exp(neg(add(a, num(1e-300))))), "Math.log(Math.exp(-(a + 1.0E-300)))"),
            Arguments.of(apply(Operator.MIN, sub(a, b), apply(Operator.MAX, c, apply(Operator.ABS, a))),
                "Math.min(a - b, Math.max(c, Math.abs(a)))"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("groupings")
    void javaKeepsTheTreesGroupingWithTheFewestParentheses(Expr expr, String expected) {
        assertEquals(expected, SourceExpression.print(expr, JAVA, Function.identity()));
    }

    @Test
    void aDivisionSpeltAsAFunctionNeedsNoParenthesesAroundItsArguments() {
        Expr a = sym("a");
        Expr b = sym("b");
        Expr c = sym("c");
        assertEquals("_div(a, b * c)", SourceExpression.print(div(a, mul(b, c)), PYTHON, Function.identity()));
        assertEquals("a * _div(b, c)", SourceExpression.print(mul(a, div(b, c)), PYTHON, Function.identity()));
        assertEquals("-_div(a, b)", SourceExpression.print(neg(div(a, b)), PYTHON, Function.identity()));
        assertEquals("_div(a + b, -c) - (-1.0e-5)",
            SourceExpression.print(sub(div(add(a, b), neg(c)), num(-1e-5)), PYTHON, Function.identity()));
    }

    @Test
    void namesArePrintedThroughTheGivenMapping() {
        Expr expr = add(mul(sym("lambda"), sym("x")), sym("class"));
        assertEquals("lambda_ * x + class_",
            SourceExpression.print(expr, JAVA, name -> name.equals("x") ? "x" : name + "_"));
    }

    @Test
    void anOperatorTheDialectCannotSpellIsAnIllegalArgument() {
        SourceExpression.Dialect noLog = new SourceExpression.Dialect(Double::toString,
            Set.of(Operator.ADD), Map.of(Operator.EXP, "exp"));
        var thrown = assertThrows(IllegalArgumentException.class,
            () -> SourceExpression.print(add(sym("x"), log(sym("x"))), noLog, Function.identity()));
        assertEquals("no spelling for LOG", thrown.getMessage());
    }

    @Test
    void compiledJavaComputesBitForBitWhatTheTreeComputes() throws Exception {
        // Java spells every operation with the same java.lang.Math call or operator as Expr.evaluate, so any
        // difference at all means the printed grouping or a literal differs from the tree
        int laws = 250;
        List<Expr> exprs = new ArrayList<>();
        StringBuilder source = new StringBuilder("public final class Printed {\n");
        for (int i = 0; i < laws; i++) {
            Expr expr = RandomExprs.any(1000 + i, NAMES, 6);
            exprs.add(expr);
            source.append("  public static double f").append(i).append("(double x, double y, double a, double b) {\n")
                .append("    return ").append(SourceExpression.print(expr, JAVA, Function.identity())).append(";\n  }\n");
        }
        source.append("}\n");
        try (URLClassLoader loader = compile("Printed", source.toString())) {
            Class<?> printed = loader.loadClass("Printed");
            SplittableRandom random = new SplittableRandom(7);
            int compared = 0;
            for (int i = 0; i < laws; i++) {
                Method f = printed.getMethod("f" + i, double.class, double.class, double.class, double.class);
                for (int p = 0; p < 8; p++) {
                    double[] point = point(random);
                    double expected = exprs.get(i).evaluate(name -> point[NAMES.indexOf(name)]);
                    double actual = (Double) f.invoke(null, point[0], point[1], point[2], point[3]);
                    Expr expr = exprs.get(i);
                    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), () -> expr
                        + " at " + java.util.Arrays.toString(point) + ": tree " + expected + ", java " + actual);
                    compared++;
                }
            }
            assertEquals(laws * 8, compared);
        }
    }

    @Test
    void pythonComputesWhatTheTreeComputes() throws Exception {
        assumeTrue(ExportedCode.onPath("python3"), "python3 is not on the PATH");
        int laws = 250;
        SplittableRandom random = new SplittableRandom(11);
        // Python keywords among the names: the printed code must use the identifiers it is given
        List<String> names = List.of("x", "lambda", "a", "def");
        Map<String, String> ids = SourceExpression.identifiers(names, Set.of("lambda", "def", "_div", "_pow"));
        List<Expr> exprs = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        StringBuilder module = new StringBuilder(PYTHON_HELPERS);
        for (int i = 0; i < laws; i++) {
            Expr expr = RandomExprs.modest(5000 + i, names, 6);
            exprs.add(expr);
            double[] point = point(random);
            points.add(point);
            module.append(String.format("print(_show((lambda %s: %s)(%s)))%n",
                String.join(", ", names.stream().map(ids::get).toList()),
                SourceExpression.print(expr, PYTHON, ids::get),
                String.join(", ", Stream.of(0, 1, 2, 3).map(k -> Double.toString(point[k])).toList())));
        }
        List<String> lines = python(module.toString());
        assertEquals(laws, lines.size());
        for (int i = 0; i < laws; i++) {
            double[] point = points.get(i);
            double expected = exprs.get(i).evaluate(name -> point[names.indexOf(name)]);
            double actual = Double.parseDouble(lines.get(i));
            // numpy's exp, log and pow may differ from java.lang.Math by an ulp or so; a grouping mistake would
            // not stay within a relative 1e-9
            assertTrue(agree(expected, actual), "law " + exprs.get(i) + " at " + java.util.Arrays.toString(point)
                + ": tree " + expected + ", python " + actual + "\n" + SourceExpression.print(exprs.get(i), PYTHON,
                ids::get));
        }
    }

    @Test
    void identifiersKeepFreeNamesAndMoveReservedOnesOutOfTheWay() {
        Map<String, String> ids = SourceExpression.identifiers(List.of("x", "class", "class_", "Math", "y"),
            Set.of("class", "Math"));
        assertEquals(List.of("x", "class", "class_", "Math", "y"), List.copyOf(ids.keySet()), "in the given order");
        // a free name keeps its spelling even when a reserved one would be renamed to it: the exported Java's
        // predict shows these names to its caller, who would pass the feature class_ where it says class_
        assertEquals("x", ids.get("x"));
        assertEquals("class__", ids.get("class"));
        assertEquals("class_", ids.get("class_"));
        assertEquals("Math_", ids.get("Math"));
        assertEquals("y", ids.get("y"));
    }

    @Test
    void identifiersAreDistinctAndNeverReservedForAnyNames() {
        SplittableRandom random = new SplittableRandom(3);
        List<String> pool = List.of("a", "a_", "a__", "b", "if", "if_", "_", "__", "x1");
        for (int trial = 0; trial < 500; trial++) {
            Set<String> reserved = new HashSet<>();
            Set<String> distinct = new java.util.LinkedHashSet<>();
            for (String name : pool) {
                if (random.nextInt(3) == 0) {
                    reserved.add(name);
                }
                if (random.nextInt(2) == 0) {
                    distinct.add(name);
                }
            }
            List<String> names = new ArrayList<>(distinct);
            java.util.Collections.shuffle(names, new java.util.Random(trial));
            Map<String, String> ids = SourceExpression.identifiers(names, reserved);
            assertEquals(names.size(), new HashSet<>(ids.values()).size(), names + " with " + reserved + ": " + ids);
            for (String name : names) {
                String id = ids.get(name);
                assertFalse(reserved.contains(id), id);
                assertTrue(reserved.contains(name) || id.equals(name), name + " is free but became " + id);
                assertTrue(id.startsWith(name) && id.substring(name.length()).chars().allMatch(ch -> ch == '_'), id);
            }
        }
    }

    /** Each name's value: mostly around 1, sometimes negative, zero, tiny or huge, to reach inf and nan. */
    private static double[] point(SplittableRandom random) {
        double[] point = new double[4];
        for (int k = 0; k < point.length; k++) {
            point[k] = switch (random.nextInt(10)) {
                case 0 -> 0.0;
                case 1 -> -random.nextDouble(0.1, 5);
                case 2 -> random.nextDouble() * 1e-200;
                case 3 -> 1e200;
                default -> random.nextDouble(0.1, 5);
            };
        }
        return point;
    }

    private static boolean agree(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected)) {
            return Double.compare(expected, actual) == 0;
        }
        return Math.abs(expected - actual) <= 1e-9 * Math.max(Math.abs(expected), Double.MIN_NORMAL);
    }

    private List<String> python(String module) throws Exception {
        Path file = dir.resolve("printed.py");
        Files.writeString(file, module);
        Process process = new ProcessBuilder("python3", file.toString()).start();
        process.getOutputStream().close();
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, process.exitValue(), "python3 failed:\n" + stderr);
        return new String(stdout, StandardCharsets.UTF_8).lines().toList();
    }

    private URLClassLoader compile(String className, String source) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        Path out = Files.createDirectories(dir.resolve("classes"));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(messages, true, StandardCharsets.UTF_8);
        int status = javac.run(null, stream, stream, "-d", out.toString(), "-encoding", "UTF-8", file.toString());
        assertEquals(0, status, () -> "javac:\n" + messages.toString(StandardCharsets.UTF_8));
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, null);
    }
}
