package dev.racer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code racer} command. Each feature adds its subcommand class to the list below. */
@Command(name = "racer", mixinStandardHelpOptions = true, versionProvider = Racer.Version.class,
        description = "Racer: write a DeepRacer reward function, train a 1/18-scale car, watch it lap, race it.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            ParamsCommand.class,
            BenchCommand.class,
            TracksCommand.class,
            RewardCommand.class,
            TrainCommand.class,
            PlotCommand.class,
            EvaluateCommand.class,
            RaceCommand.class,
            ViewCommand.class,
            LeagueCommand.class,
            SubmitCommand.class,
        })
public final class Racer implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The command line with its command objects made by {@code factory} (the reward daemon supplies its own). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new Racer(), factory);
        cl.setExecutionExceptionHandler(new UserErrors());
        return cl;
    }

    /** Prints what went wrong in a sentence, not a stack trace; {@code RACER_DEBUG=1} shows the trace. */
    static final class UserErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            if (System.getenv("RACER_DEBUG") != null) {
                ex.printStackTrace(cl.getErr());
            }
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cl.getErr().println("racer: " + msg);
            return ex instanceof UserException u ? u.exitCode() : 1;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Racer.class.getPackage().getImplementationVersion();
            return new String[] {"racer " + (v == null ? "dev" : v) + " on Java " + Runtime.version()};
        }
    }
}
