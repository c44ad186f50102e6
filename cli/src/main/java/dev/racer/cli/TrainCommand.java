package dev.racer.cli;

import dev.racer.trainer.IterationMetrics;
import dev.racer.trainer.BestCheckpoint;
import dev.racer.model.ModelFolder;
import dev.racer.trainer.TrainSpec;
import dev.racer.trainer.TrainingTraces;
import dev.racer.trainer.TrainSummary;
import dev.racer.trainer.Trainer;
import dev.racer.model.Hyperparameters;
import dev.racer.model.ModelMetadata;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racer train}: trains a model folder with clipped PPO (default), DQN or A3C. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a car on a track with a reward function; writes a DeepRacer-style model folder.",
            "Ctrl-C stops after saving a checkpoint; --resume continues a stopped or killed run."})
public final class TrainCommand implements Runnable {

    @CommandLine.Mixin
    TrackMixin track;

    @Option(names = "--reward", required = true,
            description = "reward: a file (.py), a built-in (center_line) or java:CLASS")
    String reward;

    @Option(names = "--out", required = true, description = "model folder to write, e.g. models/NAME")
    Path out;

    @Option(names = "--minutes", description = "wall-clock budget [min] (default: 10 unless --steps is given)")
    Double minutes;

    @Option(names = "--steps", description = "environment-step budget")
    Long steps;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--workers", description = "rollout threads (default: one per core)")
    Integer workers;

    @Option(names = "--model-metadata", description = "model_metadata.json: action space, sensor, network")
    Path modelMetadata;

    @Option(names = "--hyperparameters", description = "hyperparameters.json (DeepRacer's keys)")
    Path hyperparameters;

    @Option(names = "--algorithm", description = "clipped_ppo (default), sac (continuous action spaces), dqn or a3c")
    String algorithm;

    @Option(names = "--resume", description = "continue from the model folder's last checkpoint")
    boolean resume;

    @Option(names = "--update", defaultValue = "java",
            description = "clipped PPO's update: java (default: the loss and Adam in plain Java, checked against the graph)"
                    + " or samediff (the loss graph trained by SameDiff; about 20x slower for these small networks;"
                    + " camera models always use samediff)")
    String update;

    @Option(names = "--legacy-waypoints", description = TrackOption.LEGACY_WAYPOINTS)
    boolean legacyWaypoints;

    @Option(names = "--keep-traces", paramLabel = "N",
            description = "when training ends, keep only the last N iterations' sim-traces (and the first, which"
                    + " deepracer-utils needs); default: keep every one")
    Integer keepTraces;

    @Option(names = "--quiet", description = "no progress line")
    boolean quiet;

    @picocli.CommandLine.Mixin
    ObjectOptions objectOptions = new ObjectOptions();

    @Override
    public void run() {
        TrainSpec spec;
        try {
            spec = new TrainSpec(track.id, reward, out, minutes, steps, seed,
                    workers == null ? Runtime.getRuntime().availableProcessors() : workers,
                    modelMetadata, hyperparameters, algorithm, resume, update, legacyWaypoints);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        dev.racer.race.EnvConfig env = null;
        if (objectOptions.given()) {
            if (resume) {
                throw new UserException("--race-type and the object and bot flags are fixed when a model is first"
                        + " trained (stored in its training_params.json): leave them out with --resume");
            }
            env = objectOptions.apply(dev.racer.trainer.Trainer.envConfig(), TrackOption.load(track.id, legacyWaypoints),
                    true);
        }
        if (keepTraces != null && keepTraces < 0) {
            throw new UserException("--keep-traces: expected 0 or more, got " + keepTraces);
        }
        TrainSummary s = train(spec, env, quiet);
        if (keepTraces != null) {
            TrainingTraces.prune(s.modelDir(), keepTraces);
        }
    }

    static TrainSummary train(TrainSpec spec, boolean quiet) {
        return train(spec, null, quiet);
    }

    /**
     * Trains {@code spec} through the trainer's service ({@link Trainer#train}) with a progress line and a
     * Ctrl-C that keeps the last checkpoint; prints the summary line. {@code racer demo} calls it too.
     */
    static TrainSummary train(TrainSpec spec, dev.racer.race.EnvConfig env, boolean quiet) {
        PrintStream err = System.err;
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            err.println();
            err.println("racer train: stopping, keeping the last checkpoint...");
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "racer-train-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            TrainSummary s = Trainer.train(spec, env, new Progress(err, quiet), stop);
            if (System.console() != null && !quiet) {
                err.println();
            }
            // printed before the shutdown hook is released: after a Ctrl-C the JVM exits as soon as it returns
            System.out.printf(Locale.ROOT, "trained %s with %s: %d iterations, %,d episodes, %,d steps in %.1f s"
                            + " (%,.0f steps/s, updates included); last evaluation: %.0f%% laps complete;"
                            + " stopped: %s%n",
                    s.modelDir(), s.algorithm(), s.iterations(), s.episodes(), s.steps(), s.seconds(),
                    s.stepsPerSecond(), 100 * s.evalCompletionRate(), s.stopReason());
            BestCheckpoint.Score best = BestCheckpoint.read(new ModelFolder(s.modelDir()));
            if (best != null) {
                System.out.printf(Locale.ROOT, "best checkpoint: iteration %d, evaluation %.0f%% laps complete%s"
                                + " (racer evaluate and submit use it; --checkpoint last for the last)%n",
                        best.iteration(), 100 * best.completionRate(), Double.isNaN(best.meanLap()) ? ""
                                : String.format(Locale.ROOT, ", mean lap %.2f s, best %.2f s", best.meanLap(),
                                best.bestLap()));
            }
            System.out.flush();
            return s;
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new UserException(e.getMessage());
        } finally {
            finished.countDown();
            if (!stop.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // already shutting down
                }
            }
        }
    }

    /** One status line per iteration: a bar, steps/s, reward, progress, completion, time left. */
    static final class Progress implements Trainer.Listener {
        private final PrintStream err;
        private final boolean quiet;
        private final boolean tty = System.console() != null;

        Progress(PrintStream err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public void started(TrainSpec spec, ModelMetadata meta, Hyperparameters hp, int startIteration) {
            if (!quiet) {
                err.printf(Locale.ROOT, "racer train: %s on %s, reward %s, %d workers, %d %s actions, sensor %s%s%n",
                        meta.trainingAlgorithm(), spec.trackId(), spec.rewardSpec(), spec.workers(),
                        meta.actionSpace().policyOutputs(), meta.actionSpace().type(), String.join(",", meta.sensors()),
                        startIteration > 0 ? ", resuming after iteration " + startIteration : "");
            }
        }

        /** fastest greedy evaluation lap of this run so far [s], NaN before the first */
        private double bestLap = Double.NaN;

        @Override
        public void iteration(IterationMetrics m, double fractionDone, double secondsLeft) {
            if (quiet) {
                return;
            }
            int width = 20;
            int filled = (int) Math.round(fractionDone * width);
            String bar = "#".repeat(filled) + "-".repeat(width - filled);
            if (!Double.isNaN(m.evalBestLapSeconds())) {
                bestLap = Double.isNaN(bestLap) ? m.evalBestLapSeconds() : Math.min(bestLap, m.evalBestLapSeconds());
            }
            String line = String.format(Locale.ROOT,
                    "[%s] it %d  %,d steps  %,.0f steps/s  reward %.1f  progress %.1f%%  laps %.0f%%  eval laps %.0f%%"
                            + "  best lap %s  left %s",
                    bar, m.iteration(), m.steps(), m.stepsPerSecond(), m.meanReward(), m.meanProgress(),
                    100 * m.completionRate(), 100 * m.evalCompletionRate(),
                    Double.isNaN(bestLap) ? "-" : String.format(Locale.ROOT, "%.2fs", bestLap), time(secondsLeft));
            if (tty) {
                err.print("\r" + line + "\u001b[K");
            } else {
                err.println(line);
            }
            err.flush();
        }

        private static String time(double s) {
            if (Double.isInfinite(s) || Double.isNaN(s)) {
                return "?";
            }
            long t = Math.round(s);
            return t >= 60 ? (t / 60) + "m" + String.format(Locale.ROOT, "%02d", t % 60) + "s" : t + "s";
        }
    }
}
