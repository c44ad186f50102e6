package dev.racer.multi;

import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import dev.racer.world.CarBody;
import dev.racer.util.SplitMix64;

/**
 * DeepRacer's bot cars ({@code bot_cars_agent_ctrl.BotCarsCtrl}), stepped by a clock instead of Gazebo's.
 *
 * <p>As the simapp drives them:
 * <ul>
 *   <li>Start: centre-line distances {@code linspace(minDistance, length - 1, count)}, lanes alternating
 *       inner, outer, inner, ...; with {@code randomize}, each bot (in shuffled order) is moved to a uniform
 *       distance between its neighbours (keeping {@code minDistance}) and given a random lane.</li>
 *   <li>Motion: every bot's centre-line distance is {@code initial + speed * t}, {@code t} the fleet's running
 *       time (all bots move together, at the set speed along the centre line, whatever their lane), and its pose
 *       is its lane's point at that distance, heading along the lane's tangent.</li>
 *   <li>Lane changes ({@code IS_LANE_CHANGE}): when a bot's last change has ended it draws the next one's end
 *       time {@code t + U(lower, upper) + laneChangeDistance / speed}; the change covers the
 *       {@code laneChangeDistance} metres before that; the first change is drawn at the first running step.
 *       The simapp fits a cubic spline through the start lane's points before and the end lane's points after the
 *       change; Racer blends the two lanes with the cubic smoothstep {@code 3s² - 2s³} of the fraction
 *       {@code s} of the change covered: the same ends, tangent to both lanes, no kink.</li>
 *   <li>A racing car run into from behind by a bot ({@link CarCrashRule}): every bot stops for
 *       {@code penaltySeconds} ({@link #pause}), lane-change times shifting with them.</li>
 *   <li>Phases: after a reset the bots wait {@code startDelay} (the simapp's {@code PREPARE}), and they do
 *       not move on the step at which a wait ends (the simapp moves them in {@code send_action}, before
 *       {@code judge_action} switches the phase to {@code RUN}).</li>
 * </ul>
 * {@link #step} is a pure function of the state, {@code dt} and the config; the only randomness is the seeded
 * generator drawn at {@link #reset} and at each lane change. Allocates nothing per step. Not thread-safe.
 */
public final class BotCars {
    private final TrackGeometry g;
    private final BotConfig cfg;
    private final LaneSpline inner, outer;
    private final double length;
    private final int n;
    private final double[] initial, changeStart, changeEnd, changeEndTime;
    private final boolean[] outerLane, changing;
    private final double[] x, y, yaw;
    private final LaneSpline.LanePoint a = new LaneSpline.LanePoint(), b = new LaneSpline.LanePoint();
    private final Projection scratch = new Projection();
    private final SplitMix64 rng = new SplitMix64(0); // reseeded at each reset: resets allocate nothing
    private final int[] order;
    private double time, runTime, pauseLeft;
    private boolean running;
    private int crashCount;

    /** Bots on {@code g} (a loop) as {@code cfg} says; call {@link #reset} before stepping. */
    public BotCars(TrackGeometry g, BotConfig cfg) {
        this.g = g;
        this.cfg = cfg;
        this.length = g.length();
        this.n = cfg.count();
        this.inner = new LaneSpline(g, LaneSpline.Lane.INNER);
        this.outer = new LaneSpline(g, LaneSpline.Lane.OUTER);
        initial = new double[n];
        changeStart = new double[n];
        changeEnd = new double[n];
        changeEndTime = new double[n];
        outerLane = new boolean[n];
        changing = new boolean[n];
        x = new double[n];
        y = new double[n];
        yaw = new double[n];
        order = new int[n];
    }

    public BotConfig config() {
        return cfg;
    }

    public TrackGeometry geometry() {
        return g;
    }

    /** Places the bots again as the simapp's {@code reset_agent} does, the generator seeded with {@code seed}. */
    public void reset(long seed) {
        rng.seed(seed);
        time = 0;
        runTime = 0;
        crashCount = 0;
        pauseLeft = cfg.startDelay();
        running = false;
        double start = cfg.minDistance(), end = length - 1.0;
        for (int i = 0; i < n; i++) {
            initial[i] = n == 1 ? start : start + (end - start) * i / (n - 1);
        }
        if (cfg.randomize()) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates, as random.shuffle
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int i : order) {
                double lo = i == 0 ? start : initial[i - 1] + cfg.minDistance();
                double hi = i == n - 1 ? end : initial[i + 1] - cfg.minDistance();
                if (lo < hi) {
                    initial[i] = lo + (hi - lo) * rng.nextDouble();
                }
            }
            for (int i = 0; i < n; i++) {
                outerLane[i] = rng.nextLong() < 0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                outerLane[i] = (i & 1) == 1;
            }
        }
        for (int i = 0; i < n; i++) {
            changing[i] = false;
            changeEndTime[i] = cfg.laneChange() ? 0.0 : Double.POSITIVE_INFINITY;
        }
        updatePoses();
    }

    /** Advances the bots by {@code dt} [s]. */
    public void step(double dt) {
        time += dt;
        if (!running) {
            pauseLeft -= dt;
            if (pauseLeft <= 1e-12) {
                pauseLeft = 0;
                running = true;
            }
            return; // poses held this step
        }
        runTime += dt;
        if (cfg.laneChange()) {
            double dur = cfg.laneChangeDuration();
            for (int i = 0; i < n; i++) {
                if (runTime >= changeEndTime[i]) {
                    if (changing[i]) {
                        outerLane[i] = !outerLane[i];
                    }
                    double endT = runTime + cfg.lowerLaneChangeTime()
                            + (cfg.upperLaneChangeTime() - cfg.lowerLaneChangeTime()) * rng.nextDouble() + dur;
                    changeEndTime[i] = endT;
                    changeEnd[i] = endT * cfg.speed();
                    changeStart[i] = (endT - dur) * cfg.speed();
                    changing[i] = true;
                }
            }
        }
        updatePoses();
    }

    /**
     * A bot ran into the back of a racing car: every bot stops for {@link BotConfig#penaltySeconds} (the
     * simapp's {@code bot_car_crash_count}, {@code PAUSE} phase).
     */
    public void pause() {
        crashCount++;
        pauseLeft += cfg.penaltySeconds();
        running = pauseLeft <= 0;
    }

    private void updatePoses() {
        double travelled = runTime * cfg.speed();
        for (int i = 0; i < n; i++) {
            double d = initial[i] + travelled;
            LaneSpline from = outerLane[i] ? outer : inner;
            from.eval(d, a);
            double px = a.x, py = a.y, dx = a.dx, dy = a.dy;
            if (changing[i] && travelled > changeStart[i]) {
                LaneSpline to = outerLane[i] ? inner : outer;
                to.eval(d, b);
                double span = changeEnd[i] - changeStart[i];
                double s = Math.min(1.0, (travelled - changeStart[i]) / span);
                double w = s * s * (3 - 2 * s);
                double dw = s >= 1.0 ? 0 : 6 * s * (1 - s) / span;
                px = a.x + w * (b.x - a.x);
                py = a.y + w * (b.y - a.y);
                dx = a.dx + w * (b.dx - a.dx) + dw * (b.x - a.x);
                dy = a.dy + w * (b.dy - a.dy) + dw * (b.y - a.y);
            }
            x[i] = px;
            y[i] = py;
            yaw[i] = Math.atan2(dy, dx);
        }
    }

    public int count() {
        return n;
    }

    /** Bot {@code i}'s model origin x [m] (the pose the simapp lists in {@code objects_location}). */
    public double x(int i) { return x[i]; }
    public double y(int i) { return y[i]; }
    /** Heading [rad] (the simapp's {@code objects_heading}: radians, unlike the car's own {@code heading}). */
    public double yaw(int i) { return yaw[i]; }
    /** Centre-line distance of the bot's spline point [m], in [0, length). */
    public double centerDistance(int i) {
        double d = initial[i] + runTime * cfg.speed();
        return d - length * Math.floor(d / length);
    }
    /** Whether bot {@code i} drives (or is changing from) the outer lane. */
    public boolean outerLane(int i) { return outerLane[i]; }
    /** Whether bot {@code i} is between the two lanes right now. */
    public boolean changingLane(int i) {
        double t = runTime * cfg.speed();
        return changing[i] && t > changeStart[i] && t < changeEnd[i];
    }

    /** Normalised progress [0, 100) of the bot's front point, as {@code update_agent} computes it for the crash rule. */
    public double progress(int i) {
        double fx = x[i] + CarBody.FRONT_FROM_ORIGIN * Math.cos(yaw[i]);
        double fy = y[i] + CarBody.FRONT_FROM_ORIGIN * Math.sin(yaw[i]);
        g.center().nearest(fx, fy, scratch);
        return 100.0 * scratch.along / length;
    }

    /** Time since the reset [s]. */
    public double time() { return time; }
    /** Time the bots have driven [s] (excludes the start wait and the pauses). */
    public double runTime() { return runTime; }
    /** Whether the bots are stopped (start wait or a pause after a crash). */
    public boolean paused() { return !running; }
    /** Times a bot has run into a racing car since the reset. */
    public int crashCount() { return crashCount; }
}
