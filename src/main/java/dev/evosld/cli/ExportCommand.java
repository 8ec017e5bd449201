package dev.evosld.cli;

import dev.evosld.EvosldException;
import dev.evosld.export.ExportFormat;
import dev.evosld.export.JavaExport;
import dev.evosld.export.JsonExport;
import dev.evosld.export.LatexExport;
import dev.evosld.export.PythonExport;
import dev.evosld.run.AtomicFiles;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evosld export}: writes a run's fitted law as LaTeX, Java, Python or JSON. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Writes a run's fitted law as a LaTeX document, a Java class, a Python module (SLDBench's law()) or JSON.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--run", converter = NonEmptyPathConverter.class, required = true, paramLabel = "DIR",
        description = "A run directory (holding law.json).")
    Path run;

    // a String rather than the enum, so that a misspelt format is a one-line error (exit 1) like other bad input
    @Option(names = "--format", required = true, paramLabel = "latex|java|python|json", description = "The format.")
    String format;

    @Option(names = "--out", converter = NonEmptyPathConverter.class, paramLabel = "FILE",
        description = "Write to FILE instead of stdout. For java, FILE's name is the class name (e.g. MyLaw.java).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExportFormat chosen;
        try {
            chosen = ExportFormat.parse(format);
        } catch (EvosldException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        RunDirectory directory = RunDirectory.existing(run);
        if (out != null && directory.isRecord(out)) {
            throw new UsageException("--out " + out + ": that file is one of the run's own records; name another");
        }
        LawDocument document = directory.readLaw();
        requireNotTheRunsData(document, out);
        String text = switch (chosen) {
            case LATEX -> LatexExport.document(document);
            case JAVA -> JavaExport.source(document, className(document));
            case PYTHON -> {
                if (out != null && !PythonExport.isModuleFileName(out.getFileName().toString())) {
                    String module = out.getFileName().toString().replaceFirst("\\.py$", "");
                    throw new EvosldException("--out " + out + ": a module named " + module + " would stand for"
                        + " Python's own, which the law's module imports; name it otherwise (e.g. law.py)");
                }
                yield PythonExport.module(document);
            }
            case JSON -> JsonExport.document(document);
        };
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
        } else {
            AtomicFiles.write(out, text);
            PrintWriter err = spec.commandLine().getErr();
            err.println("evosld: wrote " + out);
            err.flush();
        }
        return 0;
    }

    /** The class is public, so it must be named after its file when there is one. */
    private String className(LawDocument document) {
        if (out == null) {
            return JavaExport.className(document.task());
        }
        String file = out.getFileName().toString();
        if (!file.endsWith(".java")) {
            throw new EvosldException("--out " + out + ": a Java source file's name must end in .java");
        }
        String name = file.substring(0, file.length() - ".java".length());
        if (!JavaExport.isClassName(name)) {
            throw new EvosldException("--out " + out + ": '" + name + "' is not a usable Java class name, and a public"
                + " class must be named after its file (e.g. " + JavaExport.className(document.task()) + ".java)");
        }
        return name;
    }

    /**
     * Refuses an {@code --out} that is the CSV the run read its rows from (its data or test file, by any spelling of
     * the path): written over, it would leave report and {@code fit --law-file} reading another file's rows.
     */
    static void requireNotTheRunsData(LawDocument document, Path out) {
        if (out != null && document.readsRowsFrom(out)) {
            throw new UsageException("--out " + out + ": that is the run's data, which report and fit --law-file read"
                + " again; name another");
        }
    }
}
