package dev.racer.trace;

import dev.racer.io.FileTrees;
import dev.racer.io.Jsons;
import dev.racer.race.EpisodeStatus;
import dev.racer.race.LapResult;
import dev.racer.race.TrialObserver;
import dev.racer.race.TrialResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One time trial of a model, logged into the model's folder as DeepRacer-for-Cloud logs an evaluation
 * ({@link DeepRacerLayout}): {@code evaluation-STAMP/evaluation-simtrace/0-iteration.csv} (the sim-trace,
 * one episode per lap, starting with a {@code prepare} row) and {@code metrics/EvaluationMetrics-STAMP.json}
 * (one entry per lap, the simapp's {@code EvalMetrics} fields). STAMP is the UTC start time to the second,
 * moved on a second while a folder of that name exists, so every evaluation is its own stream.
 *
 * <p>Use: {@link #open}, race with {@link #observer()}, then {@link #finish} (or {@link #abort()}).
 */
public final class EvaluationLog {
    private final Path modelDir;
    private final String stamp;
    private final Path dir;
    private final SimTraceWriter writer;
    private boolean done;

    private EvaluationLog(Path modelDir, String stamp, Path dir) {
        this.modelDir = modelDir;
        this.stamp = stamp;
        this.dir = dir;
        this.writer = SimTraceWriter.open(dir.resolve(DeepRacerLayout.EVALUATION_SIMTRACE)
                .resolve(DeepRacerLayout.iterationFile(0)));
    }

    /** Claims a new {@code evaluation-STAMP} folder in {@code modelDir}, STAMP from {@code now}. */
    public static EvaluationLog open(Path modelDir, Instant now) {
        Instant t = now;
        for (int tries = 0; tries < 3600; tries++, t = t.plusSeconds(1)) {
            String stamp = DeepRacerLayout.stamp(t);
            Path dir = modelDir.resolve("evaluation-" + stamp);
            if (Files.exists(metricsFile(modelDir, stamp))) {
                continue;
            }
            try {
                Files.createDirectory(dir); // atomic: two evaluations at once get different folders
                return new EvaluationLog(modelDir, stamp, dir);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next second
            } catch (IOException e) {
                throw new UncheckedIOException(dir + ": cannot create the evaluation log folder: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException(modelDir + ": no free evaluation-YYYYMMDDHHMMSS folder name near " + now);
    }

    private static Path metricsFile(Path modelDir, String stamp) {
        return modelDir.resolve(DeepRacerLayout.METRICS).resolve("EvaluationMetrics-" + stamp + ".json");
    }

    /** The sim-trace's observer, to pass to {@link dev.racer.race.TimeTrial#run}. */
    public TrialObserver observer() {
        return writer.trialObserver();
    }

    public String stamp() {
        return stamp;
    }

    public Path dir() {
        return dir;
    }

    public Path traceFile() {
        return writer.file();
    }

    public Path metricsFile() {
        return metricsFile(modelDir, stamp);
    }

    /** Finishes the sim-trace and writes the metrics JSON. */
    public void finish(TrialResult result) {
        if (done) {
            return;
        }
        done = true;
        writer.close();
        Jsons.writeAtomically(metricsFile(), Map.of("metrics", metrics(result)));
    }

    /** The simapp's evaluation metrics: one entry per lap, times in ms of the trial clock. */
    static List<Map<String, Object>> metrics(TrialResult result) {
        List<Map<String, Object>> out = new ArrayList<>();
        long start = 0;
        for (LapResult lap : result.laps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("completion_percentage", (int) lap.progress());
            m.put("metric_time", start + lap.timeMs());
            m.put("start_time", start);
            m.put("elapsed_time_in_milliseconds", lap.timeMs());
            m.put("episode_status", lap.completed() ? DeepRacerLayout.label(EpisodeStatus.LAP_COMPLETE)
                    : DeepRacerLayout.label(result.status()));
            m.put("crash_count", 0);
            m.put("immobilized_count", 0);
            m.put("off_track_count", lap.offTracks());
            m.put("reversed_count", 0);
            m.put("reset_count", lap.resets());
            m.put("trial", lap.lap());
            out.add(m);
            start += lap.timeMs();
        }
        return out;
    }

    /** Drops the sim-trace and the folder. */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        writer.abort();
        FileTrees.deleteQuietly(dir);
    }
}
