package dev.racer.race;

import dev.racer.car.CarState;
import dev.racer.car.Control;
import dev.racer.reward.RewardFunction;
import dev.racer.track.Projection;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import java.util.ArrayList;
import java.util.List;

/**
 * A DeepRacer time trial: laps raced continuously from the start line, timed in simulation time.
 *
 * <p>The rules, as DeepRacer's {@code rollout_agent_ctrl} applies them in evaluation:
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
        RacingEnv env = new RacingEnv(track, envConfig, reward, driver.newSensor());
        StepResult r = env.reset(seed);
        driver.reset(env);
        double dt = envConfig.dt();
        double penalty = rules.offTrackPenalty();
        int pauseRows = (int) Math.ceil(penalty / dt - 1e-9);
        TrackGeometry geo = env.geometry();
        Projection scratch = new Projection();

        TrialRow row = new TrialRow();
        row.env = env;
        row.result = r;
        // DeepRacer's sim-trace starts with the state before the car moves ("prepare")
        row.lap = 1;
        row.status = EpisodeStatus.PREPARE;
        row.action = -1;
        observer.onStart(row);
        List<LapResult> laps = new ArrayList<>(rules.laps());
        Lap lap = new Lap(1, 1);
        int trialSteps = 0;
        int trialRows = 0;
        int resetsUsed = 0;
        double penalties = 0;        // [s] in the whole trial
        double prevProgress = 0;     // DeepRacer's prev_progress: the progress before the current step
        TrialStatus status;

        while (true) {
            double clock = trialSteps * dt + penalties;
            if (clock >= rules.timeLimit() - 1e-9) {
                status = TrialStatus.TIME_UP;
                laps.add(lap.result(false, prevProgress, dt));
                break;
            }
            Control c = driver.act(env, r.observation());
            int action = driver.lastAction();
            r = env.step(c);
            trialSteps++;
            lap.step(trialSteps, env.carSpeed());
            EpisodeStatus st = r.status();

            row.result = r;
            row.lap = lap.number;
            row.lapRow = ++lap.rows;
            row.trialRow = ++trialRows;
            row.time = trialSteps * dt + penalties;
            row.status = st;
            row.action = action;
            row.steering = r.params().steeringAngle();
            row.throttle = r.params().speed();
            row.speed = env.carSpeed();
            row.reward = r.reward();
            row.pauseDuration = 0;
            row.done = false;

            if (st == EpisodeStatus.LAP_COMPLETE) {
                row.done = true;
                observer.onRow(row);
                laps.add(lap.result(true, 100, dt));
                if (lap.number == rules.laps()) {
                    status = TrialStatus.FINISHED;
                    break;
                }
                // drive on: the next lap's progress counts from 0 at the start line
                env.placeCar(env.carState(), 0);
                prevProgress = 0;
                lap = new Lap(lap.number + 1, trialSteps + 1);
            } else if (st == EpisodeStatus.IN_PROGRESS) {
                observer.onRow(row);
                prevProgress = r.params().progress();
            } else if (st.isFailure()) {
                if (st == EpisodeStatus.OFF_TRACK) {
                    lap.offTracks++;
                }
                boolean resettable = st == EpisodeStatus.OFF_TRACK || st == EpisodeStatus.CRASHED
                        || rules.onStuck() == StuckRule.RESET;
                boolean resetLeft = rules.unlimitedResets() || resetsUsed < rules.maxResets();
                if (!resettable || !resetLeft) {
                    row.done = true;
                    observer.onRow(row);
                    status = TrialStatus.of(st);
                    laps.add(lap.result(false, Math.max(0, prevProgress), dt));
                    break;
                }
                row.pauseDuration = penalty;
                observer.onRow(row);
                // frozen where it went off for the penalty
                double t0 = row.time;
                for (int k = 1; k <= pauseRows; k++) {
                    double waited = Math.min(k * dt, penalty);
                    row.lapRow = ++lap.rows;
                    row.trialRow = ++trialRows;
                    row.time = t0 + waited;
                    row.status = EpisodeStatus.PAUSE;
                    row.pauseDuration = Math.max(0, penalty - waited);
                    row.action = -1;
                    row.steering = 0;
                    row.throttle = 0;
                    row.speed = 0;
                    row.reward = 0;
                    observer.onRow(row);
                    lap.pauseRows++;
                }
                penalties += penalty;
                lap.penalties += penalty;
                // back on the centre line at rest, at the progress before the failing step, heading along the track
                double along = wrap01(env.startNdist() + prevProgress / 100.0) * geo.length();
                double yaw = geo.headingAt(along, scratch);
                env.placeCar(CarState.atRest(scratch.x, scratch.y, yaw), prevProgress);
                resetsUsed++;
                lap.resets++;
                r = env.last();
                env.sensor().observe(env, r.observation()); // the driver sees where it now is
            } else {
                // TIME_UP cannot come from the environment (its step cap is lifted); treat it as the trial's
                observer.onRow(row);
                status = TrialStatus.TIME_UP;
                laps.add(lap.result(false, prevProgress, dt));
                break;
            }
        }
        long elapsedMs = Math.round((trialSteps * dt + penalties) * 1000);
        return TrialResult.of(track.id(), envConfig.reversed(), driver.name(), seed, rules, status, laps, elapsedMs);
    }

    private static double wrap01(double v) {
        double w = v - Math.floor(v);
        return w >= 1 ? 0 : w;
    }

    /** Running totals of the lap being driven. */
    private static final class Lap {
        final int number;
        final int firstStep;
        int lastStep;
        int steps;
        int rows;
        int pauseRows;
        int offTracks;
        int resets;
        double penalties;
        double speedSum;
        double maxSpeed;

        Lap(int number, int firstStep) {
            this.number = number;
            this.firstStep = firstStep;
            this.lastStep = firstStep - 1;
        }

        void step(int trialStep, double speed) {
            steps++;
            lastStep = trialStep;
            speedSum += speed;
            maxSpeed = Math.max(maxSpeed, speed);
        }

        LapResult result(boolean completed, double progress, double dt) {
            long timeMs = Math.round((steps * dt + penalties) * 1000);
            return new LapResult(number, completed, completed ? 100 : progress, steps, pauseRows,
                    Math.round(penalties * 1000), timeMs, offTracks, resets, firstStep, lastStep,
                    steps == 0 ? 0 : speedSum / steps, maxSpeed);
        }
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
