package dev.racer.race;

import dev.racer.car.CarState;
import dev.racer.car.Control;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A race, one row at a time: the one place that applies a race's rules (as DeepRacer's
 * {@code rollout_agent_ctrl} does in evaluation). {@link TimeTrial} (evaluate, the league), the viewer's live
 * mode and PPO's greedy evaluation all drive one, so they all score the same race.
 *
 * <p>Each {@link #step()} produces one row of the sim-trace: a driving step (the driver acts, the environment
 * steps), or one step of a penalty pause (the car frozen where it went off, the clock running). The rules:
 * <ul>
 *   <li>A lap is complete on the step at which progress reaches 100; the next lap's progress starts from 0
 *       and the car drives on without stopping. Lap time = the lap's driving steps × {@code dt} plus its
 *       penalties.</li>
 *   <li>Off track (no wheel on the road): the car is frozen where it went off for
 *       {@link TimeTrialConfig#offTrackPenalty()} (rows with status {@code pause}, the time counting in the
 *       lap), then put back at rest on the centre line at the progress it had before the failing step,
 *       heading along the track; the lap goes on from there.</li>
 *   <li>A crash into an object ({@link EpisodeStatus#CRASHED}, or off track while crashed, which the simapp
 *       writes as {@code off_track} but handles as a crash): frozen for {@link TimeTrialConfig#collisionPenalty()},
 *       then put back at rest {@link RacingEnv#RESET_BEHIND_DIST} behind the box, in the other lane
 *       (DeepRacer's {@code rollout_agent_ctrl}); counted as a crash of the lap.</li>
 *   <li>A crash into a bot car ({@link RaceType#HEAD_TO_BOT}: the car ran into a bot ahead of it, see
 *       {@link dev.racer.multi.CarCrashRule}): frozen where it is for the collision penalty while the bots drive
 *       on, then it drives on from there at rest, its progress kept (the simapp moves a car back only after
 *       hitting a static box); off track at the same time, it is put back as after an off-track. A bot that
 *       runs into the back of the car costs the car nothing (the bots stop instead).</li>
 *   <li>Each put-back uses a reset; with none left ({@link TimeTrialConfig#maxResets()}) the failing step
 *       ends the race instead.</li>
 *   <li>Reversed or immobilised (the engine's rules) end the race, or, under {@link StuckRule#RESET}, are
 *       handled like an off-track.</li>
 *   <li>The race ends when every lap is complete, or with time up when its clock, penalties included,
 *       reaches {@link TimeTrialConfig#timeLimit()} (or the environment's step cap truncates it).</li>
 * </ul>
 *
 * <p>Changes of the car's pose that the rules make (the put-back after a penalty, the next lap's progress
 * restart) happen at the start of the next driving step, so that whoever reads a row sees the car where the
 * row left it. During a penalty pause the environment's other cars (bots) move on ({@link RacingEnv#holdCar}).
 * Reusable: {@link #start} begins another race on the same environment. Stepping allocates
 * nothing but a lap's result at the end of each lap and the put-back pose. Not thread-safe.
 */
public final class RaceSession {
    private enum Pending { NONE, NEXT_LAP, PUT_BACK, STAY }

    private final RacingEnv env;
    private final TimeTrialConfig rules;
    private final Driver driver;
    private final double dt;
    private double penalty;      // [s] of the penalty under way (off-track or collision)
    private int crashedObject = -1; // the box of the crash under way, for the put-back
    private final Projection scratch = new Projection();
    private final TrialRow row = new TrialRow();
    private final List<LapResult> laps = new ArrayList<>();
    private final List<LapResult> lapsView = Collections.unmodifiableList(laps);

    private long seed;
    private boolean started;
    private StepResult r;
    private Lap lap;
    private int trialSteps;
    private int trialRows;
    private int resetsUsed;
    private int offTracks;       // in the whole race
    private int crashes;         // in the whole race
    private double penalties;    // [s] in the whole race, the pause under way included
    private double prevProgress; // DeepRacer's prev_progress: the progress before the current step
    private double lapStart;     // race clock when the current lap began [s]
    private int pauseLeft;       // pause rows still to come
    private int pauseDone;       // pause rows of the current penalty so far
    private double pauseFrom;    // race clock of the failing row [s]
    private Pending pending = Pending.NONE;
    private TrialStatus status;  // null while racing

    /**
     * A session on {@code env}, driven by {@code driver} (whose sensor must be {@code env}'s). The
     * environment's step cap, if reached before the rules end the race, ends it with time up; give it a cap
     * above the time limit ({@link TimeTrial} lifts it) to let the rules alone decide.
     */
    public RaceSession(RacingEnv env, TimeTrialConfig rules, Driver driver) {
        this.env = env;
        this.rules = rules;
        this.driver = driver;
        this.dt = env.config().dt();
        this.penalty = rules.offTrackPenalty();
        row.env = env;
    }

    /** Starts a race where the environment's config says. */
    public void start(long seed) {
        start(seed, ResetOptions.NONE);
    }

    /** Starts a race (again): resets the environment with {@code seed} and {@code options}, then the driver. */
    public void start(long seed, ResetOptions options) {
        this.seed = seed;
        r = env.reset(seed, options);
        driver.reset(env);
        laps.clear();
        lap = new Lap(1, 1);
        trialSteps = 0;
        trialRows = 0;
        resetsUsed = 0;
        offTracks = 0;
        crashes = 0;
        crashedObject = -1;
        penalties = 0;
        prevProgress = 0;
        lapStart = 0;
        pauseLeft = 0;
        pauseDone = 0;
        pending = Pending.NONE;
        status = null;
        started = true;
        row.result = r;
        row.lap = 1;
        row.lapRow = 0;
        row.trialRow = 0;
        row.time = 0;
        row.status = EpisodeStatus.PREPARE;
        row.pauseDuration = 0;
        row.action = -1;
        row.done = false;
        row.steering = 0;
        row.throttle = 0;
        row.speed = 0;
        row.reward = 0;
    }

    /**
     * Produces the next row: a driving step or a step of a penalty pause. The row is reused: copy what must be
     * kept. After the row that ends the race, {@link #isFinished()} is true.
     */
    public TrialRow step() {
        if (!started) {
            throw new IllegalStateException("step() before start(seed)");
        }
        if (status != null) {
            throw new IllegalStateException("step() after the race ended (" + status.label()
                    + "): call start(seed) for another");
        }
        if (pauseLeft > 0) {
            return pauseRow();
        }
        if (pending == Pending.PUT_BACK) {
            putBack();
        } else if (pending == Pending.STAY) {
            // at rest where the penalty froze it; the lap goes on from the progress it had
            env.placeCar(CarState.atRest(env.carX(), env.carY(), env.carYaw()), prevProgress);
            r = env.last();
            env.sensor().observe(env, r.observation());
        } else if (pending == Pending.NEXT_LAP) {
            // drive on: the next lap's progress counts from 0 at the start line
            env.placeCar(env.carState(), 0);
            r = env.last();
        }
        pending = Pending.NONE;
        return driveRow();
    }

    private TrialRow driveRow() {
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
            laps.add(lap.result(true, 100, dt));
            if (lap.number == rules.laps()) {
                status = TrialStatus.FINISHED;
                return row;
            }
            pending = Pending.NEXT_LAP;
            prevProgress = 0;
            lapStart = row.time;
            lap = new Lap(lap.number + 1, trialSteps + 1);
        } else if (st == EpisodeStatus.IN_PROGRESS) {
            prevProgress = r.params().progress();
        } else if (st.isFailure()) {
            boolean crashed = r.params().isCrashed();
            boolean stay = false;
            if (crashed) {
                lap.crashes++;
                crashes++;
                crashedObject = r.params().objects().crashedObject;
                if (env.isBot(crashedObject)) {
                    // a bot: no put-back behind it; on the road the car drives on from where it stopped
                    crashedObject = -1;
                    stay = st == EpisodeStatus.CRASHED;
                }
            } else if (st == EpisodeStatus.OFF_TRACK) {
                lap.offTracks++;
                offTracks++;
            }
            penalty = crashed ? rules.collisionPenalty() : rules.offTrackPenalty();
            boolean resettable = st == EpisodeStatus.OFF_TRACK || st == EpisodeStatus.CRASHED
                    || rules.onStuck() == StuckRule.RESET;
            boolean resetLeft = rules.unlimitedResets() || resetsUsed < rules.maxResets();
            if (!resettable || !resetLeft) {
                row.done = true;
                status = TrialStatus.of(st);
                laps.add(lap.result(false, Math.max(0, prevProgress), dt));
                return row;
            }
            // frozen where it went off for the penalty, then put back (at the next driving step)
            row.pauseDuration = penalty;
            pauseLeft = (int) Math.ceil(penalty / dt - 1e-9);
            pauseDone = 0;
            pauseFrom = row.time;
            penalties += penalty;
            lap.penalties += penalty;
            resetsUsed++;
            lap.resets++;
            pending = stay ? Pending.STAY : Pending.PUT_BACK;
            if (stay) {
                prevProgress = r.params().progress();
            }
        } else {
            // TIME_UP: the environment's step cap
            status = TrialStatus.TIME_UP;
            laps.add(lap.result(false, prevProgress, dt));
            return row;
        }
        if (pauseLeft == 0) {
            checkClock();
        }
        return row;
    }

    private TrialRow pauseRow() {
        env.holdCar(); // the bots drive on
        pauseLeft--;
        pauseDone++;
        double waited = Math.min(pauseDone * dt, penalty);
        row.lapRow = ++lap.rows;
        row.trialRow = ++trialRows;
        row.time = pauseFrom + waited;
        row.status = EpisodeStatus.PAUSE;
        row.pauseDuration = Math.max(0, penalty - waited);
        row.action = -1;
        row.steering = 0;
        row.throttle = 0;
        row.speed = 0;
        row.reward = 0;
        row.done = false;
        lap.pauseRows++;
        if (pauseLeft == 0) {
            checkClock();
        }
        return row;
    }

    /** Time up when the clock before the next driving step has reached the limit. */
    private void checkClock() {
        double clock = trialSteps * dt + penalties;
        if (clock >= rules.timeLimit() - 1e-9) {
            status = TrialStatus.TIME_UP;
            laps.add(lap.result(false, prevProgress, dt));
        }
    }

    /** Back on the centre line at rest, at the progress before the failing step, heading along the track. */
    private void putBack() {
        if (crashedObject >= 0) {
            env.putBackBehind(crashedObject);
            crashedObject = -1;
            r = env.last();
            env.sensor().observe(env, r.observation());
            return;
        }
        TrackGeometry geo = env.geometry();
        double along = wrap01(env.startNdist() + prevProgress / 100.0) * geo.length();
        double yaw = geo.headingAt(along, scratch);
        env.placeCar(CarState.atRest(scratch.x, scratch.y, yaw), prevProgress);
        r = env.last();
        env.sensor().observe(env, r.observation()); // the driver sees where it now is
    }

    private static double wrap01(double v) {
        double w = v - Math.floor(v);
        return w >= 1 ? 0 : w;
    }

    // ---------------------------------------------------------------- what a viewer or a trainer reads

    /** Whether the race has ended (the last row produced ended it). */
    public boolean isFinished() {
        return status != null;
    }

    /** How the race ended, or null while it is on. */
    public TrialStatus status() {
        return status;
    }

    /** The laps finished so far (completed, or the last one when the race ended); a live read-only view. */
    public List<LapResult> laps() {
        return lapsView;
    }

    /** The outcome; only once {@link #isFinished()}. */
    public TrialResult result() {
        if (status == null) {
            throw new IllegalStateException("the race is not over yet");
        }
        long elapsedMs = Math.round((trialSteps * dt + penalties) * 1000);
        return TrialResult.of(env.track().id(), env.config().reversed(), driver.name(), seed, rules, status,
                laps, elapsedMs);
    }

    /** The last row produced (after {@link #start}: the start pose, status {@code prepare}). */
    public TrialRow row() {
        return row;
    }

    /** The environment whose car races. */
    public RacingEnv env() {
        return env;
    }

    public TimeTrialConfig rules() {
        return rules;
    }

    public Driver driver() {
        return driver;
    }

    /** The lap under way (from 1); after a lap-complete row, already the next one. */
    public int lapNumber() {
        return lap.number;
    }

    /** Time in the lap under way [s], penalties included (its clock keeps running during a pause). */
    public double lapTime() {
        return row.time - lapStart;
    }

    /** The race clock after the last row [s], penalties included. */
    public double time() {
        return row.time;
    }

    /** Whether the car is frozen serving a penalty (the last row was a failing or a pause row, more to come). */
    public boolean inPenalty() {
        return pauseLeft > 0 || (row.status != null && row.status.isFailure() && status == null);
    }

    /** Penalty time still to serve after the last row [s]; 0 outside a penalty. */
    public double penaltyLeft() {
        return inPenalty() ? row.pauseDuration : 0;
    }

    /** Off-tracks so far in the race. */
    public int offTracks() {
        return offTracks;
    }

    /** Crashes into objects so far in the race. */
    public int crashes() {
        return crashes;
    }

    /** Resets used so far in the race. */
    public int resets() {
        return resetsUsed;
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
        int crashes;
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
                    steps == 0 ? 0 : speedSum / steps, maxSpeed, crashes);
        }
    }
}
