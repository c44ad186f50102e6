package dev.racer.trainer;

import dev.racer.model.ModelFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.race.StepResult;
import dev.racer.reward.CenterLineReward;
import dev.racer.trace.SimTraceReader;
import dev.racer.trace.SimTraceRow;
import dev.racer.trace.SimTraceWriter;
import dev.racer.track.TrackLibrary;
import dev.racer.trainer.ppo.ClippedPpo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny-budget runs of clipped PPO: files, driver, determinism, resume. */
class TrainerTest {
    @TempDir
    Path tmp;

    /** Small iterations so that a test budget covers a few of them. */
    Path smallHyperparameters() throws IOException {
        Path hp = tmp.resolve("hp.json");
        Files.writeString(hp, """
                {"batch_size": 64, "num_episodes_between_training": 4, "num_epochs": 2, "lr": 0.001}
                """);
        return hp;
    }

    TrainSpec spec(String name, long steps, int workers) throws IOException {
        return TrainSpec.of("reinvent_base", "center_line", tmp.resolve(name)).withSteps(steps).withSeed(5)
                .withWorkers(workers).withHyperparameters(smallHyperparameters());
    }

    @Test
    void ppoWritesAModelFolderThatDrives() throws IOException {
        TrainSummary s = Trainer.train(spec("m", 600, 2));
        assertTrue(s.iterations() >= 1 && s.steps() >= 600, s.toString());
        ModelFolder f = new ModelFolder(tmp.resolve("m"));
        for (Path p : List.of(f.metadata(), f.hyperparameters(), f.trainingParams(), f.ppoWeights(),
                f.checkpointState(), f.metricsJsonl(), f.metricsCsv())) {
            assertTrue(Files.isRegularFile(p), p + " written");
        }
        assertTrue(Files.readString(f.metricsCsv()).startsWith("iteration,episodes,steps,"));
        assertEquals(s.iterations(), MetricsLog.read(f).size());
        assertTrue(Files.readString(f.hyperparameters()).contains("\"num_episodes_between_training\" : 4"));

        try (Driver d = DriverProvider.openModel(tmp.resolve("m"))) {
            RacingEnv env = new RacingEnv(TrackLibrary.standard().get("reinvent_base"), EnvConfig.DEFAULT,
                    new CenterLineReward(), d.newSensor());
            StepResult r = env.reset(1);
            d.reset(env);
            for (int i = 0; i < 50 && !r.done(); i++) {
                Control c = d.act(env, r.observation());
                assertTrue(c.speed() >= 1 && c.speed() <= 2, "an action of the default space: " + c);
                assertTrue(d.lastAction() >= 0 && d.lastAction() < 10, "the discrete action index, for sim-traces");
                r = env.step(c);
            }
        }
    }

    @Test
    void trainingWritesSimTracesThatReadBack() throws IOException {
        TrainSummary s = Trainer.train(spec("st", 600, 2));
        TrainingTraces traces = new TrainingTraces(tmp.resolve("st"));
        for (int it = 1; it <= s.iterations(); it++) {
            IterationMetrics m = s.metrics().get(it - 1);
            Path sampled = traces.trainingDir().resolve(TrainingTraces.fileName(it));
            SimTraceReader.SimTrace t = SimTraceReader.read(sampled);
            assertEquals(SimTraceWriter.COLUMNS, t.header());
            List<SimTraceRow> rows = t.rows();
            assertTrue(rows.size() >= 2, "a sampled episode's steps");
            long first = m.episodes() - 4; // 4 episodes per iteration
            for (int i = 0; i < rows.size(); i++) {
                SimTraceRow r = rows.get(i);
                assertEquals(first, r.episode());
                assertEquals(i + 1, r.steps());
                assertEquals(i == rows.size() - 1, r.done());
                assertEquals((i + 1) / 15.0, r.tstamp(), 1e-9);
                assertTrue(r.action() >= 0 && r.throttle() >= 1 && r.throttle() <= 2, r.toString());
            }
            SimTraceReader.SimTrace eval = SimTraceReader.read(traces.evaluationDir().resolve(TrainingTraces.fileName(it)));
            List<Integer> episodes = eval.rows().stream().map(SimTraceRow::episode).distinct().toList();
            assertEquals(List.of(0, 1, 2), episodes, "the three greedy evaluation episodes");
            long laps = eval.rows().stream().filter(r -> r.done() && r.episodeStatus().equals("lap_complete")).count();
            assertEquals(m.evalCompletionRate(), laps / 3.0, 1e-9);
            // the evaluation's lap figures: lap times only when a lap was completed, the speed always
            assertEquals(laps == 0, Double.isNaN(m.evalBestLapSeconds()));
            assertTrue(laps == 0 || m.evalBestLapSeconds() <= m.evalMeanLapSeconds());
            assertTrue(m.evalMeanSpeed() > 0, "mean speed " + m.evalMeanSpeed());
        }
        try (var files = Files.list(traces.trainingDir())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }

    @Test
    void tracesKeepOnlyTheLastFiles() throws IOException {
        Path dir = tmp.resolve("keep");
        TrainingTraces traces = new TrainingTraces(dir);
        ClippedPpo.Episode e = new ClippedPpo.Episode();
        e.trace = List.of();
        for (int it = 1; it <= TrainingTraces.KEEP + 5; it++) {
            traces.write(it, 0, new ClippedPpo.IterationStats(List.of(e), List.of(e), 0, 0, 0, java.util.Map.of()));
        }
        try (var files = Files.list(traces.evaluationDir())) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(TrainingTraces.KEEP, names.size());
            assertEquals(TrainingTraces.fileName(6), names.get(0));
        }
    }

    @Test
    void sameSeedSameMetricsWhateverTheWorkers() throws IOException {
        List<IterationMetrics> a = Trainer.train(spec("a", 700, 1)).metrics();
        List<IterationMetrics> b = Trainer.train(spec("b", 700, 1)).metrics();
        List<IterationMetrics> c = Trainer.train(spec("c", 700, 2)).metrics();
        assertTrue(a.size() >= 2, "a few iterations: " + a.size());
        assertEquals(a.stream().map(IterationMetrics::withoutTimings).toList(),
                b.stream().map(IterationMetrics::withoutTimings).toList());
        assertEquals(a.stream().map(IterationMetrics::withoutTimings).toList(),
                c.stream().map(IterationMetrics::withoutTimings).toList());
    }

    @Test
    void sameDiffUpdateIsDeterministicToo() throws IOException {
        List<IterationMetrics> a = Trainer.train(spec("ja", 700, 1).withUpdate("samediff")).metrics();
        List<IterationMetrics> b = Trainer.train(spec("jb", 700, 2).withUpdate("samediff")).metrics();
        assertTrue(a.size() >= 2, "a few iterations: " + a.size());
        assertEquals(a.stream().map(IterationMetrics::withoutTimings).toList(),
                b.stream().map(IterationMetrics::withoutTimings).toList());
        assertTrue(Files.readString(tmp.resolve("ja").resolve(ModelFolder.TRAINING_PARAMS)).contains("\"samediff\""));
    }

    @Test
    void resumeContinuesFromTheLastCheckpoint() throws IOException {
        TrainSummary first = Trainer.train(spec("r", 300, 2));
        ModelFolder f = new ModelFolder(tmp.resolve("r"));
        assertEquals(first.iterations(), f.readCheckpoint().iteration());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(spec("r", 600, 2)));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());

        TrainSummary second = Trainer.train(spec("r", 900, 2).withResume(true));
        assertTrue(second.iterations() > first.iterations());
        assertEquals(first.iterations() + 1, second.metrics().get(0).iteration());
        List<IterationMetrics> all = MetricsLog.read(f);
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).iteration());
        }
    }

    @Test
    void continuousActionsTrain() throws IOException {
        Path meta = tmp.resolve("meta.json");
        Files.writeString(meta, """
                {"action_space": {"steering_angle": {"low": -30, "high": 30}, "speed": {"low": 0.5, "high": 2}},
                 "action_space_type": "continuous", "sensor": ["RACER_BORDER_RAYS"], "neural_network": "RACER_MLP",
                 "training_algorithm": "clipped_ppo", "version": "5"}
                """);
        TrainSummary s = Trainer.train(spec("cont", 300, 2).withModelMetadata(meta));
        assertTrue(s.iterations() >= 1);
        try (Driver d = DriverProvider.openModel(tmp.resolve("cont"))) {
            RacingEnv env = new RacingEnv(TrackLibrary.standard().get("reinvent_base"), EnvConfig.DEFAULT,
                    new CenterLineReward(), d.newSensor());
            StepResult r = env.reset(1);
            Control c = d.act(env, r.observation());
            assertTrue(c.speed() >= 0.5 && c.speed() <= 2 && Math.abs(c.steeringAngle()) <= 30, c.toString());
            assertEquals(-1, d.lastAction(), "continuous actions have no index");
        }
    }

    @Test
    void cameraModelTrainsAndDrives() throws IOException {
        Path meta = tmp.resolve("cam_meta.json");
        Files.writeString(meta, """
                {"action_space": [{"steering_angle": -20, "speed": 1}, {"steering_angle": 0, "speed": 1},
                                  {"steering_angle": 20, "speed": 1}],
                 "sensor": ["FRONT_FACING_CAMERA"], "neural_network": "DEEP_CONVOLUTIONAL_NETWORK_SHALLOW",
                 "training_algorithm": "clipped_ppo", "version": "5"}
                """);
        Path hp = tmp.resolve("cam_hp.json");
        Files.writeString(hp, """
                {"num_episodes_between_training": 2, "num_epochs": 1, "batch_size": 32}
                """);
        // --update java (the default) falls back to SameDiff for the camera network
        TrainSummary s = Trainer.train(TrainSpec.of("reinvent_base", "center_line", tmp.resolve("cam"))
                .withSteps(150L).withSeed(5).withWorkers(2).withHyperparameters(hp).withModelMetadata(meta));
        assertTrue(s.iterations() >= 2, "iterations: " + s.iterations());
        // same seed, one worker: the same metrics
        TrainSummary one = Trainer.train(TrainSpec.of("reinvent_base", "center_line", tmp.resolve("cam1"))
                .withSteps(150L).withSeed(5).withWorkers(1).withHyperparameters(hp).withModelMetadata(meta));
        assertEquals(s.metrics().stream().map(IterationMetrics::withoutTimings).toList(),
                one.metrics().stream().map(IterationMetrics::withoutTimings).toList());
        try (Driver d = DriverProvider.openModel(tmp.resolve("cam"))) {
            RacingEnv env = new RacingEnv(TrackLibrary.standard().get("reinvent_base"), EnvConfig.DEFAULT,
                    new CenterLineReward(), d.newSensor());
            assertEquals(120 * 160, d.newSensor().size());
            StepResult r = env.reset(1);
            for (int i = 0; i < 20 && !r.done(); i++) {
                Control c = d.act(env, r.observation());
                assertEquals(1.0, c.speed(), 1e-9);
                r = env.step(c.steeringAngle(), c.speed());
            }
        }
    }

    @Test
    void aFolderWithoutAModelIsNotOpened() {
        assertTrue(new ModelDriverProvider().open(tmp).isEmpty());
    }
}
