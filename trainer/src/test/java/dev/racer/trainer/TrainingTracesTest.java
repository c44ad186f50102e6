package dev.racer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.io.Jsons;
import dev.racer.race.EnvConfig;
import dev.racer.trace.DeepRacerLayout;
import dev.racer.trace.SimTraceReader;
import dev.racer.trace.SimTraceRow;
import dev.racer.trace.SimTraceWriter;
import dev.racer.trainer.ppo.ClippedPpo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training's logs in DeepRacer-for-Cloud's layout, as the simapp writes them (read from
 * {@code bundle/markov/metrics/s3_metrics.py} and {@code rollout_agent_ctrl.py}) and as deepracer-utils'
 * {@code FSFileHandler} finds them.
 */
class TrainingTracesTest {
    @TempDir
    Path tmp;

    private TrainSpec spec(String name, long steps) throws IOException {
        Path hp = tmp.resolve("hp.json");
        Files.writeString(hp, """
                {"batch_size": 64, "num_episodes_between_training": 4, "num_epochs": 2, "lr": 0.001}
                """);
        return TrainSpec.of("reinvent_base", "center_line", tmp.resolve(name)).withSteps(steps).withSeed(5)
                .withWorkers(2).withHyperparameters(hp);
    }

    @Test
    void trainingLogsLikeDeepRacerForCloud() throws IOException {
        TrainSummary s = Trainer.train(spec("st", 600));
        Path dir = tmp.resolve("st");
        double dt = EnvConfig.DEFAULT.dt();
        // the layout deepracer-utils recognises as a DRfC model (and no console-style sim-trace folder)
        assertTrue(Files.isDirectory(dir.resolve("training-simtrace")));
        assertFalse(Files.exists(dir.resolve("sim-trace")));
        assertEquals(Files.readString(dir.resolve("model_metadata.json")),
                Files.readString(dir.resolve("model/model_metadata.json")));
        assertEquals(Files.readString(dir.resolve("hyperparameters.json")),
                Files.readString(dir.resolve("ip/hyperparameters.json")));

        JsonNode metrics = Jsons.readTree(dir.resolve("metrics/TrainingMetrics.json"));
        assertEquals(2.0, metrics.get("version").asDouble());
        assertEquals("progress", metrics.get("best_model_metric").asText());
        List<JsonNode> training = new ArrayList<>();
        List<JsonNode> evaluation = new ArrayList<>();
        long lastEnd = 0;
        for (JsonNode m : metrics.get("metrics")) {
            for (String k : List.of("reward_score", "metric_time", "start_time", "elapsed_time_in_milliseconds",
                    "episode", "trial", "phase", "completion_percentage", "episode_status")) {
                assertTrue(m.has(k), k + " in " + m);
            }
            assertEquals(m.get("metric_time").asLong() - m.get("start_time").asLong(),
                    m.get("elapsed_time_in_milliseconds").asLong(), 1, "each rounded on its own, as the simapp does");
            assertTrue(m.get("start_time").asLong() >= lastEnd - 1, "one clock, episodes one after the other");
            lastEnd = m.get("metric_time").asLong();
            (m.get("phase").asText().equals("training") ? training : evaluation).add(m);
        }
        assertEquals(s.episodes(), training.size());
        assertEquals(3L * s.iterations(), evaluation.size(), "three greedy evaluation episodes an iteration");
        for (int i = 0; i < training.size(); i++) {
            assertEquals(i + 1, training.get(i).get("episode").asLong(), "the simapp counts episodes from 1");
            assertEquals(i % 4 + 1, training.get(i).get("trial").asInt());
        }
        for (int i = 0; i < evaluation.size(); i++) {
            assertEquals(4L * (i / 3 + 1), evaluation.get(i).get("episode").asLong());
            assertEquals(4, evaluation.get(i).get("trial").asInt());
        }

        double lastTstamp = Double.NEGATIVE_INFINITY;
        for (int it = 1; it <= s.iterations(); it++) {
            IterationMetrics im = s.metrics().get(it - 1);
            Path sampled = dir.resolve("training-simtrace").resolve((it - 1) + "-iteration.csv");
            assertEquals(sampled, dir.resolve("training-simtrace").resolve(TrainingTraces.fileName(it)));
            SimTraceReader.SimTrace t = SimTraceReader.read(sampled);
            assertEquals(SimTraceWriter.COLUMNS, t.header());
            List<SimTraceRow> rows = t.rows();
            assertTrue(rows.size() >= 3, "a prepare row and a sampled episode's steps");
            long episode = im.episodes() - 4; // the iteration's first episode, numbered from 0 over the training
            SimTraceRow prepare = rows.get(0);
            assertEquals("prepare", prepare.episodeStatus());
            assertEquals(0, prepare.steps());
            assertEquals(0.0, prepare.reward());
            assertEquals(rows.get(1).action(), prepare.action());
            JsonNode m = training.get((int) episode);
            assertEquals(m.get("start_time").asLong(), Math.round(prepare.tstamp() * 1000),
                    "the trace and the metrics keep one clock");
            for (int i = 0; i < rows.size(); i++) {
                SimTraceRow r = rows.get(i);
                assertEquals(episode, r.episode());
                assertEquals(i, r.steps());
                assertEquals(i == rows.size() - 1, r.done());
                assertEquals(prepare.tstamp() + i * dt, r.tstamp(), 1e-9);
                assertTrue(r.tstamp() >= lastTstamp, "tstamp never goes back, across episodes and iterations");
                lastTstamp = r.tstamp();
                assertTrue(r.action() >= 0 && r.throttle() >= 1 && r.throttle() <= 2, r.toString());
            }
            // deepracer-utils' episode time: the tstamp differences after the prepare row
            SimTraceRow end = rows.get(rows.size() - 1);
            assertEquals(m.get("elapsed_time_in_milliseconds").asLong(),
                    Math.round((end.tstamp() - prepare.tstamp()) * 1000));
            assertEquals(m.get("completion_percentage").asInt(), (int) end.progress());

            SimTraceReader.SimTrace eval = SimTraceReader.read(dir.resolve(TrainingTraces.TRAINING_EVAL_SIMTRACE)
                    .resolve(TrainingTraces.fileName(it)));
            List<Integer> episodes = eval.rows().stream().map(SimTraceRow::episode).distinct().toList();
            assertEquals(List.of(0, 1, 2), episodes, "the three greedy evaluation episodes");
            assertEquals(3, eval.rows().stream().filter(r -> r.episodeStatus().equals("prepare")).count());
            long laps = eval.rows().stream().filter(r -> r.done() && r.episodeStatus().equals("lap_complete")).count();
            assertEquals(im.evalCompletionRate(), laps / 3.0, 1e-9);
        }
        try (var files = Files.list(dir.resolve("training-simtrace"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }

    @Test
    void resumeKeepsTheClockAndTheEarlierMetrics() throws IOException {
        TrainSummary first = Trainer.train(spec("r", 300));
        Path file = tmp.resolve("r/metrics/TrainingMetrics.json");
        List<JsonNode> before = new ArrayList<>();
        Jsons.readTree(file).get("metrics").forEach(before::add);
        TrainSummary second = Trainer.train(spec("r", 600).withResume(true));
        List<JsonNode> after = new ArrayList<>();
        Jsons.readTree(file).get("metrics").forEach(after::add);
        assertTrue(second.iterations() > first.iterations());
        assertEquals(before, after.subList(0, before.size()), "the first run's entries are kept as they were");
        long training = after.stream().filter(m -> m.get("phase").asText().equals("training")).count();
        assertEquals(second.episodes(), training);
        JsonNode next = after.get(before.size());
        assertEquals(before.get(before.size() - 1).get("metric_time").asLong(), next.get("start_time").asLong());
        assertEquals(first.episodes() + 1, next.get("episode").asLong());
        // the resumed run's first trace carries on the clock
        SimTraceRow row = SimTraceReader.read(tmp.resolve("r/training-simtrace")
                .resolve(TrainingTraces.fileName(first.iterations() + 1))).rows().get(0);
        assertEquals(next.get("start_time").asLong(), Math.round(row.tstamp() * 1000));
    }

    @Test
    void everyTraceIsKeptUnlessPruned() throws IOException {
        Path dir = tmp.resolve("keep");
        TrainingTraces traces = new TrainingTraces(dir, 1 / 15.0);
        traces.start(0);
        ClippedPpo.Episode e = new ClippedPpo.Episode();
        e.trace = List.of();
        for (int it = 1; it <= 25; it++) {
            traces.write(it, 0, new ClippedPpo.IterationStats(List.of(e), List.of(e), 0, 0, 0, Map.of()));
        }
        traces.finish();
        assertEquals(25, names(traces.evaluationDir()).size(), "every iteration kept by default");
        TrainingTraces.prune(dir, 5);
        List<String> kept = names(traces.evaluationDir());
        assertEquals(List.of("0-iteration.csv", "20-iteration.csv", "21-iteration.csv", "22-iteration.csv",
                "23-iteration.csv", "24-iteration.csv"), kept, "the first (deepracer-utils needs it) and the last 5");
        assertEquals(25, Jsons.readTree(traces.metricsFile()).get("metrics").size() / 2,
                "the metrics keep every episode");
        assertEquals(DeepRacerLayout.iterationFile(0), TrainingTraces.fileName(1));
    }

    @Test
    void racersEarlierSimTraceFolderGoes() throws IOException {
        Path dir = tmp.resolve("old");
        Files.createDirectories(dir.resolve("sim-trace/training"));
        Files.createDirectories(dir.resolve("sim-trace/evaluation"));
        Files.writeString(dir.resolve("sim-trace/training/iteration-0001.csv"), "x");
        Files.writeString(dir.resolve("sim-trace/evaluation/iteration-0001.csv"), "x");
        new TrainingTraces(dir, 1 / 15.0).start(0);
        assertFalse(Files.exists(dir.resolve("sim-trace")), "deepracer-utils would take the folder for a console export");

        Files.createDirectories(dir.resolve("sim-trace/training"));
        Files.writeString(dir.resolve("sim-trace/training/iteration-0001.csv"), "x");
        Files.writeString(dir.resolve("sim-trace/notes.txt"), "mine");
        new TrainingTraces(dir, 1 / 15.0).start(0);
        assertFalse(Files.exists(dir.resolve("sim-trace/training")));
        assertTrue(Files.exists(dir.resolve("sim-trace/notes.txt")), "what Racer did not write stays");
    }

    private static List<String> names(Path d) throws IOException {
        try (var files = Files.list(d)) {
            return files.map(f -> f.getFileName().toString())
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(a.split("-")[0]), Integer.parseInt(b.split("-")[0])))
                    .toList();
        }
    }
}
