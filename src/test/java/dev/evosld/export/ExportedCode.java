package dev.evosld.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Runs exported code, for the export tests and for those of the commands that compare an export with what
 * {@code predict} gives: compiles Java sources, runs a Python script on exported modules.
 */
public final class ExportedCode {
    private ExportedCode() {
    }

    /** What a script printed on stdout and on stderr. */
    public record Printed(String stdout, String stderr) {
    }

    /**
     * Compiles sources, {@code class name → source}, with every lint warning an error, into a folder of {@code dir},
     * and returns a loader of the classes that sees nothing of the tests' class path.
     */
    public static URLClassLoader compile(Path dir, Map<String, String> sources) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        Path src = Files.createDirectories(dir.resolve("src"));
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "-Xlint:all", "-Werror",
            "-encoding", "UTF-8"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey() + ".java");
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        StringWriter messages = new StringWriter();
        var stream = new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                messages.write(b);
            }
        }, true, StandardCharsets.UTF_8);
        int status = javac.run(null, stream, stream, arguments.toArray(String[]::new));
        assertEquals(0, status, "javac:\n" + messages);
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, null);
    }

    /**
     * Runs a script, written into {@code dir} as {@code name}, given the modules as its arguments, after a preamble
     * that imports sys and defines {@code load(path)}, which loads the module at a path.
     */
    public static Printed runScript(Path dir, String name, String body, Path... modules)
            throws IOException, InterruptedException {
        Path script = dir.resolve(name);
        Files.writeString(script, """
            import importlib.util, sys
            def load(path):
                spec = importlib.util.spec_from_file_location(path, path)
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                return module
            """ + body);
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        Arrays.stream(modules).map(Path::toString).forEach(command::add);
        ProcessBuilder python = new ProcessBuilder(command);
        python.environment().put("PYTHONIOENCODING", "utf-8");
        Process process = python.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python3 timed out");
        return new Printed(stdout, stderr);
    }

    /** Whether a program is on the PATH. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    /** Whether two predictions agree to 1e-12 relative, NaN matching NaN and infinities matching exactly. */
    public static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            return Double.compare(expected, actual) == 0 || Double.isNaN(expected) && Double.isNaN(actual);
        }
        return Math.abs(expected - actual) <= 1e-12 * Math.max(Math.abs(expected), Double.MIN_NORMAL);
    }
}
