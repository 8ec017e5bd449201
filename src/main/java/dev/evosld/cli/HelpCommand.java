package dev.evosld.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code evosld help [COMMAND...]}: the help of a command at any depth ({@code evosld help data pull}), where picocli's
 * own help command reads the first word alone and showed {@code data}'s help for it.
 */
@Command(name = "help", helpCommand = true, mixinStandardHelpOptions = true,
    description = "Shows the help of a command, or of a command's own command (evosld help data pull).")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, then its own command if it has them.")
    private List<String> path = new ArrayList<>();

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter,
                     PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine command = self.getParent();
        for (String name : path) {
            CommandLine next = command.getSubcommands().get(name);
            if (next == null) {
                // a ParameterException goes to Main's handler of usage errors: one line, exit 2
                throw new CommandLine.ParameterException(self, command.getSubcommands().isEmpty()
                    ? command.getCommandSpec().qualifiedName().replaceFirst("^evosld ", "") + " has no commands of its"
                        + " own, so '" + name + "' names none"
                    : UnknownArguments.unknownCommand(command.getCommandSpec(), name));
            }
            command = next;
        }
        command.usage(out, colors);
        out.flush();
    }
}
