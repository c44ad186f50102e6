package dev.racer.trainer;

import dev.racer.model.ModelFolder;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.race.StepResult;
import dev.racer.reward.CenterLineReward;
import dev.racer.track.TrackLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny-budget runs of RL4J's DQN and A3C: they train, write the model folder and drive. */
class Rl4jTrainerTest {
    @TempDir
    Path tmp;

    TrainSummary train(String algorithm) throws IOException {
        Path hp = tmp.resolve("hp.json");
        Files.writeString(hp, "{\"batch_size\": 32, \"num_episodes_between_training\": 5, \"epsilon_steps\": 500}");
        return Trainer.train(TrainSpec.of("reinvent_base", "center_line", tmp.resolve(algorithm))
                .withAlgorithm(algorithm).withSteps(800L).withSeed(2).withWorkers(2).withHyperparameters(hp));
    }

    void drives(String algorithm, TrainSummary s) {
        assertTrue(s.iterations() >= 1, s.toString());
        ModelFolder f = new ModelFolder(tmp.resolve(algorithm));
        assertTrue(Files.isRegularFile(f.dl4jWeights()));
        assertTrue(Files.isRegularFile(f.checkpointState()));
        assertTrue(MetricsLog.read(f).size() >= 1);
        try (Driver d = DriverProvider.openModel(tmp.resolve(algorithm))) {
            RacingEnv env = new RacingEnv(TrackLibrary.standard().get("reinvent_base"), EnvConfig.DEFAULT,
                    new CenterLineReward(), d.newSensor());
            StepResult r = env.reset(1);
            for (int i = 0; i < 20 && !r.done(); i++) {
                Control c = d.act(env, r.observation());
                r = env.step(c);
            }
        }
    }

    @Test
    void dqn() throws IOException {
        drives("dqn", train("dqn"));
    }

    @Test
    void a3c() throws IOException {
        drives("a3c", train("a3c"));
    }
}
