package dev.racer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.evaluate.Evaluation;
import dev.racer.io.Jsons;
import dev.racer.model.ModelFolder;
import dev.racer.model.ModelMetadata;
import dev.racer.race.Driver;
import dev.racer.race.EnvConfig;
import dev.racer.race.RaceType;
import dev.racer.race.RacingEnv;
import dev.racer.race.StepResult;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialResult;
import dev.racer.reward.CenterLineReward;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import dev.racer.world.ObjectConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models that read {@code RACER_BORDER_RAYS} and a LIDAR ({@code model_metadata.json} {@code sensor} of two names):
 * tiny-budget training on an object-avoidance track with each trainer, then {@link ModelDriverProvider} opens the
 * folder and the driver races (its LIDAR sees the boxes of the race it is in).
 */
class LidarModelTest {
    @TempDir
    Path tmp;

    static final Track TRACK = TrackLibrary.standard().get("reinvent_base");
    /** DeepRacer's training default: 3 fixed boxes */
    static final EnvConfig OBJECTS = Trainer.envConfig().withRaceType(RaceType.OBJECT_AVOIDANCE)
            .withObjects(ObjectConfig.TRAINING_DEFAULT);

    Path metadata(String name, String json) throws IOException {
        Path p = tmp.resolve(name + "_meta.json");
        Files.writeString(p, json);
        return p;
    }

    Path hyperparameters(String json) throws IOException {
        Path p = tmp.resolve("hp" + json.hashCode() + ".json");
        Files.writeString(p, json);
        return p;
    }

    /** Opens the folder and races one lap with the boxes; the LIDAR part of an observation next to a box is not all clear. */
    void racesWithBoxes(String name, int obsSize) throws IOException {
        Optional<Driver> opened = new ModelDriverProvider().open(tmp.resolve(name));
        assertTrue(opened.isPresent(), "ModelDriverProvider opens " + name);
        try (Driver d = opened.get()) {
            assertEquals(obsSize, d.newSensor().size());
            TimeTrialConfig rules = TimeTrialConfig.DEFAULT.withLaps(1);
            TrialResult r = Evaluation.run(new Evaluation.Request(TRACK, false, rules, 1, null, name, null, null,
                    null, OBJECTS.withMaxSteps(300), null), d).result();
            assertEquals(1, r.laps().size(), r.toString());
            RacingEnv env = new RacingEnv(TRACK, OBJECTS, new CenterLineReward(), d.newSensor());
            StepResult s = env.reset(3);
            assertEquals(obsSize, s.observation().length);
            for (int i = 0; i < 20 && !s.done(); i++) {
                s = env.step(d.act(env, s.observation()));
            }
        }
    }

    @Test
    void ppoTrainsAndRacesWithSectorLidar() throws IOException {
        Path meta = metadata("ppo", """
                {"action_space": [{"steering_angle": -20, "speed": 1}, {"steering_angle": 0, "speed": 1.5},
                                  {"steering_angle": 20, "speed": 1}],
                 "sensor": ["RACER_BORDER_RAYS", "SECTOR_LIDAR"], "neural_network": "RACER_MLP",
                 "training_algorithm": "clipped_ppo", "version": "5"}
                """);
        TrainSummary s = Trainer.train(TrainSpec.of(TRACK.id(), "center_line", tmp.resolve("ppo")).withSteps(400L)
                .withSeed(5).withWorkers(2).withModelMetadata(meta)
                .withHyperparameters(hyperparameters("{\"batch_size\": 64, \"num_episodes_between_training\": 4,"
                        + " \"num_epochs\": 2}")), OBJECTS, Trainer.Listener.NONE, new java.util.concurrent.atomic.AtomicBoolean());
        assertTrue(s.iterations() >= 1 && s.steps() >= 400, s.toString());
        ModelFolder f = new ModelFolder(tmp.resolve("ppo"));
        assertEquals(List.of("RACER_BORDER_RAYS", "SECTOR_LIDAR"), ModelMetadata.read(f.metadata()).sensors());
        assertEquals("OBJECT_AVOIDANCE", Jsons.readTree(f.trainingParams()).path("race_type").asText());
        // the boxes beside each training sim-trace, for racer view --replay
        try (var files = Files.list(tmp.resolve("ppo").resolve(dev.racer.trace.DeepRacerLayout.TRAINING_SIMTRACE))) {
            List<Path> traces = files.filter(p -> p.toString().endsWith("-iteration.csv")).toList();
            assertTrue(!traces.isEmpty());
            for (Path t : traces) {
                List<dev.racer.trace.ObjectTrace.Placement> ps = dev.racer.trace.ObjectTrace.readBeside(t);
                assertTrue(!ps.isEmpty() && ps.get(0).boxes().length == 3, t + ": " + ps.size() + " placements");
            }
        }
        racesWithBoxes("ppo", 17 + 8);
    }

    @Test
    void sacTrainsAndRacesWithLidar() throws IOException {
        Path meta = metadata("sac", """
                {"action_space": {"steering_angle": {"low": -30, "high": 30}, "speed": {"low": 0.5, "high": 2}},
                 "action_space_type": "continuous", "sensor": ["RACER_BORDER_RAYS", "LIDAR"],
                 "neural_network": "RACER_MLP", "training_algorithm": "sac", "version": "5"}
                """);
        TrainSummary s = Trainer.train(TrainSpec.of(TRACK.id(), "center_line", tmp.resolve("sac")).withSteps(300L)
                .withSeed(3).withWorkers(2).withModelMetadata(meta), OBJECTS, Trainer.Listener.NONE, new java.util.concurrent.atomic.AtomicBoolean());
        assertTrue(s.steps() >= 300, s.toString());
        racesWithBoxes("sac", 17 + 64);
    }

    @Test
    void dqnTrainsAndRacesWithDiscretizedSectorLidar() throws IOException {
        Path meta = metadata("dqn", """
                {"action_space": [{"steering_angle": -20, "speed": 1}, {"steering_angle": 0, "speed": 1.5},
                                  {"steering_angle": 20, "speed": 1}],
                 "sensor": ["RACER_BORDER_RAYS", "DISCRETIZED_SECTOR_LIDAR"],
                 "lidar_config": {"num_sectors": 4, "num_values_per_sector": 2, "clipping_dist": 1.0},
                 "neural_network": "RACER_MLP", "training_algorithm": "dqn", "version": "5"}
                """);
        TrainSummary s = Trainer.train(TrainSpec.of(TRACK.id(), "center_line", tmp.resolve("dqn")).withSteps(400L)
                .withSeed(2).withWorkers(2).withModelMetadata(meta)
                .withHyperparameters(hyperparameters("{\"batch_size\": 32, \"num_episodes_between_training\": 5,"
                        + " \"epsilon_steps\": 300}")), OBJECTS, Trainer.Listener.NONE, new java.util.concurrent.atomic.AtomicBoolean());
        assertTrue(s.iterations() >= 1, s.toString());
        racesWithBoxes("dqn", 17 + 4 * 2);
    }
}
