package dev.racer.trainer.ppo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.race.RaceSession;
import dev.racer.race.RacingEnv;
import dev.racer.race.ResetOptions;
import dev.racer.reward.Rewards;
import dev.racer.trainer.EnvSpec;
import dev.racer.trainer.Evaluation;
import dev.racer.trainer.ModelDriverProvider;
import dev.racer.model.ModelFolder;
import dev.racer.trainer.TrainSpec;
import dev.racer.trainer.Trainer;
import dev.racer.model.Hyperparameters;
import dev.racer.model.ModelMetadata;
import dev.racer.track.TrackLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A continuous model's greedy action represents what it learned: after a short training run (a fixed step budget) with a speed
 * reward, greedy episodes drive within 25 % of the sampled episodes' mean speed. (With the earlier tanh-squashed
 * Gaussian the greedy car crawled at the lowest speed while the sampled ones raced: the policy leaned on the
 * saturating noise. With the clipped Gaussian and no bound on {@code log_std}, the entropy bonus widened the noise
 * until the samples were bang-bang and the mean slid under the speed floor: greedy 0.51 m/s vs sampled 1.04 m/s,
 * which this test caught; {@link PolicyNet#MAX_LOG_STD} bounds it.)
 */
@Tag("slow")
class ContinuousGreedyTest {
    /** A step budget, not minutes, with one worker: the same training run on any machine (about 20 s quiet). */
    private static final long STEPS = 300_000;

    @TempDir
    Path tmp;

    @Test
    void greedySpeedIsCloseToTheSampledSpeed() throws IOException {
        Path meta = tmp.resolve("meta.json");
        Files.writeString(meta, """
                {"action_space": {"steering_angle": {"low": -30, "high": 30}, "speed": {"low": 0.5, "high": 4}},
                 "action_space_type": "continuous", "sensor": ["RACER_BORDER_RAYS"], "neural_network": "RACER_MLP",
                 "training_algorithm": "clipped_ppo", "version": "5"}
                """);
        String reward = "java:dev.racer.trainer.SpeedAlongTrackReward";
        Path out = tmp.resolve("c");
        Trainer.train(TrainSpec.of("reinvent_base", reward, out).withSteps(STEPS).withSeed(2).withWorkers(1)
                .withModelMetadata(meta));

        ModelFolder f = new ModelFolder(out);
        ModelMetadata m = ModelMetadata.read(f.metadata());
        Hyperparameters hp = Hyperparameters.read(f.hyperparameters());
        PolicyNet net = PolicyNet.load(f.ppoWeights(), m.newSensor().size(), 2, false, new int[] {64, 64});
        EnvSpec env = new EnvSpec(TrackLibrary.standard().get("reinvent_base"), Trainer.envConfig(), reward);
        double sampled = 0, greedy = 0;
        int starts = 6;
        try (ClippedPpo ppo = new ClippedPpo(env, m, hp, ClippedPpo.Config.DEFAULT, net, 2, 1)) {
            ClippedPpo.Policy policy = new ClippedPpo.MlpPolicy(net.actor(), net.critic());
            // the greedy laps as training's evaluation drives them: ModelDriverProvider's greedy action
            RaceSession session = Evaluation.session(newEnv(env, m),
                    ModelDriverProvider.driver("greedy", m, o -> policy.forward(o, null)));
            for (int i = 0; i < starts; i++) {
                int row = env.evalRow(i, starts);
                for (int rep = 0; rep < 3; rep++) {
                    sampled += meanSpeed(ppo.runEpisode(newEnv(env, m), ResetOptions.at(row), policy, 100 * i + rep,
                            true, () -> false)) / 3;
                }
                greedy += meanSpeed(ClippedPpo.evaluationEpisode(session, i, row));
            }
        }
        sampled /= starts;
        greedy /= starts;
        System.out.printf("continuous PPO after %d steps: sampled episodes %.2f m/s, greedy %.2f m/s%n", STEPS,
                sampled, greedy);
        // above the 0.5 m/s floor of the action space: a policy pinned to the floor would pass the ratio trivially
        assertTrue(sampled > 0.7, "the sampled policy learned to drive faster than the floor: " + sampled);
        assertTrue(Math.abs(greedy - sampled) <= 0.25 * sampled,
                "greedy " + greedy + " m/s vs sampled " + sampled + " m/s");
    }

    private static RacingEnv newEnv(EnvSpec env, ModelMetadata m) {
        return env.newEnv(Rewards.load(env.rewardSpec()), m.newSensor(), m.actionSpace());
    }

    /** The car's mean speed over the episode's steps [m/s]. */
    private static double meanSpeed(ClippedPpo.Episode e) {
        double s = 0;
        for (ClippedPpo.TraceStep t : e.trace) {
            s += t.carSpeed();
        }
        return s / e.trace.size();
    }
}
