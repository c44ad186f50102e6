package dev.racer.cli;

import dev.racer.reward.RewardParams;
import dev.racer.reward.python.Backend;
import dev.racer.reward.python.CPythonReward;
import dev.racer.reward.python.PythonReward;
import dev.racer.cli.bench.RewardBench;
import dev.racer.reward.python.RewardScriptException;
import dev.racer.reward.python.RewardScripts;
import dev.racer.reward.python.RewardSource;
import dev.racer.reward.python.ScriptReward;
import dev.racer.track.Track;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racer bench reward FILE.py}: calls per second and µs per call, per backend, after warm-up. */
@Command(name = "reward", description = {
    "Prints calls/s and µs/call of a reward file after warm-up, per backend.",
    "Calls reward_function on varied real states of a track.",
    "By default every backend that can run the file: graalpy (with the Graal compiler when ./racer found it),",
    "graalpy interpreter-only (what you get without the compiler), cpython single calls and batches."})
final class BenchRewardCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.py", description = "the reward file")
    Path file;

    @Option(names = "--backend", defaultValue = "all",
            description = "all, graalpy, graalpy-interpreter or cpython (default: ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--seconds", defaultValue = "3", description = "measured seconds per backend (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--warmup", defaultValue = "-1", description = "minimum warm-up seconds per backend; warm-up goes on while "
            + "calls/s still improve (default: 30 for graalpy with the compiler, whose JIT needs it on a busy "
            + "machine; 2 for the others)")
    double warmup;

    @Option(names = "--max-warmup", defaultValue = "120", description = "maximum warm-up seconds (default: ${DEFAULT-VALUE})")
    double maxWarmup;

    @CommandLine.Mixin
    TrackMixin trackId;

    @Option(names = "--progress", description = "print µs/call for each second of warm-up (watch the JIT work)")
    boolean progress;

    @Option(names = "--batch", defaultValue = "64", description = "cpython batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new UserException("no such reward file: " + file);
        }
        if (!(seconds > 0)) {
            throw new UserException("--seconds must be > 0");
        }
        Track track = trackId.load();
        RewardSource source = RewardSource.read(file);
        List<String> which = new ArrayList<>();
        String b = backend.toLowerCase(Locale.ROOT);
        switch (b) {
            case "all" -> {
                if (source.nativeLibs().isEmpty()) {
                    which.add("graalpy");
                    which.add("graalpy-interpreter");
                }
                which.add("cpython");
            }
            case "auto" -> which.add(RewardScripts.choose(source, Backend.AUTO).id());
            case "graalpy", "graalpy-interpreter", "cpython" -> which.add(b);
            default -> throw new UserException("unknown backend \"" + backend
                    + "\": use all, graalpy, graalpy-interpreter or cpython");
        }
        RewardParams[] states = RewardBench.states(track, 512);
        Duration budget = Duration.ofSeconds(60);
        out.println("Reward " + file + " on " + track.id() + ", " + states.length + " states, " + seconds
                + " s measured per backend; Java " + Runtime.version());
        out.printf(Locale.ROOT, "%-34s %14s %10s %10s%n", "backend", "calls/s", "µs/call", "warm-up s");
        out.flush();
        int failures = 0;
        for (String w : which) {
            double warm = warmup >= 0 ? warmup : w.equals("graalpy") && PythonReward.compilerAvailable() ? 30 : 2;
            try {
                switch (w) {
                    case "graalpy" -> {
                        try (PythonReward r = new PythonReward(source, budget, false)) {
                            String label = PythonReward.compilerAvailable() ? "graalpy (Graal compiler)"
                                    : "graalpy (NO compiler: interpreted)";
                            print(out, RewardBench.single(label, r, states, warm, maxWarmup, seconds, progress(out)));
                        }
                    }
                    case "graalpy-interpreter" -> {
                        try (PythonReward r = new PythonReward(source, budget, true)) {
                            print(out, RewardBench.single("graalpy interpreter-only", r, states, warm, maxWarmup, seconds,
                                    progress(out)));
                        }
                    }
                    default -> {
                        try (CPythonReward r = new CPythonReward(source, budget)) {
                            print(out, RewardBench.single("cpython single calls", r, states, warm, maxWarmup, seconds,
                                    progress(out)));
                            print(out, RewardBench.batched("cpython batches of " + batch, r, states, batch, warm,
                                    seconds));
                        }
                    }
                }
            } catch (RewardScriptException e) {
                failures++;
                out.printf(Locale.ROOT, "%-34s failed: %s%n", w, e.getMessage());
                out.flush();
            }
        }
        return failures == which.size() ? 1 : 0;
    }

    private java.util.function.BiConsumer<Double, Double> progress(PrintWriter out) {
        if (!progress) {
            return null;
        }
        return (t, us) -> {
            out.printf(Locale.ROOT, "  warm-up %6.1f s: %10.3f µs/call%n", t, us);
            out.flush();
        };
    }

    private static void print(PrintWriter out, RewardBench.Result r) {
        out.printf(Locale.ROOT, "%-34s %14.0f %10.3f %10.1f%n", r.label(), r.callsPerSecond(), r.microsPerCall(),
                r.warmupSeconds());
        out.flush();
    }
}
