package dev.evosld.cli;

import dev.evosld.data.DataDirectory;
import dev.evosld.data.TaskData;
import dev.evosld.report.Report;
import dev.evosld.run.LawDocument;
import dev.evosld.run.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evosld report}: writes a run directory's HTML report with its plots. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Writes report.html and plots/ into a run directory: the law, scores, parameters, and plots.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--run", converter = NonEmptyPathConverter.class, required = true, paramLabel = "DIR",
        description = "A run directory (holding law.json).")
    Path run;

    @Option(names = "--data-dir", converter = NonEmptyPathConverter.class, paramLabel = "DIR",
        description = "Where SLDBench tasks live (default: $EVOSLD_DATA, else data/). User CSVs are read from the paths the run recorded.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunDirectory directory = RunDirectory.existing(run);
        LawDocument document = directory.readLaw();
        DataDirectory data = DataDirectory.resolve(dataDir, System.getenv());
        TaskData rows = document.recordedData(data, directory.lawFile());
        PrintWriter err = spec.commandLine().getErr();
        if (document.dataChangedSince(data)) {
            err.println(Output.dataChangedNote(document));
        }
        Path report = Report.write(directory, rows);
        err.println("evosld: wrote " + report);
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.println(report);
        out.flush();
        return 0;
    }
}
