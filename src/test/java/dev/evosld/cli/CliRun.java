package dev.evosld.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * One run of the command line, in-process, with its exit status and what it printed.
 *
 * @param exit the exit status
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
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

    /** The exit status (another name for {@link #exit()}). */
    int status() {
        return exit;
    }

    /** The lines of stderr that are EvoSLD's own (progress bars and JVM warnings left out). */
    List<String> errorLines() {
        return err.lines().filter(line -> line.startsWith("evosld: ")).toList();
    }

    /** Every non-blank line of stderr. */
    List<String> allErrorLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }

    /**
     * Writes a small CSV of made-up runs, {@code loss = E + A/N^a + B/D^b} for two model families, and
     * returns its path. Rows with N above 1e9 make a test split that extrapolates in N.
     */
    static Path userRuns(Path dir) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("family,N,D,loss\n");
        double[][] families = {{1.7, 400, 0.3, 300, 0.28}, {2.1, 250, 0.27, 500, 0.31}};
        String[] names = {"dense", "moe, \"sparse\""};
        for (int f = 0; f < families.length; f++) {
            double[] p = families[f];
            for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9, 3e9}) {
                for (double d : new double[] {1e9, 1e10, 1e11}) {
                    double loss = p[0] + p[1] / Math.pow(n, p[2]) + p[3] / Math.pow(d, p[4]);
                    csv.append('"').append(names[f].replace("\"", "\"\"")).append("\",")
                        .append(String.format(Locale.ROOT, "%.0f,%.0f,%.10f%n", n, d, loss));
                }
            }
        }
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, csv);
        return file;
    }

    /** The arguments of {@code fit} on {@link #userRuns}: features N and D, test rows N above 1e9. */
    static String[] fitUserRuns(Path csv, Path out, String law) {
        return new String[] {"fit", "--data", csv.toString(), "--features", "N,D", "--target", "loss", "--group",
            "family", "--test-above", "N=1e9", "--law", law, "--starts", "4", "--out", out.toString()};
    }
}
