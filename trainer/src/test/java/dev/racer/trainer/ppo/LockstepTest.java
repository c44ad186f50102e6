package dev.racer.trainer.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.model.Hyperparameters;
import dev.racer.model.ModelMetadata;
import dev.racer.race.EpisodeStatus;
import dev.racer.track.TrackLibrary;
import dev.racer.trainer.EnvSpec;
import dev.racer.trainer.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camera rollouts in lock-step ({@link Lockstep}: many episodes side by side, one batched forward per step) give
 * the episodes, updates and evaluation laps of one episode per task with a batch-1 forward, bit for bit, with
 * one or two worker threads.
 */
class LockstepTest {
    @TempDir
    Path tmp;

    private ClippedPpo learner(int workers, boolean lockstep) throws IOException {
        Path meta = tmp.resolve("meta.json");
        Files.writeString(meta, """
                {"action_space": [{"steering_angle": -30, "speed": 1}, {"steering_angle": 0, "speed": 1},
                                  {"steering_angle": 30, "speed": 1}],
                 "sensor": ["FRONT_FACING_CAMERA"], "neural_network": "DEEP_CONVOLUTIONAL_NETWORK_SHALLOW",
                 "training_algorithm": "clipped_ppo", "version": "5"}
                """);
        Path hp = tmp.resolve("hp.json");
        Files.writeString(hp, """
                {"num_episodes_between_training": 5, "num_epochs": 1, "batch_size": 64}
                """);
        ModelMetadata m = ModelMetadata.read(meta);
        Hyperparameters h = Hyperparameters.read(hp);
        // a short step cap: episodes both end off track and are truncated (a bootstrap value), and stay cheap
        EnvSpec env = new EnvSpec(TrackLibrary.standard().get("reinvent_base"), Trainer.envConfig().withMaxSteps(30),
                "center_line");
        ClippedPpo.Config cfg = ClippedPpo.Config.DEFAULT;
        ClippedPpo ppo = new ClippedPpo(env, m, h, cfg, ClippedPpo.newNetwork(m, h, cfg, 9), 9, workers);
        ppo.lockstep(lockstep);
        return ppo;
    }

    /** Two iterations' training and evaluation episodes. */
    private List<ClippedPpo.Episode> run(int workers, boolean lockstep) throws IOException {
        List<ClippedPpo.Episode> all = new ArrayList<>();
        try (ClippedPpo ppo = learner(workers, lockstep)) {
            for (int it = 0; it < 2; it++) {
                ClippedPpo.IterationStats s = ppo.iterate(it * 5L, () -> false);
                assertNotNull(s);
                assertEquals(5, s.episodes().size());
                assertEquals(3, s.evaluation().size());
                all.addAll(s.episodes());
                all.addAll(s.evaluation());
            }
        }
        return all;
    }

    private static void same(List<ClippedPpo.Episode> want, List<ClippedPpo.Episode> got, String what) {
        assertEquals(want.size(), got.size(), what);
        for (int i = 0; i < want.size(); i++) {
            ClippedPpo.Episode a = want.get(i), b = got.get(i);
            String at = what + ", episode " + i;
            assertEquals(a.indexInIteration, b.indexInIteration, at);
            assertEquals(a.steps, b.steps, at + ": steps");
            assertEquals(a.totalReward, b.totalReward, 0.0, at + ": reward");
            assertEquals(a.progress, b.progress, 0.0, at + ": progress");
            assertEquals(a.status, b.status, at + ": status");
            assertEquals(a.startRow, b.startRow, at + ": start row");
            assertEquals(a.bootstrap, b.bootstrap, 0.0, at + ": bootstrap");
            assertEquals(a.trace == null ? -1 : a.trace.size(), b.trace == null ? -1 : b.trace.size(), at + ": trace");
            assertEquals(a.lap, b.lap, at + ": evaluation lap");
            if (a.lap == null) {
                int n = a.steps;
                assertArrayEquals(Arrays.copyOf(a.frames, n * 19200), Arrays.copyOf(b.frames, n * 19200), at);
                assertArrayEquals(Arrays.copyOf(a.act, n * 3), Arrays.copyOf(b.act, n * 3), at + ": actions");
                assertArrayEquals(Arrays.copyOf(a.logp, n), Arrays.copyOf(b.logp, n), at + ": log-probabilities");
                assertArrayEquals(Arrays.copyOf(a.value, n), Arrays.copyOf(b.value, n), at + ": values");
                assertArrayEquals(Arrays.copyOf(a.reward, n), Arrays.copyOf(b.reward, n), at + ": rewards");
            }
        }
    }

    @Test
    void lockstepGivesTheEpisodesOfOneEpisodePerTask() throws IOException {
        List<ClippedPpo.Episode> single = run(2, false);
        List<ClippedPpo.Episode> one = run(1, true);
        List<ClippedPpo.Episode> two = run(2, true);
        assertTrue(single.stream().anyMatch(e -> e.lap == null && e.status == EpisodeStatus.TIME_UP
                && e.bootstrap != 0), "a truncated episode (a bootstrap value) among them");
        assertTrue(single.stream().anyMatch(e -> e.lap == null && e.status != EpisodeStatus.TIME_UP),
                "an episode that ended before the cap");
        assertTrue(single.get(0).trace != null && single.get(1).trace == null, "the iteration's first traced");
        same(single, one, "lock-step, one worker");
        same(single, two, "lock-step, two workers");
    }

    @Test
    void aStoppedRolloutReturnsNull() throws IOException {
        try (ClippedPpo ppo = learner(2, true)) {
            int[] polls = {0};
            assertNull(ppo.iterate(0, () -> ++polls[0] > 3), "stopped while its episodes ran");
            // the groups are left clean: the next iteration runs in full
            assertNotNull(ppo.iterate(5, () -> false));
        }
    }
}
