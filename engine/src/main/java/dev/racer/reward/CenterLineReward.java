package dev.racer.reward;

/**
 * DeepRacer's classic first example in Java: reward staying close to the centre line, in three bands of the
 * track width, and nearly nothing off the road. Fast and trusted; used by benchmarks and tests.
 */
public final class CenterLineReward implements RewardFunction {

    @Override
    public double reward(RewardParams p) {
        double w = p.trackWidth();
        double d = p.distanceFromCenter();
        if (!p.allWheelsOnTrack()) {
            return 1e-3;
        }
        if (d <= 0.1 * w) {
            return 1.0;
        }
        if (d <= 0.25 * w) {
            return 0.5;
        }
        if (d <= 0.5 * w) {
            return 0.1;
        }
        return 1e-3;
    }

    @Override
    public String name() {
        return "center_line";
    }
}
