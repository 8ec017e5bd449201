package dev.evosld.cli;

import dev.evosld.EvosldException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code evosld} command line. Exit status: 0 success, 1 failure, 2 usage error.
 *
 * <p>Every failure is reported as one line on stderr. A known failure ({@link EvosldException}) prints its
 * message; anything else is a bug and prints its type and message, with the stack trace only when
 * {@code EVOSLD_DEBUG} is set.
 */
@Command(
    name = "evosld",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Discovers scaling laws that extrapolate.",
    subcommands = {DiscoverCommand.class, FitCommand.class, EvalCommand.class, PredictCommand.class, ExportCommand.class,
        ReportCommand.class, BenchCommand.class, DataCommand.class, HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line with the given arguments and returns the exit status. */
    public static int run(String... args) {
        try {
            return commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands exceptions to the handlers below, but an Error passes them by
            System.err.println("evosld: out of memory; give the JVM more (JAVA_TOOL_OPTIONS=-Xmx8g, say)");
            return 1;
        } catch (StackOverflowError e) {
            System.err.println("evosld: internal error: stack overflow (a law nested too deeply?); please report it");
            return 1;
        }
    }

    /** The configured picocli command line; tests use it to capture output. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        giveVersion(cli, new Version());
        cli.setExecutionExceptionHandler(Main::handleFailure);
        cli.setParameterExceptionHandler(Main::handleUsageError);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(Integer.class, WholeNumberConverter.ints());
        cli.registerConverter(int.class, WholeNumberConverter.ints());
        cli.registerConverter(Long.class, WholeNumberConverter.longs());
        cli.registerConverter(long.class, WholeNumberConverter.longs());
        return cli;
    }

    /**
     * Every command's help offers {@code --version}, but picocli gives a subcommand no version of its parent's: it
     * would print nothing.
     */
    private static void giveVersion(CommandLine command, CommandLine.IVersionProvider version) {
        command.getCommandSpec().versionProvider(version);
        command.getSubcommands().values().forEach(sub -> giveVersion(sub, version));
    }

    /**
     * A command line picocli cannot parse: its message and where to read more, instead of the whole usage text
     * (over a hundred lines for discover), which buries the one line that says what was wrong.
     */
    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = e instanceof CommandLine.UnmatchedArgumentException unmatched
            ? UnknownArguments.describe(unmatched, args)
            : e instanceof CommandLine.MissingParameterException
                && UnknownArguments.misspeltOption(command, args).isPresent()
            ? UnknownArguments.misspeltOption(command, args).get()
            // picocli's own words for an option of an exclusive group given twice name its internals
            : e.getMessage().startsWith("Error: ") && e.getMessage().contains("are mutually exclusive")
            ? exclusiveGiven(command.getCommandSpec().argGroups(), args)
                .map(given -> String.join(" and ", given) + " given together (give one of them)")
                .orElse(e.getMessage().substring("Error: ".length()))
            // picocli's own words are "option '--seed' (S) should be specified only once"
            : e instanceof CommandLine.OverwrittenOptionException overwritten
                && overwritten.getOverwritten() instanceof CommandLine.Model.OptionSpec option
            ? option.longestName() + " given twice (give it once)"
            : e.getMessage().startsWith("Missing required parameter for option '")
            ? e.getMessage().replaceFirst("^Missing required parameter for option '([^']+)' ", "$1 needs a value ")
            : e.getMessage().startsWith("Error: expected only one match")
            ? repeatedOption(command, args)
                .map(option -> option + " given twice (give it once)")
                .orElse("options that exclude each other given together")
            // picocli takes --data for the start of the group that --task excludes, and asks for the rest of it
            : e.getMessage().startsWith("Error: Missing required argument(s): ") && givesOption(args, "--task", "-t")
                && givesOption(args, "--data")
                ? "--task and --data given together (give one of them)"
            : e.getMessage().startsWith("Error: Missing required argument(s): --data") && givesOption(args, "--task", "-t")
                ? "an option of your own CSV (such as --budget, --trend or --holdout) goes with --data, not --task,"
                    + " whose config sets it"
            : e.getMessage().startsWith("Error: Missing required argument(s): --data") && givesOption(args, "--resume")
                ? "an option of your own CSV (such as --budget, --trend or --holdout) goes with --data, and a resumed"
                    + " run reads its data and those options from its run directory: leave it out"
            // every other line says "evosld: " alone; picocli puts "Error: " before some of its own
            : e.getMessage().replaceFirst("^Error: ", "");
        err.println("evosld: " + message + " (see: " + command.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return 2;
    }

    /**
     * The members of an exclusive group that the arguments give together, each by its longest name (a group of
     * options that go together, such as --data and its --features, by its first): picocli's own words name a group's
     * internals.
     */
    private static Optional<List<String>> exclusiveGiven(List<CommandLine.Model.ArgGroupSpec> groups, String[] args) {
        for (CommandLine.Model.ArgGroupSpec group : groups) {
            if (group.exclusive()) {
                List<String> given = new ArrayList<>();
                group.options().stream().filter(option -> givesOption(args, option.names()))
                    .forEach(option -> given.add(option.longestName()));
                for (CommandLine.Model.ArgGroupSpec member : group.subgroups()) {
                    member.options().stream().filter(option -> givesOption(args, option.names())).findFirst()
                        .ifPresent(option -> given.add(member.options().getFirst().longestName()));
                }
                if (given.size() > 1) {
                    return Optional.of(given);
                }
            }
            Optional<List<String>> inner = exclusiveGiven(group.subgroups(), args);
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    /** The first of the command's options that the arguments give more than once, by its longest name. */
    private static Optional<String> repeatedOption(CommandLine command, String[] args) {
        return command.getCommandSpec().options().stream()
            .filter(option -> Arrays.stream(args).filter(arg -> Arrays.stream(option.names())
                .anyMatch(name -> arg.equals(name) || arg.startsWith(name + "="))).count() > 1)
            .map(CommandLine.Model.OptionSpec::longestName)
            .findFirst();
    }

    /** Whether the arguments give an option by one of its names, alone or as {@code --name=value}. */
    private static boolean givesOption(String[] args, String... option) {
        return Arrays.stream(args).anyMatch(arg -> Arrays.stream(option)
            .anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")));
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UsageException) {
            err.println("evosld: " + e.getMessage() + " (see: " + cli.getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return 2;
        }
        if (e instanceof EvosldException) {
            err.println("evosld: " + e.getMessage());
        } else {
            err.println("evosld: internal error: " + e);
            if (System.getenv("EVOSLD_DEBUG") != null) {
                e.printStackTrace(err);
            }
        }
        err.flush();
        return 1;
    }

    /** Reads the version from the jar manifest; "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"evosld " + dev.evosld.Version.current()};
        }
    }
}
