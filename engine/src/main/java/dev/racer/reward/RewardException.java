package dev.racer.reward;

/** A reward function failed or returned something DeepRacer would reject (NaN, infinity, |r| > 1e5). */
public class RewardException extends RuntimeException {
    public RewardException(String message) {
        super(message);
    }

    public RewardException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the call was stopped for taking longer than its time budget: an endless loop, or a call slowed
     * down by a loaded machine (a caller may retry it once or twice; see the trainer's PatientReward).
     */
    public boolean timedOut() {
        return false;
    }

    /** DeepRacer's check on a reward value: finite and within [-1e5, 1e5]. */
    public static double checked(double reward, String source) {
        if (Double.isNaN(reward) || Double.isInfinite(reward)) {
            throw new RewardException(source + " returned " + reward + " as reward");
        }
        if (reward < -1e5 || reward > 1e5) {
            throw new RewardException(source + " returned a reward out of range: " + reward + ", range: [-1e5, 1e5]");
        }
        return reward;
    }
}
