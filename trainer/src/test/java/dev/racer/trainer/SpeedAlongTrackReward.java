package dev.racer.trainer;

import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;

/**
 * A racing reward for learning tests ({@code java:dev.racer.trainer.SpeedAlongTrackReward}): the commanded
 * speed squared (as a share of 4 m/s) times closeness to the centre line; off track almost nothing.
 */
public final class SpeedAlongTrackReward implements RewardFunction {
    @Override
    public double reward(RewardParams p) {
        if (!p.allWheelsOnTrack() || p.isOfftrack()) {
            return 1e-3;
        }
        double s = p.speed() / 4.0;
        double centre = Math.max(0, 1 - p.distanceFromCenter() / (0.5 * p.trackWidth()));
        return Math.max(1e-3, s * s * (0.3 + 0.7 * centre));
    }
}
