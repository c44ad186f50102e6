package dev.racer.trainer.sac;

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
import dev.racer.track.TrackLibrary;
import dev.racer.trainer.BestCheckpoint;
import dev.racer.trainer.IterationMetrics;
import dev.racer.trainer.ModelDriverProvider;
import dev.racer.trainer.MetricsLog;
import dev.racer.model.ModelFolder;
import dev.racer.trainer.TrainSpec;
import dev.racer.trainer.TrainSummary;
import dev.racer.trainer.Trainer;
import dev.racer.model.Hyperparameters;
import dev.racer.model.ModelFileException;
import dev.racer.model.ModelMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAC through {@code racer train}'s path on a tiny budget: model folder, driver, resume, checks. */
class SacTrainerTest {
    @TempDir
    Path tmp;

    static final String SAC_META = """
            {"action_space": {"steering_angle": {"low": -30, "high": 30}, "speed": {"low": 0.5, "high": 4}},
             "action_space_type": "continuous", "sensor": ["RACER_BORDER_RAYS"], "neural_network": "RACER_MLP",
             "racer_hidden_layers": [32, 32], "training_algorithm": "sac", "version": "5"}
            """;

    TrainSpec spec(String name, long steps, int workers) throws IOException {
        Path meta = tmp.resolve("sac_meta.json");
        Files.writeString(meta, SAC_META);
        Path hp = tmp.resolve("sac_hp.json");
        // DeepRacer's own SAC spelling of the loss
        Files.writeString(hp, """
                {"batch_size": 32, "num_episodes_between_training": 3, "lr": 0.001, "sac_alpha": 0.2,
                 "loss_type": "mean squared error", "discount_factor": 0.99}
                """);
        return TrainSpec.of("reinvent_base", "center_line", tmp.resolve(name)).withSteps(steps).withSeed(3)
                .withWorkers(workers).withModelMetadata(meta).withHyperparameters(hp);
    }

    @Test
    void sacWritesAModelFolderThatDrivesAndResumes() throws IOException {
        TrainSummary s = Trainer.train(spec("s", 400, 2));
        assertEquals("sac", s.algorithm());
        assertTrue(s.iterations() >= 2 && s.steps() >= 400, s.toString());
        ModelFolder f = new ModelFolder(tmp.resolve("s"));
        for (Path p : List.of(f.metadata(), f.hyperparameters(), f.trainingParams(), SacTrainer.weights(f),
                f.checkpointState(), f.metricsJsonl(), f.metricsCsv())) {
            assertTrue(Files.isRegularFile(p), p + " written");
        }
        assertTrue(Files.readString(f.hyperparameters()).contains("\"loss_type\" : \"mean squared error\""));
        assertTrue(Files.readString(f.trainingParams()).contains("\"sac\""));
        IterationMetrics last = s.metrics().get(s.metrics().size() - 1);
        assertTrue(Double.isFinite(last.pgLoss()) && Double.isFinite(last.vLoss()), "losses reported: " + last);

        try (Driver d = DriverProvider.openModel(tmp.resolve("s"))) {
            RacingEnv env = new RacingEnv(TrackLibrary.standard().get("reinvent_base"), EnvConfig.DEFAULT,
                    new CenterLineReward(), d.newSensor());
            StepResult r = env.reset(1);
            for (int i = 0; i < 30 && !r.done(); i++) {
                Control c = d.act(env, r.observation());
                assertTrue(c.speed() >= 0.5 && c.speed() <= 4 && Math.abs(c.steeringAngle()) <= 30, c.toString());
                assertEquals(-1, d.lastAction());
                r = env.step(c);
            }
        }

        // the best checkpoint (by evaluation) beside the last, and the driver opens either
        assertTrue(Files.isRegularFile(f.bestDir().resolve("sac.bin")), "best/sac.bin written");
        BestCheckpoint.Score best = BestCheckpoint.read(f);
        assertTrue(best.iteration() >= 1 && best.iteration() <= s.iterations(), best.toString());
        for (ModelFolder.Checkpoint c : ModelFolder.Checkpoint.values()) {
            try (Driver d = ModelDriverProvider.open(tmp.resolve("s"), c)) {
                assertEquals(-1, d.lastAction());
            }
        }

        TrainSummary more = Trainer.train(spec("s", 800, 2).withResume(true));
        assertTrue(more.iterations() > s.iterations(), "resumed from iteration " + s.iterations());
        assertEquals(more.iterations(), MetricsLog.read(f).size());
    }

    @Test
    void sameSeedSameMetricsWhateverTheWorkers() throws IOException {
        List<IterationMetrics> a = Trainer.train(spec("a", 300, 1)).metrics();
        List<IterationMetrics> b = Trainer.train(spec("b", 300, 2)).metrics();
        assertEquals(a.stream().map(IterationMetrics::withoutTimings).toList(),
                b.stream().map(IterationMetrics::withoutTimings).toList());
    }

    @Test
    void sacRefusesADiscreteSpace() throws IOException {
        Path meta = tmp.resolve("disc.json");
        Files.writeString(meta, """
                {"action_space": [{"steering_angle": 0, "speed": 1}, {"steering_angle": 30, "speed": 1}],
                 "training_algorithm": "sac"}
                """);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelMetadata.read(meta));
        assertTrue(e.getMessage().contains("sac needs a continuous action space"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                TrainSpec.of("reinvent_base", "center_line", tmp.resolve("d")).withSteps(10L).withAlgorithm("sac")));
        assertTrue(e2.getMessage().contains("sac needs a continuous action space"), e2.getMessage());
    }

    @Test
    void weightsFileIsCheckedAgainstTheMetadata() throws IOException {
        Sac.Networks n = Sac.Networks.create(5, 2, new int[] {4}, 1);
        Path file = tmp.resolve("w.sac");
        SacFiles.write(file, n);
        Sac.Networks back = SacFiles.read(file, 5, 2, new int[] {4});
        assertEquals(n.actor().weights(1)[3], back.actor().weights(1)[3]);
        assertEquals(n.q2Target().biases(0)[2], back.q2Target().biases(0)[2]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SacFiles.read(file, 6, 2, new int[] {4}));
        assertTrue(e.getMessage().contains("model_metadata.json"), e.getMessage());
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThrows(IllegalArgumentException.class, () -> SacFiles.read(file, 5, 2, new int[] {4}));
    }

    @Test
    void lossTypeAcceptsDeepRacersSpellingAndRejectsOthers() throws IOException {
        Path ok = tmp.resolve("ok.json");
        Files.writeString(ok, "{\"loss_type\": \"mean squared error\"}");
        assertEquals("mean squared error", Hyperparameters.read(ok).lossType());
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"loss_type\": \"l1\"}");
        ModelFileException e = assertThrows(ModelFileException.class, () -> Hyperparameters.read(bad));
        assertTrue(e.getMessage().contains("loss_type") && e.getMessage().contains("mean squared error"),
                e.getMessage());
    }
}
