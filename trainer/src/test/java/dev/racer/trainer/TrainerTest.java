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
    void evaluationReportsLapFigures() throws IOException {
        TrainSummary s = Trainer.train(spec("st", 600, 2));
        for (IterationMetrics m : s.metrics()) {
            // lap times only when a greedy evaluation lap was completed; the speed always
            assertEquals(m.evalCompletionRate() == 0, Double.isNaN(m.evalBestLapSeconds()), m.toString());
            assertTrue(m.evalCompletionRate() == 0 || m.evalBestLapSeconds() <= m.evalMeanLapSeconds(), m.toString());
            assertTrue(m.evalMeanSpeed() > 0, "mean speed " + m.evalMeanSpeed());
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
    void aResumedRunTakesTheSameStepsAsOneThatNeverStopped() throws IOException {
        // Adam's moments are written beside each checkpoint (model-NNNNNN.adam) and restored on --resume, so the
        // iterations after a resume are those of an uninterrupted run with the same seed, to the bit
        List<IterationMetrics> whole = Trainer.train(spec("whole", 900, 2)).metrics();
        TrainSummary first = Trainer.train(spec("cut", 300, 2));
        ModelFolder f = new ModelFolder(tmp.resolve("cut"));
        String weights = f.readCheckpoint().weights();
        assertTrue(Files.isRegularFile(f.checkpointDir().resolve(weights.replace(".sd", ".adam"))),
                "Adam's state beside " + weights);
        List<IterationMetrics> resumed = Trainer.train(spec("cut", 900, 2).withResume(true)).metrics();
        assertTrue(!resumed.isEmpty() && first.iterations() + resumed.size() == whole.size(),
                first.iterations() + " + " + resumed.size() + " iterations against " + whole.size());
        assertEquals(whole.subList(first.iterations(), whole.size()).stream().map(IterationMetrics::withoutTimings)
                .toList(), resumed.stream().map(IterationMetrics::withoutTimings).toList());
        // the old checkpoint's files are pruned with it
        try (var files = Files.list(f.checkpointDir())) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".adam")).count());
        }
    }

    @Test
    void aCorruptAdamFileIsRefusedNamingIt() throws IOException {
        Trainer.train(spec("bad", 300, 1));
        ModelFolder f = new ModelFolder(tmp.resolve("bad"));
        Path adam = f.checkpointDir().resolve(f.readCheckpoint().weights().replace(".sd", ".adam"));
        byte[] b = Files.readAllBytes(adam);
        Files.write(adam, java.util.Arrays.copyOf(b, b.length / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(spec("bad", 600, 1).withResume(true)));
        assertTrue(e.getMessage().contains(adam.getFileName().toString()) && e.getMessage().contains("ends early"),
                e.getMessage());
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
        // --update java (the default): the plain-Java camera update (ConvUpdate), frames kept as bytes
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
