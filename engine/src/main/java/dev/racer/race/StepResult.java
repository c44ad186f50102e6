package dev.racer.race;

import dev.racer.reward.RewardParams;

/**
 * Gymnasium's {@code (observation, reward, terminated, truncated, info)} for one step.
 *
 * <p>The environment owns this object and overwrites it on the next {@code step} or {@code reset}, so that
 * stepping allocates nothing; copy what must be kept ({@code observation().clone()}, {@code params().copy()}).
 */
public final class StepResult {
    private final float[] observation;
    private final RewardParams params;
    double reward;
    boolean terminated;
    boolean truncated;
    EpisodeStatus status = EpisodeStatus.PREPARE;

    StepResult(float[] observation, RewardParams params) {
        this.observation = observation;
        this.params = params;
    }

    /** the observation after the step (the environment's buffer) */
    public float[] observation() { return observation; }
    /** the reward for the step */
    public double reward() { return reward; }
    /** the episode ended by the rules: lap complete, off track, reversed or immobilised */
    public boolean terminated() { return terminated; }
    /** the episode was cut by the step cap */
    public boolean truncated() { return truncated; }
    /** terminated or truncated */
    public boolean done() { return terminated || truncated; }
    /** info: the episode status after the step */
    public EpisodeStatus status() { return status; }
    /** info: the params the reward function saw */
    public RewardParams params() { return params; }
}
