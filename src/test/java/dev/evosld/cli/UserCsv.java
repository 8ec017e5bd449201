package dev.evosld.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A small CSV of runs following loss = 1.8 + 300 N^-0.3 + 500 D^-0.25, in two groups. */
final class UserCsv {
    private UserCsv() {
    }

    static Path write(Path directory) throws IOException {
        StringBuilder csv = new StringBuilder("family,N,D,loss\n");
        String[] families = {"small-vocab", "big-vocab"};
        for (int g = 0; g < families.length; g++) {
            for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9, 3e9}) {
                for (double d : new double[] {1e9, 1e10, 1e11}) {
                    double loss = 1.8 + 0.1 * g + 300 * Math.pow(n, -0.3) + 500 * Math.pow(d, -0.25);
                    csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s%n", families[g], n, d, loss));
                }
            }
        }
        Path file = directory.resolve("runs.csv");
        Files.writeString(file, csv);
        return file;
    }
}
