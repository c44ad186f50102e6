package dev.racer.trainer;

import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.reward.RewardFunction;
import dev.racer.sensor.Sensor;
import dev.racer.space.ActionSpace;
import dev.racer.track.Track;

/**
 * What every training environment shares: the track, the episode rules and the reward (as the user gave it;
 * each worker thread loads its own instance with {@link #loadReward}).
 */
public record EnvSpec(Track track, EnvConfig config, String rewardSpec) {

    /**
     * The reward function for one worker thread, as training calls it: a call stopped by its time budget is
     * retried ({@link PatientReward}), so that one slow call on a loaded machine does not end the run.
     */
    public RewardFunction loadReward() {
        return new PatientReward(PatientReward.load(rewardSpec));
    }

    /** Rows of the track, the closing row excluded (starting rows are 0 .. rows()-1). */
    public int rows() {
        return track.size() - 1;
    }

    /** Evaluation episode {@code j} of {@code n} starts {@code j/n} of the lap on (the first at the start line). */
    public int evalRow(int j, int n) {
        return (int) (Math.round((double) j / n * rows()) % rows());
    }

    /**
     * A new environment (one per worker, reused for every episode it runs): training episodes start where
     * {@link dev.racer.race.ResetOptions#roundRobin} puts them (DeepRacer's round robin, episode {@code e}
     * {@code e × roundRobinAdvance} of the lap on), evaluation episodes at {@link #evalRow}.
     */
    public RacingEnv newEnv(RewardFunction reward, Sensor sensor, ActionSpace actions) {
        return new RacingEnv(track, config, reward, sensor, actions);
    }

    /** A seed for episode {@code e} of a run seeded {@code seed} (SplitMix64 finaliser). */
    public static long mix(long seed, long e) {
        long z = seed * 0x9E3779B97F4A7C15L + e + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
