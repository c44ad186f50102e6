package dev.racer.race;

import dev.racer.reward.RewardParams;

/**
 * One row of a time trial, as a sim-trace writes it. During a penalty pause the environment is not stepped:
 * {@link #params()} still describe the step that went off track (the car is frozen there), while
 * {@link #status()} is {@link EpisodeStatus#PAUSE}, the commanded steering and throttle and the speed are 0,
 * and {@link #pauseDuration()} counts down.
 *
 * <p>Reused by {@link TimeTrial} from row to row.
 */
public final class TrialRow {
    RacingEnv env;
    StepResult result;
    int lap;
    int lapRow;
    int trialRow;
    double time;
    EpisodeStatus status;
    double pauseDuration;
    int action;
    boolean done;
    double steering;
    double throttle;
    double speed;
    double reward;

    /** the environment (its car is the car of the trial) */
    public RacingEnv env() { return env; }
    /** the last step's result */
    public StepResult result() { return result; }
    /** the params of the last driving step */
    public RewardParams params() { return result.params(); }
    /** lap number, from 1 */
    public int lap() { return lap; }
    /** row number within the lap, from 1 (pause rows included) */
    public int lapRow() { return lapRow; }
    /** row number within the trial, from 1 (pause rows included) */
    public int trialRow() { return trialRow; }
    /** trial clock after this row [s], penalties included */
    public double time() { return time; }
    /** what happened: in_progress, off_track, reversed, immobilized, pause, lap_complete... */
    public EpisodeStatus status() { return status; }
    /** penalty time still to wait after this row [s]; the penalty about to start on a failing row */
    public double pauseDuration() { return pauseDuration; }
    /** the driver's discrete action index, or -1 (continuous action space, or a pause) */
    public int action() { return action; }
    /** the lap (an episode, in DeepRacer's sim-trace) or the trial ends with this row */
    public boolean done() { return done; }
    /** commanded steering [deg]; 0 during a pause */
    public double steering() { return steering; }
    /** commanded speed [m/s]; 0 during a pause */
    public double throttle() { return throttle; }
    /** actual speed [m/s]; 0 during a pause */
    public double speed() { return speed; }
    /** the reward of the step; 0 during a pause */
    public double reward() { return reward; }
    /** whether this is a pause row */
    public boolean paused() { return status == EpisodeStatus.PAUSE; }
}
