package dev.racer.race;

import dev.racer.reward.RewardFunction;
import dev.racer.track.Track;

/**
 * A DeepRacer time trial: laps raced continuously from the start line, timed in simulation time.
 *
 * <p>The rules, as DeepRacer's {@code rollout_agent_ctrl} applies them in evaluation ({@link RaceSession} is
 * where they are applied, one row at a time):
 * <ul>
 *   <li>A lap is complete on the step at which progress reaches 100; the next lap's progress starts from 0
 *       and the car drives on without stopping. Lap time = the lap's driving steps × {@code dt} plus its
 *       penalties.</li>
 *   <li>Off track (no wheel on the road): the car is frozen where it went off for
 *       {@link TimeTrialConfig#offTrackPenalty()} (rows with status {@code pause} in the sim-trace, the time
 *       counting in the lap), then put back at rest on the centre line at the progress it had before the
 *       failing step, heading along the track; the lap goes on from there.</li>
 *   <li>Each put-back uses a reset; with none left ({@link TimeTrialConfig#maxResets()}) the failing step
 *       ends the trial instead.</li>
 *   <li>Reversed or immobilised (the engine's rules) end the trial, or, under {@link StuckRule#RESET}, are
 *       handled like an off-track.</li>
 *   <li>The trial ends when every lap is complete, or with time up when its clock reaches
 *       {@link TimeTrialConfig#timeLimit()}.</li>
 * </ul>
 * Deterministic: the same driver, rules and seed give the same trial.
 */
public final class TimeTrial {
    private final Track track;
    private final EnvConfig envConfig;
    private final TimeTrialConfig rules;
    private final RewardFunction reward;

    /** A trial whose sim-trace reward column is 0. */
    public TimeTrial(Track track, EnvConfig envConfig, TimeTrialConfig rules) {
        this(track, envConfig, rules, NoReward.INSTANCE);
    }

    /**
     * @param reward computes the reward column of the trace (a DeepRacer evaluation logs the model's
     *               reward function); it does not affect the trial
     */
    public TimeTrial(Track track, EnvConfig envConfig, TimeTrialConfig rules, RewardFunction reward) {
        this.track = track;
        // the trial keeps its own clock: the environment's step cap must not cut it
        this.envConfig = envConfig.withMaxSteps(Integer.MAX_VALUE);
        this.rules = rules;
        this.reward = reward;
    }

    public TimeTrialConfig rules() {
        return rules;
    }

    public EnvConfig envConfig() {
        return envConfig;
    }

    public Track track() {
        return track;
    }

    public TrialResult run(Driver driver, long seed) {
        return run(driver, seed, TrialObserver.NONE);
    }

    /** Races the trial; {@code observer} sees every row (driving steps and penalty pauses). */
    public TrialResult run(Driver driver, long seed, TrialObserver observer) {
        RaceSession session = new RaceSession(new RacingEnv(track, envConfig, reward, driver.newSensor()), rules,
                driver);
        session.start(seed);
        while (!session.isFinished()) {
            observer.onRow(session.step());
        }
        return session.result();
    }

    /** The reward column's default: nothing. */
    private static final class NoReward implements RewardFunction {
        static final NoReward INSTANCE = new NoReward();

        @Override
        public double reward(dev.racer.reward.RewardParams params) {
            return 0;
        }

        @Override
        public String name() {
            return "none";
        }
    }
}
