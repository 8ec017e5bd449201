package dev.evosld.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it prints. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The lines of stderr that are EvoSLD's own (progress bars and JVM warnings left out). */
    java.util.List<String> errorLines() {
        return err.lines().filter(line -> line.startsWith("evosld: ")).toList();
    }

    /** Every non-blank line of stderr. */
    java.util.List<String> allErrorLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }
}
