package dev.racer.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.io.AtomicFiles;
import dev.racer.io.Jsons;
import dev.racer.race.EpisodeStatus;
import dev.racer.trace.DeepRacerLayout;
import dev.racer.trace.ObjectTrace;
import dev.racer.trace.SimTraceWriter;
import dev.racer.trainer.ppo.ClippedPpo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Training's logs, laid out as DeepRacer-for-Cloud writes them ({@link DeepRacerLayout}), so that
 * deepracer-utils and the community's notebooks load a Racer model folder as it is:
 * <pre>
 *   training-simtrace/N-iteration.csv       the iteration's first sampled episode (N = iteration - 1, from 0)
 *   training-eval-simtrace/N-iteration.csv  Racer's greedy evaluation episodes of that iteration (DeepRacer
 *                                           logs no sim-trace for them; deepracer-utils does not look here)
 *   metrics/TrainingMetrics.json            one entry per episode, training and evaluation, as the simapp's
 *                                           TrainingMetrics writes them
 *   model/model_metadata.json, ip/hyperparameters.json   copies where deepracer-utils reads them
 * </pre>
 * {@code tstamp} and the metrics' times are one simulation clock for the whole training, as if every episode
 * (training, then the iteration's evaluation episodes) had been driven one after the other by one car, as a
 * single DeepRacer worker does: each episode starts where the previous one ended, and a resumed run carries
 * on from the clock in {@code TrainingMetrics.json}. Each sim-trace episode starts with its {@code prepare}
 * row. Every iteration's trace is kept ({@link #prune} drops old ones on request); each file appears
 * atomically.
 *
 * <p>Only clipped PPO logs sim-traces (its rollouts record them; DQN and A3C run inside RL4J).
 */
public final class TrainingTraces {
    /** Greedy evaluation traces: Racer's own, in a folder deepracer-utils does not read. */
    public static final String TRAINING_EVAL_SIMTRACE = "training-eval-simtrace";
    /** How often, at most, the metrics JSON (which grows all training) is rewritten [ns]; and at the end. */
    private static final long METRICS_EVERY_NANOS = 2_000_000_000L;

    private final Path dir;
    private final Path training;
    private final Path evaluation;
    private final Path metricsFile;
    private final double dt;
    private final List<Entry> entries = new ArrayList<>();
    /** the simulation clock [s] at the end of the last logged episode */
    private double clock;
    private long lastMetricsWrite = Long.MIN_VALUE;
    private boolean metricsDirty;

    /** One episode of {@code TrainingMetrics.json}; times in ms. */
    record Entry(long rewardScore, long metricTime, long startTime, long elapsed, long episode, int trial,
                 boolean evaluation, int completion, String status) {
    }

    /**
     * @param modelDir the model folder
     * @param dt       the environment's step [s]
     */
    public TrainingTraces(Path modelDir, double dt) {
        this.dir = modelDir;
        this.training = modelDir.resolve(DeepRacerLayout.TRAINING_SIMTRACE);
        this.evaluation = modelDir.resolve(TRAINING_EVAL_SIMTRACE);
        this.metricsFile = modelDir.resolve(DeepRacerLayout.METRICS).resolve(DeepRacerLayout.TRAINING_METRICS);
        this.dt = dt;
    }

    public Path trainingDir() {
        return training;
    }

    public Path evaluationDir() {
        return evaluation;
    }

    public Path metricsFile() {
        return metricsFile;
    }

    /** The file of Racer's iteration {@code iteration} (from 1): DeepRacer's {@code (iteration-1)-iteration.csv}. */
    public static String fileName(int iteration) {
        return DeepRacerLayout.iterationFile(iteration - 1);
    }

    /**
     * Starts (or resumes) the logs: keeps the metrics of the first {@code priorEpisodes} training episodes (and
     * the evaluations between them) from an earlier run, takes the clock from them, and puts the copies of
     * {@code model_metadata.json} and {@code hyperparameters.json} where deepracer-utils reads them.
     */
    public void start(long priorEpisodes) {
        entries.clear();
        clock = 0;
        if (priorEpisodes > 0 && Files.isRegularFile(metricsFile)) {
            JsonNode root = Jsons.readTree(metricsFile);
            for (JsonNode m : root.path("metrics")) {
                Entry e = new Entry(m.path("reward_score").asLong(), m.path("metric_time").asLong(),
                        m.path("start_time").asLong(), m.path("elapsed_time_in_milliseconds").asLong(),
                        m.path("episode").asLong(), m.path("trial").asInt(),
                        "evaluation".equals(m.path("phase").asText()), m.path("completion_percentage").asInt(),
                        m.path("episode_status").asText());
                if (e.episode() <= priorEpisodes) {
                    entries.add(e);
                    clock = Math.max(clock, e.metricTime() / 1000.0);
                }
            }
        }
        metricsDirty = true;
        writeMetrics();
        dropLegacyTraces();
        copy(dir.resolve("model_metadata.json"), dir.resolve("model").resolve("model_metadata.json"));
        copy(dir.resolve("hyperparameters.json"), dir.resolve("ip").resolve("hyperparameters.json"));
    }

    /**
     * Racer's earlier layout ({@code sim-trace/training|evaluation/iteration-NNNN.csv}) makes deepracer-utils
     * take the folder for a console export and find nothing: its files go; a {@code sim-trace} folder holding
     * anything else is left alone, with a warning.
     */
    private void dropLegacyTraces() {
        Path legacy = dir.resolve("sim-trace");
        if (!Files.isDirectory(legacy)) {
            return;
        }
        try {
            for (String kind : List.of("training", "evaluation")) {
                Path d = legacy.resolve(kind);
                if (Files.isDirectory(d)) {
                    try (Stream<Path> files = Files.list(d)) {
                        for (Path f : files.filter(g -> g.getFileName().toString().matches("iteration-\\d+\\.csv"))
                                .toList()) {
                            Files.delete(f);
                        }
                    }
                    if (isEmpty(d)) {
                        Files.delete(d);
                    }
                }
            }
            if (isEmpty(legacy)) {
                Files.delete(legacy);
            } else {
                System.err.println("warning: " + legacy + " holds files Racer did not write there; deepracer-utils"
                        + " will take this folder for a console export until it is moved away");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(legacy + ": cannot remove Racer's earlier sim-traces: " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.findAny().isEmpty();
        }
    }

    private static void copy(Path from, Path to) {
        if (!Files.isRegularFile(from)) {
            return;
        }
        try {
            AtomicFiles.write(to, Files.readAllBytes(from));
        } catch (IOException e) {
            throw new UncheckedIOException(from + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Logs one clipped-PPO iteration: its traced episodes and every episode's metrics.
     *
     * @param iteration    Racer's iteration number, from 1 (the file is {@code (iteration-1)-iteration.csv})
     * @param firstEpisode training episodes before this iteration
     */
    public void write(int iteration, long firstEpisode, ClippedPpo.IterationStats s) {
        List<ClippedPpo.Episode> sampled = s.episodes().stream()
                .sorted(Comparator.comparingInt(e -> e.indexInIteration)).toList();
        double[] startOf = new double[sampled.size()];
        int n = sampled.size();
        for (int i = 0; i < n; i++) {
            ClippedPpo.Episode e = sampled.get(i);
            startOf[i] = clock;
            clock += e.steps() * dt;
            entries.add(entry(e, startOf[i], firstEpisode + i + 1, i + 1, false));
        }
        List<ClippedPpo.Episode> greedy = s.evaluation();
        double[] evalStart = new double[greedy.size()];
        for (int i = 0; i < greedy.size(); i++) {
            evalStart[i] = clock;
            clock += greedy.get(i).steps() * dt;
            // the simapp counts evaluations against the last training episode, with that iteration's trial count
            entries.add(entry(greedy.get(i), evalStart[i], firstEpisode + n, n, true));
        }
        metricsDirty = true;

        List<Integer> tracedSampled = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (sampled.get(i).trace != null) {
                tracedSampled.add(i);
            }
        }
        if (!tracedSampled.isEmpty()) {
            SimTraceWriter w = SimTraceWriter.open(training.resolve(fileName(iteration)));
            List<ObjectTrace.Placement> boxes = new ArrayList<>();
            try {
                for (int i : tracedSampled) {
                    rows(w, sampled.get(i), (int) (firstEpisode + i), startOf[i]);
                    boxes(boxes, sampled.get(i), (int) (firstEpisode + i));
                }
                w.close();
                writeBoxes(w.file(), boxes);
            } catch (RuntimeException ex) {
                w.abort();
                throw ex;
            }
        }
        if (greedy.stream().anyMatch(e -> e.trace != null)) {
            SimTraceWriter w = SimTraceWriter.open(evaluation.resolve(fileName(iteration)));
            List<ObjectTrace.Placement> boxes = new ArrayList<>();
            try {
                for (int i = 0; i < greedy.size(); i++) {
                    if (greedy.get(i).trace != null) {
                        rows(w, greedy.get(i), i, evalStart[i]);
                        boxes(boxes, greedy.get(i), i);
                    }
                }
                w.close();
                writeBoxes(w.file(), boxes);
            } catch (RuntimeException ex) {
                w.abort();
                throw ex;
            }
        }
        if (System.nanoTime() - lastMetricsWrite >= METRICS_EVERY_NANOS || lastMetricsWrite == Long.MIN_VALUE) {
            writeMetrics();
        }
    }

    private Entry entry(ClippedPpo.Episode e, double start, long episode, int trial, boolean eval) {
        // rounded as the simapp rounds them: each time on its own
        long startMs = Math.round(start * 1000);
        long endMs = Math.round((start + e.steps() * dt) * 1000);
        long elapsedMs = Math.round(e.steps() * dt * 1000);
        EpisodeStatus st = e.status == null ? EpisodeStatus.IN_PROGRESS : e.status;
        return new Entry(Math.round(e.totalReward), endMs, startMs, elapsedMs, episode, trial, eval,
                (int) e.progress, DeepRacerLayout.label(st));
    }

    private static void boxes(List<ObjectTrace.Placement> out, ClippedPpo.Episode e, int episode) {
        if (e.boxes != null) {
            out.add(new ObjectTrace.Placement(episode, 0, e.boxes));
        }
    }

    /** {@code N-iteration.objects.json} beside the trace, for {@code racer view --replay} (object avoidance only). */
    private static void writeBoxes(Path trace, List<ObjectTrace.Placement> boxes) {
        if (!boxes.isEmpty()) {
            ObjectTrace.write(ObjectTrace.sidecar(trace), boxes);
        }
    }

    private static void rows(SimTraceWriter w, ClippedPpo.Episode e, int episode, double start) {
        for (ClippedPpo.TraceStep t : e.trace) {
            var p = t.params();
            if (t.status() == EpisodeStatus.PREPARE) {
                w.prepare(episode, p, start);
            } else {
                w.row(episode, p.steps(), p, p.steeringAngle(), p.speed(), t.action(), t.reward(), t.done(),
                        t.status(), start + t.time(), 0, t.carSpeed(), 1);
            }
        }
    }

    /** Writes {@code TrainingMetrics.json} if anything changed since it was last written. */
    public void finish() {
        writeMetrics();
    }

    private void writeMetrics() {
        if (!metricsDirty) {
            return;
        }
        StringBuilder b = new StringBuilder(64 + entries.size() * 260);
        b.append("{\"metrics\": [");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (i > 0) {
                b.append(", ");
            }
            b.append("{\"reward_score\": ").append(e.rewardScore())
                    .append(", \"metric_time\": ").append(e.metricTime())
                    .append(", \"start_time\": ").append(e.startTime())
                    .append(", \"elapsed_time_in_milliseconds\": ").append(e.elapsed())
                    .append(", \"episode\": ").append(e.episode())
                    .append(", \"trial\": ").append(e.trial())
                    .append(", \"phase\": \"").append(e.evaluation() ? "evaluation" : "training")
                    .append("\", \"completion_percentage\": ").append(e.completion())
                    .append(", \"episode_status\": \"").append(e.status()).append("\"}");
        }
        b.append("], \"version\": ").append(DeepRacerLayout.METRICS_VERSION)
                .append(", \"best_model_metric\": \"progress\"}\n");
        AtomicFiles.writeString(metricsFile, b.toString());
        metricsDirty = false;
        lastMetricsWrite = System.nanoTime();
    }

    /**
     * Keeps the last {@code keep} training sim-traces of each kind, and the first ({@code 0-iteration.csv}:
     * deepracer-utils counts the episodes of an iteration from it), deleting the others (and their
     * {@code N-iteration.objects.json}).
     */
    public static void prune(Path modelDir, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("--keep-traces must be 0 or more, got " + keep);
        }
        for (Path d : List.of(modelDir.resolve(DeepRacerLayout.TRAINING_SIMTRACE),
                modelDir.resolve(TRAINING_EVAL_SIMTRACE))) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                List<Path> traces = files.filter(f -> f.getFileName().toString().matches("\\d+-iteration\\.csv"))
                        .sorted(Comparator.comparingInt(TrainingTraces::iterationOf)).toList();
                for (int i = 1; i < traces.size() - keep; i++) {
                    Files.deleteIfExists(traces.get(i));
                    Files.deleteIfExists(ObjectTrace.sidecar(traces.get(i))); // its boxes, if any
                }
            } catch (IOException e) {
                throw new UncheckedIOException(d + ": cannot prune old sim-traces: " + e.getMessage(), e);
            }
        }
    }

    private static int iterationOf(Path f) {
        String name = f.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.indexOf('-')));
    }
}
