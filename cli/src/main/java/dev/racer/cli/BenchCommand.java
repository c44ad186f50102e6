package dev.racer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code racer bench ...}: benchmarks. Each feature adds its subcommand here. */
@Command(name = "bench", description = "Benchmarks.",
        subcommands = {BenchRewardCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
