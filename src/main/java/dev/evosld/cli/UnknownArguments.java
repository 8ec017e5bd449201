package dev.evosld.cli;

import dev.evosld.data.MessageText;
import dev.evosld.data.TaskConfig;
import dev.evosld.law.Misspellings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Words an argument a command does not know as one line that says what was likely meant: picocli's own words list an
 * unknown option's value as a second unknown option ({@code Unknown options: '--tsk', 'moe_scaling_law'}) and suggest
 * only options that share its first two letters, on a line of their own.
 */
final class UnknownArguments {

    private UnknownArguments() {
    }

    /** The line for the first argument {@code e} could not match, without the {@code --help} pointer. */
    static String describe(CommandLine.UnmatchedArgumentException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String first = e.getUnmatched().getFirst();
        if (first.startsWith("-") && first.length() > 1) {
            return unknownOption(command, MessageText.escaped(first.split("=", 2)[0]));
        }
        CommandSpec spec = command.getCommandSpec();
        if (!spec.subcommands().isEmpty()) {
            return unknownCommand(spec, first);
        }
        Optional<String> misread = singleDashed(spec, args);
        if (misread.isPresent()) {
            return misread.get();
        }
        int at = List.of(args).indexOf(first);
        if (at >= 2 && takesValue(spec, args[at - 2])) {
            // --law E + A*N^a: the shell split a value with spaces into words, of which the option took the first
            String value = MessageText.escaped(args[at - 1]);
            return "unexpected argument " + quoted(first) + " after " + args[at - 2] + " " + value
                + ": a value with spaces goes in quotes (" + args[at - 2] + " '" + value + " "
                + MessageText.escaped(first) + " ...')";
        }
        if (spec.optionsMap().containsKey("--task") && TaskConfig.builtinTasks().contains(first)) {
            return "unexpected argument " + quoted(first) + "; did you mean --task " + first + "?";
        }
        return "unexpected argument " + quoted(first) + " (" + commandName(spec) + " takes options only)";
    }

    /**
     * The line for the first {@code --name} among {@code args} that {@code command} has no option of, if any: picocli
     * says that a required option is missing before it says that one was misspelt ({@code predict --rn DIR} is
     * "Missing required option: '--run=DIR'"), which hides the typo.
     */
    static Optional<String> misspeltOption(CommandLine command, String[] args) {
        CommandSpec spec = command.getCommandSpec();
        return List.of(args).stream()
            .filter(arg -> arg.startsWith("--") && arg.length() > 2)
            .map(arg -> arg.split("=", 2)[0])
            .filter(name -> !spec.optionsMap().containsKey(name))
            .findFirst()
            .map(name -> unknownOption(command, MessageText.escaped(name)));
    }

    private static String unknownOption(CommandLine command, String name) {
        CommandSpec spec = command.getCommandSpec();
        Optional<String> near = nearest(name, spec.options().stream()
            .flatMap(option -> List.of(option.names()).stream()).filter(n -> n.startsWith("--")).toList());
        if (near.isPresent()) {
            return "unknown option " + name + "; did you mean " + near.get() + "?";
        }
        List<String> others = new ArrayList<>();
        CommandLine root = command;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        collectTakers(root, name, spec, others);
        if (!others.isEmpty()) {
            String last = others.removeLast();
            return name + " is an option of " + (others.isEmpty() ? "" : String.join(", ", others) + " and ") + last
                + ", not of " + commandName(spec);
        }
        return "unknown option " + name;
    }

    /** The commands, other than {@code except}, that take an option called {@code name}. */
    private static void collectTakers(CommandLine command, String name, CommandSpec except, List<String> takers) {
        CommandSpec spec = command.getCommandSpec();
        if (spec != except && spec.optionsMap().containsKey(name)) {
            takers.add(commandName(spec));
        }
        command.getSubcommands().values().stream().distinct()
            .forEach(sub -> collectTakers(sub, name, except, takers));
    }

    static String unknownCommand(CommandSpec spec, String name) {
        List<String> commands = spec.subcommands().keySet().stream().toList();
        return "unknown command " + quoted(name) + nearest(name, commands).map(near -> "; did you mean " + near + "?")
            .orElse(" (commands: " + String.join(", ", commands) + ")");
    }

    /**
     * {@code -task moe}: picocli reads {@code -t} with the value {@code ask} and leaves {@code moe} unmatched, where a
     * single dash was meant as two.
     */
    private static Optional<String> singleDashed(CommandSpec spec, String[] args) {
        for (String arg : args) {
            String name = arg.split("=", 2)[0];
            if (name.length() > 2 && name.charAt(0) == '-' && name.charAt(1) != '-'
                && spec.optionsMap().containsKey("-" + name) && spec.posixOptionsMap().containsKey(name.charAt(1))) {
                return Optional.of(name + " is read as -" + name.charAt(1) + " with the value '" + name.substring(2)
                    + "'; write -" + name);
            }
        }
        return Optional.empty();
    }

    private static boolean takesValue(CommandSpec spec, String arg) {
        OptionSpec option = spec.optionsMap().get(arg);
        return option != null && option.arity().max() > 0;
    }

    /**
     * The candidate closest to {@code given} ignoring case, when a slip of the keys could have made one from the other
     * (at most one edit for a short name, two for a longer), or the only one {@code given} begins.
     */
    static Optional<String> nearest(String given, List<String> candidates) {
        String typed = bare(given);
        Optional<String> closest = candidates.stream()
            .filter(candidate -> Misspellings.distance(typed, bare(candidate)) <= (bare(candidate).length() <= 4 ? 1 : 2))
            .min(Comparator.comparingInt(candidate -> Misspellings.distance(typed, bare(candidate))));
        if (closest.isPresent()) {
            return closest;
        }
        List<String> extended = candidates.stream()
            .filter(candidate -> typed.length() >= 3 && bare(candidate).startsWith(typed)).toList();
        return extended.size() == 1 ? Optional.of(extended.getFirst()) : Optional.empty();
    }

    private static String bare(String name) {
        return name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
    }

    /** A command as typed after {@code evosld}: {@code fit}, {@code data pull}. */
    private static String commandName(CommandSpec spec) {
        return spec.qualifiedName().replaceFirst("^evosld ", "");
    }

    private static String quoted(String word) {
        return MessageText.quote(word);
    }
}
