package dev.racer.trainer;

import dev.racer.trace.SimTraceWriter;
import dev.racer.trainer.ppo.ClippedPpo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Training's sim-traces, in DeepRacer's CSV format ({@link SimTraceWriter}), so that a user can analyse
 * training with the same notebooks as a time trial. After each clipped-PPO iteration:
 * <pre>
 *   sim-trace/training/iteration-NNNN.csv     the iteration's first sampled episode (episode = its global number)
 *   sim-trace/evaluation/iteration-NNNN.csv   the greedy evaluation episodes (episode 0, 1, 2...)
 * </pre>
 * Each file appears atomically; only the last {@link #KEEP} of each kind are kept, so disk use stays bounded
 * (about 100 KB a file). {@code tstamp} is the simulation time since the episode's start.
 */
public final class TrainingTraces {
    /** Files kept per kind. */
    public static final int KEEP = 20;

    private final Path training;
    private final Path evaluation;

    public TrainingTraces(Path modelDir) {
        this.training = modelDir.resolve("sim-trace").resolve("training");
        this.evaluation = modelDir.resolve("sim-trace").resolve("evaluation");
    }

    public Path trainingDir() {
        return training;
    }

    public Path evaluationDir() {
        return evaluation;
    }

    public static String fileName(int iteration) {
        return String.format("iteration-%04d.csv", iteration);
    }

    /** Writes the traced episodes of one iteration, then drops the oldest files beyond {@link #KEEP}. */
    public void write(int iteration, long firstEpisode, ClippedPpo.IterationStats s) {
        List<ClippedPpo.Episode> sampled = s.episodes().stream().filter(e -> e.trace != null).toList();
        if (!sampled.isEmpty()) {
            write(training.resolve(fileName(iteration)), sampled, firstEpisode, true);
            prune(training);
        }
        List<ClippedPpo.Episode> greedy = s.evaluation().stream().filter(e -> e.trace != null).toList();
        if (!greedy.isEmpty()) {
            write(evaluation.resolve(fileName(iteration)), greedy, 0, false);
            prune(evaluation);
        }
    }

    private static void write(Path file, List<ClippedPpo.Episode> eps, long firstEpisode, boolean sampled) {
        SimTraceWriter w = SimTraceWriter.open(file);
        try {
            for (int i = 0; i < eps.size(); i++) {
                ClippedPpo.Episode e = eps.get(i);
                int episode = (int) (sampled ? firstEpisode + e.indexInIteration : i);
                for (ClippedPpo.TraceStep t : e.trace) {
                    var p = t.params();
                    w.row(episode, p.steps(), p, p.steeringAngle(), p.speed(), t.action(), t.reward(), t.done(),
                            t.status(), t.time(), 0, t.carSpeed(), 1);
                }
            }
            w.close();
        } catch (RuntimeException ex) {
            w.abort();
            throw ex;
        }
    }

    private static void prune(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> traces = files.filter(f -> f.getFileName().toString().matches("iteration-\\d+\\.csv"))
                    .sorted().toList();
            for (int i = 0; i < traces.size() - KEEP; i++) {
                Files.deleteIfExists(traces.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot prune old sim-traces: " + e.getMessage(), e);
        }
    }
}
