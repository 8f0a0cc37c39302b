package eu.egi.csirt.cvh.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** cvh: critical vulnerability handling. {@code run} is the default command. */
@Command(name = "cvh", mixinStandardHelpOptions = true, version = "cvh 0.1",
        description = "Critical vulnerability handling for a grid/cloud CSIRT (EGI SEC03 and the SDIS work instruction).",
        subcommands = {RunCommand.class, PlanCommand.class, SimulateCommand.class, ClassifyCommand.class, ConsolePasswordCommand.class})
public final class Application {

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        String[] effective = args.length == 0 ? new String[] {"run"} : args;
        System.exit(cli.execute(effective));
    }

    /** The command line with its converters and a one-line error (no stack trace) for bad input. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Application());
        cli.registerConverter(java.time.Instant.class, java.time.Instant::parse);
        cli.registerConverter(java.time.LocalDate.class, java.time.LocalDate::parse);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("cvh " + commandLine.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        return cli;
    }
}
