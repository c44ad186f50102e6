package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.league.LeagueConfig;
import dev.racer.league.LeagueRules;
import dev.racer.league.LeagueServer;
import dev.racer.trainer.TrainSpec;
import dev.racer.trainer.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models written by the trainer go through the league end to end: the upload checks accept the real files
 * (SameDiff's policy.sd for clipped PPO, DL4J's policy.zip for DQN), and the server races them with the trainer's
 * DriverProvider. The models are barely trained: the race is raced, not necessarily ranked.
 */
class LeagueTrainedModelTest {
    @TempDir
    Path tmp;

    private Path train(String name, String algorithm) throws Exception {
        Path hp = tmp.resolve("hp.json");
        Files.writeString(hp, "{\"batch_size\": 64, \"num_episodes_between_training\": 4, \"num_epochs\": 2}");
        Path out = tmp.resolve("models").resolve(name);
        Trainer.train(TrainSpec.of("reinvent_base", "center_line", out).withSteps(600L).withSeed(5).withWorkers(1)
                .withHyperparameters(hp).withAlgorithm(algorithm));
        return out;
    }

    @Test
    void trainedModelsAreAcceptedAndRaced() throws Exception {
        LeagueRules d = LeagueRules.DEFAULT;
        LeagueConfig cfg = LeagueConfig.defaults(tmp.resolve("data")).withPort(0).withWorkers(1)
                .withDefaultLeague(new LeagueConfig.LeagueSpec("default", "Trained", new LeagueRules(d.trackId(), 1,
                        d.offtrackPenaltyMs(), 3, d.ranking(), 120)));
        try (LeagueServer server = LeagueServer.start(cfg)) {
            CliRun reg = CliRun.of("league", "register", "--server", server.url(), "--name", "trainer");
            String[] lines = reg.out().strip().split("\n");
            String token = lines[lines.length - 1].strip();
            for (String algorithm : new String[] {"clipped_ppo", "dqn"}) {
                Path model = train("m-" + algorithm, algorithm);
                CliRun sub = CliRun.of("submit", model.toString(), "--server", server.url(), "--token", token, "--wait");
                assertEquals(0, sub.exitCode(), algorithm + ": " + sub.out() + sub.err());
                assertTrue(sub.out().contains("lap 1"), algorithm + ": " + sub.out());
            }
        }
    }
}
