package dev.racer.cli;

import dev.racer.evaluate.Evaluation;
import dev.racer.io.AtomicFiles;
import dev.racer.io.FileTrees;
import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.TimeTrialConfig;
import dev.racer.track.Track;
import dev.racer.trainer.TrainSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code racer demo}: the whole loop in one command: train a car with an example reward, then race it in a
 * time trial. It calls the services behind {@code racer train} (the trainer's {@code Trainer}) and
 * {@code racer evaluate} ({@link Evaluation}), and prints what those commands print.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Trains a car on a track with an example reward function for a few minutes, then races it",
            "in a 3-lap time trial with DeepRacer's rules and prints the lap times."})
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE_REWARD = "reward-functions/follow_centre_line.py";

    @CommandLine.Mixin
    TrackMixin track;
    @Option(names = "--reward", description = "reward: a .py file, a built-in name or java:CLASS (default: "
            + EXAMPLE_REWARD + ", or the built-in center_line if that file is not there)")
    String reward;
    @Option(names = "--minutes", defaultValue = "3", description = "training time [min] (default: ${DEFAULT-VALUE})")
    double minutes;
    @Option(names = "--out", defaultValue = "models/demo", description = "model folder (default: ${DEFAULT-VALUE}); an"
            + " earlier demo there is moved to NAME.previous")
    Path out;
    @Option(names = "--laps", defaultValue = "3", description = "laps in the time trial (default: ${DEFAULT-VALUE})")
    int laps;
    @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--workers", description = "rollout threads (default: one per core)")
    Integer workers;

    @Override
    public Integer call() throws IOException {
        if (!(minutes > 0)) {
            throw new UserException("--minutes must be > 0");
        }
        String rewardSpec = reward != null ? reward : defaultReward();
        moveAsidePreviousDemo();
        System.out.printf(Locale.ROOT, "racer demo: training on %s with %s for %s min, then a %d-lap time trial%n%n",
                track.id, rewardSpec, minutes, laps);
        TrainSpec spec;
        try {
            spec = new TrainSpec(track.id, rewardSpec, out, minutes, null, seed,
                    workers == null ? Runtime.getRuntime().availableProcessors() : workers, null, null, null, false, null);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        TrainCommand.train(spec, false);
        System.out.println();
        Track t = track.load();
        TimeTrialConfig rules;
        try {
            rules = TimeTrialConfig.DEFAULT.withLaps(laps);
        } catch (IllegalArgumentException e) {
            throw new UserException("--laps: " + e.getMessage());
        }
        long start = System.nanoTime();
        try (Driver driver = DriverProvider.openModel(out)) {
            double startupMs = (System.nanoTime() - start) / 1e6;
            Evaluation.Outcome o = Evaluation.run(new Evaluation.Request(t, false, rules, 0, null, out.toString(),
                    out.resolve("time-trial-trace.csv"), out.resolve("time-trial.json"), out.resolve("time-trial.png")),
                    driver);
            EvaluateCommand.printTable(System.out, t, o.result(), o.wallMs(), startupMs);
            System.out.println("Picture: " + out.resolve("time-trial.png"));
            System.out.println("Sim-trace: " + out.resolve("time-trial-trace.csv") + " (" + o.traceRows() + " rows)");
            System.out.println("Result: " + out.resolve("time-trial.json"));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        int rc = 0;
        if (rc == 0) {
            System.out.printf(Locale.ROOT, "%nNext: ./racer view %s --track %s      (watch it drive; needs a display or xvfb-run)%n"
                    + "      ./racer plot %s                        (training curves)%n", out, track.id, out);
        }
        return rc;
    }

    /** The example reward file, found from the repository root the launcher passes, else the built-in one. */
    static String defaultReward() {
        String root = System.getProperty("racer.root");
        Path p = root == null ? Path.of(EXAMPLE_REWARD) : Path.of(root).resolve(EXAMPLE_REWARD);
        if (Files.isRegularFile(p)) {
            Path cwd = Path.of("").toAbsolutePath();
            Path abs = p.toAbsolutePath().normalize();
            return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        }
        return "center_line";
    }

    private void moveAsidePreviousDemo() throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        Path previous = out.resolveSibling(out.getFileName() + ".previous");
        if (Files.exists(previous)) {
            FileTrees.delete(previous);
        }
        AtomicFiles.move(out, previous);
        System.out.println("racer demo: moved the earlier " + out + " to " + previous);
    }
}
