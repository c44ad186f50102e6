package dev.racer.cli;

import dev.racer.reward.python.Backend;
import dev.racer.reward.python.RewardCheck;
import dev.racer.reward.python.RewardScriptException;
import dev.racer.reward.python.RewardScripts;
import dev.racer.reward.python.RewardSource;
import dev.racer.reward.python.ScriptReward;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racer reward ...}: work on Python reward functions. */
@Command(name = "reward", description = "Work on DeepRacer Python reward functions.",
        subcommands = {RewardCommand.Check.class, RewardReplayCommand.class, CommandLine.HelpCommand.class})
public final class RewardCommand implements Runnable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RewardCommand.class);
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code racer reward check FILE.py}. */
    @Command(name = "check", description = {
        "Runs a reward file on meaningful states of a track and reports its problems.",
        "States: start, centre, near each border, off track, wrong way, reversed track, finishing, fast and",
        "slow, sharp steering. Errors (exit code 1) are what would break training; warnings are what looks",
        "wrong. Style is not judged."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE.py", description = "the reward file")
        Path file;

        @CommandLine.Mixin
        TrackMixin trackId;

        @Option(names = "--backend", defaultValue = "auto", description = "auto, graalpy or cpython (default: ${DEFAULT-VALUE})")
        String backend;

        @Option(names = "--legacy-waypoints", description = TrackOption.LEGACY_WAYPOINTS)
        boolean legacyWaypoints;

        @Option(names = "--budget-ms", defaultValue = "1000", description = "time budget per call [ms] (default: ${DEFAULT-VALUE})")
        long budgetMs;

        @CommandLine.Mixin
        ObjectOptions objectOptions = new ObjectOptions();

        @Option(names = "--no-daemon", description = {"check in this process instead of in the resident reward-check",
            "daemon (./racer starts one for GraalPy checks; it exits after 30 idle minutes)"})
        boolean noDaemon;

        /** The client's working directory when the daemon runs the check (file paths are relative to it). */
        Path cwd;
        /** Where the reward file's print() goes. */
        java.io.OutputStream guestOut = System.err;
        /** In the daemon: whether this process runs a check with the chosen backend (else the client does). */
        java.util.function.Predicate<Backend> runsHere = b -> true;
        /** Set when {@link #runsHere} said no: nothing was printed. */
        boolean declined;

        @Override
        public Integer call() {
            long t0 = System.nanoTime();
            PrintWriter out = spec.commandLine().getOut();
            Path path = cwd == null ? file : cwd.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new UserException("no such reward file: " + file);
            }
            Backend requested = parseBackend(backend);
            Track track = TrackOption.load(trackId.id, legacyWaypoints);
            RewardSource source = RewardSource.read(file, path);
            Backend chosen = RewardScripts.choose(source, requested);
            if (!runsHere.test(chosen)) {
                declined = true;
                return 0;
            }
            out.println("Reward " + file + " on track " + track.id() + " (" + track.name() + ")");
            out.println("Backend: " + chosen.id() + " (" + RewardScripts.reason(source, requested) + ")");
            for (RewardSource.OddChar c : source.oddChars()) {
                if (!c.inCode()) {
                    out.println("  note: " + file.getFileName() + ", " + c + " inside a string or comment (harmless there)");
                }
            }
            ScriptReward reward;
            try {
                reward = RewardScripts.load(source, requested, Duration.ofMillis(budgetMs), true, guestOut);
            } catch (RewardScriptException e) {
                out.println();
                out.println("ERROR (" + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + e.getMessage());
                out.println();
                out.println("1 error: training cannot start with this file.");
                out.flush();
                return 1;
            }
            long tLoaded = System.nanoTime();
            try (reward) {
                out.println("        " + reward.describe());
                if (chosen == Backend.CPYTHON) {
                    out.println("WARNING: the cpython backend is not sandboxed: this file runs as your own user, "
                            + "with access to your files, network and processes. Run only reward files you trust.");
                }
                dev.racer.race.EnvConfig env = objectOptions.apply(dev.racer.race.EnvConfig.DEFAULT, track, true);
                List<RewardCheck.State> states = RewardCheck.states(track, env);
                long tStates = System.nanoTime();
                RewardCheck.Report report = RewardCheck.run(reward, states);
                LOG.debug("reward check: track, file and backend up to the loaded reward {} ms, states {} ms, "
                        + "{} calls {} ms", (tLoaded - t0) / 1_000_000, (tStates - tLoaded) / 1_000_000, states.size(),
                        (System.nanoTime() - tStates) / 1_000_000);
                String hint = env.placedObjects().objects() == 0 && env.placedBots().count() == 0 && report.hasErrors()
                        ? RewardCheck.objectHint(source.text()) : null;
                out.println();
                out.printf(Locale.ROOT, "%-18s %8s %8s %8s %8s %5s %6s %8s %6s %6s  %s%n", "state", "x", "y",
                        "heading", "from_ctr", "left", "wheels", "progress", "speed", "steer", "reward");
                for (RewardCheck.Outcome o : report.outcomes()) {
                    var p = o.state().params();
                    out.printf(Locale.ROOT, "%-18s %8.3f %8.3f %8.1f %8.3f %5s %6d %8.2f %6.2f %6.1f  %s%n",
                            o.state().name(), p.x(), p.y(), p.heading(), p.distanceFromCenter(),
                            p.isLeftOfCenter() ? "yes" : "no", p.wheelsOnTrack(), p.progress(), p.speed(),
                            p.steeringAngle(), o.ok() ? String.format(Locale.ROOT, "%.6g", o.reward()) : "ERROR ("
                                    + o.error().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
                }
                out.println();
                long errors = report.problems().stream().filter(RewardCheck.Problem::error).count();
                long warnings = report.problems().size() - errors;
                for (RewardCheck.Problem pr : report.problems()) {
                    out.println((pr.error() ? "ERROR: " : "WARNING: ") + pr.message());
                }
                if (hint != null) {
                    out.println("ERROR: " + hint);
                }
                if (report.problems().isEmpty()) {
                    out.println("OK: no problems found.");
                } else {
                    out.println(errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                            + (warnings == 1 ? "" : "s") + (errors > 0 ? ": this would stop training." : ": training can run."));
                }
                out.flush();
                return errors > 0 ? 1 : 0;
            }
        }
    }

    static Backend parseBackend(String s) {
        try {
            return Backend.parse(s);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    static Track track(String id) {
        return track(id, false);
    }

    static Track track(String id, boolean legacyWaypoints) {
        try {
            return TrackLibrary.standard().get(id, dev.racer.track.WaypointNumbering.of(legacyWaypoints));
        } catch (RuntimeException e) {
            throw new UserException("unknown track \"" + id + "\": " + e.getMessage() + " (racer tracks list shows them)");
        }
    }
}
