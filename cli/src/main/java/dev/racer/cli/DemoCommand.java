package dev.racer.cli;

import dev.racer.evaluate.Evaluation;
import dev.racer.io.AtomicFiles;
import dev.racer.io.FileTrees;
import dev.racer.race.Driver;
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
 * {@code racer demo}: the whole loop in one command: train a racer with the racing example (the reward
 * {@code reward-functions/race_line_speed.py}, speed along a corner-cutting line, and the action space of
 * {@code examples/racing/model_metadata.json}, 8 actions up to 4 m/s), then race it in a time trial with the
 * best checkpoint. It calls the services behind {@code racer train} (the trainer's {@code Trainer}) and
 * {@code racer evaluate} ({@link Evaluation}), and prints what those commands print.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Trains a racer on a track for a few minutes with the racing example (reward",
            "reward-functions/race_line_speed.py, action space examples/racing/model_metadata.json: up to 4 m/s),",
            "then races its best checkpoint in a 3-lap time trial with DeepRacer's rules and prints the lap times."})
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE_REWARD = "reward-functions/race_line_speed.py";
    static final String EXAMPLE_METADATA = "examples/racing/model_metadata.json";

    @CommandLine.Mixin
    TrackMixin track;
    @Option(names = "--reward", description = "reward: a .py file, a built-in name or java:CLASS (default: "
            + EXAMPLE_REWARD + ", or the built-in center_line if that file is not there)")
    String reward;
    @Option(names = "--model-metadata", paramLabel = "FILE", description = "action space and network (default: "
            + EXAMPLE_METADATA + ", or Racer's defaults if that file is not there)")
    Path modelMetadata;
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
        Path metadata = modelMetadata != null ? modelMetadata : example(EXAMPLE_METADATA);
        if (metadata != null && !Files.isRegularFile(metadata)) {
            throw new UserException("--model-metadata: " + metadata + ": no such file");
        }
        moveAsidePreviousDemo();
        System.out.printf(Locale.ROOT, "racer demo: training on %s with %s%s for %s min, then a %d-lap time trial%n%n",
                track.id, rewardSpec, metadata == null ? "" : " and " + metadata, minutes, laps);
        TrainSpec spec;
        try {
            spec = new TrainSpec(track.id, rewardSpec, out, minutes, null, seed,
                    workers == null ? Runtime.getRuntime().availableProcessors() : workers, metadata, null, null, false, null, false);
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
        try (Driver driver = EvaluateCommand.openCheckpoint(out, null)) {
            double startupMs = (System.nanoTime() - start) / 1e6;
            Evaluation.Outcome o = Evaluation.run(new Evaluation.Request(t, false, rules, 0, null, out.toString(),
                    out.resolve("time-trial-trace.csv"), out.resolve("time-trial.json"), out.resolve("time-trial.png"), null, out),
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
        Path p = example(EXAMPLE_REWARD);
        return p != null ? p.toString() : "center_line";
    }

    /** An example file of the repository (relative to the working directory when inside it), or null. */
    static Path example(String file) {
        String root = System.getProperty("racer.root");
        Path p = root == null ? Path.of(file) : Path.of(root).resolve(file);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
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
