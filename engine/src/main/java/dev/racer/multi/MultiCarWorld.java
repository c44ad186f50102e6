package dev.racer.multi;

import dev.racer.car.CarSpec;
import dev.racer.car.Dynamics;
import dev.racer.car.MutableCarState;
import dev.racer.track.PolylineIndex;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import dev.racer.world.CarBody;
import dev.racer.world.ObjectParams;
import dev.racer.world.ObjectParamsCalculator;
import dev.racer.world.Rects;
import dev.racer.world.WorldObjects;

/**
 * Several racing cars and DeepRacer's bot cars on one track: each racing car has its own state and
 * {@link Dynamics} step, its own view of the others as objects ({@link #view}) and its own object params
 * ({@link #params}), and the crash rule ({@link CarCrashRule}) is applied between them after each step.
 *
 * <p>Start grid as DeepRacer starts head-to-model races ({@code get_start_positions},
 * {@code rollout_agent_ctrl}): one car starts on the centre line at the start line; with several, car
 * {@code i} starts {@value #START_POSITION_OFFSET} m × i behind the start line, even cars in the outer lane,
 * odd cars in the inner lane, heading along the lane. Behind the start line a car's progress starts negative:
 * it drives the extra metres.
 *
 * <p>Car {@code i}'s view lists the other racing cars in index order, then the bots, as the simapp's object table
 * does (racing cars first, then {@code bot_car_0..}). With bots on the track every object reports its heading
 * and {@code BOT_CAR_SPEED} as its speed (the simapp reports the configured bot speed for all objects, racing
 * cars and paused bots included); without bots every object reports speed 0 and heading 0 (the simapp's
 * head-to-model).
 *
 * <p>The world does not apply penalties: a race or an environment decides which cars are frozen
 * ({@link #setFrozen}: they do not move and the crash test does not see them, the simapp's blink) and reads
 * {@link #crashed} after each {@link #step}. Deterministic for a seed; allocates nothing per step.
 */
public final class MultiCarWorld {
    /** DeepRacer's {@code START_POS_OFFSET} [m] between consecutive cars of a head-to-model grid. */
    public static final double START_POSITION_OFFSET = 0.75;

    private final TrackGeometry g;
    private final CarSpec spec;
    private final int k;
    private final BotCars bots;
    private final MutableCarState[] cars;
    private final WorldObjects[] views;
    private final ObjectParams[] params;
    private final ObjectParamsCalculator calc = new ObjectParamsCalculator();
    private final Projection p = new Projection();
    private final double length;
    private final double[] distance, along; // front point: since the start line (unwrapped) and on the lap [m]
    private final boolean[] frozen, crashed;
    private final int[] crashedInto;
    private final double[] startDistance;
    private boolean botsRanIntoCar;
    private final PolylineIndex innerLane, outerLane; // the simapp's lane lines (midpoints to the borders)

    /**
     * @param g    the track as driven (a loop when there are bots)
     * @param spec every racing car's spec
     * @param cars number of racing cars (1 for head-to-bot)
     * @param bot  the bot cars ({@link BotConfig#NONE} for none)
     */
    public MultiCarWorld(TrackGeometry g, CarSpec spec, int cars, BotConfig bot) {
        if (cars < 1) {
            throw new IllegalArgumentException("a race needs at least one racing car, got " + cars);
        }
        bot.validate(g.length(), spec.maxSpeed(), g.track().id());
        if (START_POSITION_OFFSET * (cars - 1) + CarBody.LENGTH >= g.length() / 2) {
            throw new IllegalArgumentException(cars + " cars: the start grid (" + START_POSITION_OFFSET
                    + " m apart) takes more than half of track " + g.track().id());
        }
        this.g = g;
        this.spec = spec;
        this.k = cars;
        this.length = g.length();
        this.bots = bot.count() > 0 ? new BotCars(g, bot) : null;
        int others = cars - 1 + bot.count();
        this.cars = new MutableCarState[cars];
        views = new WorldObjects[cars];
        params = new ObjectParams[cars];
        for (int i = 0; i < cars; i++) {
            this.cars[i] = new MutableCarState();
            views[i] = new WorldObjects(others);
            params[i] = new ObjectParams(others);
        }
        distance = new double[cars];
        along = new double[cars];
        frozen = new boolean[cars];
        crashed = new boolean[cars];
        crashedInto = new int[cars];
        startDistance = new double[cars];
        int n = g.size();
        double[] ix = new double[n], iy = new double[n], ox = new double[n], oy = new double[n];
        for (int r = 0; r < n; r++) {
            ix[r] = (g.innerX(r) + g.centerX(r)) / 2;
            iy[r] = (g.innerY(r) + g.centerY(r)) / 2;
            ox[r] = (g.outerX(r) + g.centerX(r)) / 2;
            oy[r] = (g.outerY(r) + g.centerY(r)) / 2;
        }
        innerLane = new PolylineIndex(ix, iy);
        outerLane = new PolylineIndex(ox, oy);
    }

    /**
     * Puts the cars on the start grid at rest, places the bots (seeded with {@code seed}) and checks that
     * nothing overlaps at the start.
     *
     * @throws IllegalArgumentException naming the two cars when the grid and the bots overlap
     */
    public void reset(long seed) {
        for (int i = 0; i < k; i++) {
            MutableCarState c = cars[i];
            if (k == 1) {
                g.center().interpolate(0, p);
                c.x = p.x;
                c.y = p.y;
                c.yaw = g.headingAt(0, p);
            } else {
                // the simapp's lane.interpolate_pose(-0.75 i): along the lane polyline (a negative distance
                // counts from its end), heading to the next lane point (forward difference)
                PolylineIndex lane = i % 2 == 1 ? innerLane : outerLane;
                double d = -START_POSITION_OFFSET * i;
                lane.interpolate(d - lane.length() * Math.floor(d / lane.length()), p);
                int next = p.t >= 1 - 1e-12 ? p.segment + 2 : p.segment + 1;
                if (next >= lane.vertices()) {
                    next = 1;
                }
                c.x = p.x;
                c.y = p.y;
                c.yaw = Math.atan2(lane.y(next) - p.y, lane.x(next) - p.x);
            }
            c.speed = 0;
            c.steering = 0;
            frozen[i] = false;
            crashed[i] = false;
            crashedInto[i] = -1;
            frontAlong(i);
            distance[i] = along[i] > length / 2 ? along[i] - length : along[i];
            startDistance[i] = distance[i];
        }
        if (bots != null) {
            bots.reset(seed);
        }
        for (int i = 0; i < k; i++) {
            WorldObjects v = views[i];
            v.resize(v.capacity());
            int j = 0;
            for (int o = 0; o < k; o++) {
                if (o != i) {
                    v.set(j++, cars[o].x, cars[o].y, cars[o].yaw, CarBody.LENGTH, CarBody.WIDTH, 0);
                }
            }
            for (int b = 0; b < botCount(); b++) {
                v.set(j++, bots.x(b), bots.y(b), bots.yaw(b), CarBody.LENGTH, CarBody.WIDTH, 0);
            }
            v.prepare(g);
            v.setReportsMotion(bots != null);
        }
        checkStartOverlap();
        refresh();
    }

    private void checkStartOverlap() {
        int n = k + botCount();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double ax = a < k ? cars[a].x : bots.x(a - k), ay = a < k ? cars[a].y : bots.y(a - k);
                double ah = a < k ? cars[a].yaw : bots.yaw(a - k);
                double bx = b < k ? cars[b].x : bots.x(b - k), by = b < k ? cars[b].y : bots.y(b - k);
                double bh = b < k ? cars[b].yaw : bots.yaw(b - k);
                if (Rects.overlap(ax, ay, Math.cos(ah), Math.sin(ah), CarBody.LENGTH / 2, CarBody.WIDTH / 2,
                        bx, by, Math.cos(bh), Math.sin(bh), CarBody.LENGTH / 2, CarBody.WIDTH / 2)) {
                    throw new IllegalArgumentException("track " + g.track().id() + " does not hold " + k
                            + " racing cars and " + botCount() + " bot cars at the start: " + name(a) + " and "
                            + name(b) + " overlap; use fewer cars or bots");
                }
            }
        }
    }

    private String name(int a) {
        return a < k ? "car " + a : "bot " + (a - k);
    }

    /**
     * One control step of {@code dt} [s]: every racing car that is not frozen holds its command (steering [deg],
     * speed [m/s]) through the dynamics, the bots drive on, then every car's view, params and crash are
     * recomputed and the crash rule applied (a bot that ran into a car ahead stops every bot).
     */
    public void step(double[] steeringDeg, double[] speed, double dt) {
        for (int i = 0; i < k; i++) {
            if (!frozen[i]) {
                Dynamics.integrate(cars[i], steeringDeg[i], speed[i], dt, spec);
            }
        }
        if (bots != null) {
            bots.step(dt);
        }
        refresh();
    }

    private void refresh() {
        for (int i = 0; i < k; i++) {
            double before = along[i];
            frontAlong(i);
            double d = along[i] - before;
            if (d > length / 2) {
                d -= length;
            } else if (d < -length / 2) {
                d += length;
            }
            distance[i] += d;
        }
        double reported = bots != null ? bots.config().speed() : 0;
        for (int i = 0; i < k; i++) {
            WorldObjects v = views[i];
            int j = 0;
            for (int o = 0; o < k; o++) {
                if (o != i) {
                    v.update(j, cars[o].x, cars[o].y, cars[o].yaw, reported);
                    v.setCollidable(j++, !frozen[o]);
                }
            }
            for (int b = 0; b < botCount(); b++) {
                v.update(j++, bots.x(b), bots.y(b), bots.yaw(b), reported);
            }
            MutableCarState c = cars[i];
            calc.compute(g, v, along[i], c.x, c.y, c.yaw, params[i]);
        }
        botsRanIntoCar = false;
        for (int i = 0; i < k; i++) {
            crashed[i] = false;
            crashedInto[i] = -1;
            int hit = params[i].crashedObject;
            if (frozen[i] || hit < 0) {
                continue;
            }
            int other = hit < k - 1 ? (hit < i ? hit : hit + 1) : -1;
            double otherProgress = other >= 0 ? progressOnLap(other) : bots.progress(hit - (k - 1));
            if (CarCrashRule.atFault(progressOnLap(i), otherProgress)) {
                crashed[i] = true;
                crashedInto[i] = other >= 0 ? other : k + hit - (k - 1);
            } else if (other < 0 && !botsRanIntoCar) {
                botsRanIntoCar = true; // the simapp pauses the bots once per step (it breaks out of its loop)
                bots.pause();
            }
        }
    }

    private void frontAlong(int i) {
        MutableCarState c = cars[i];
        double fo = spec.frontPointOffset();
        g.center().nearest(c.x + fo * Math.cos(c.yaw), c.y + fo * Math.sin(c.yaw), p);
        along[i] = p.along;
    }

    /**
     * Puts car {@code i} at rest at the given pose (a race's put-back after an off-track) and keeps its
     * distance since the start consistent; call {@link #refreshViews} (or step) before reading params.
     */
    public void place(int i, double x, double y, double yaw) {
        MutableCarState c = cars[i];
        c.x = x;
        c.y = y;
        c.yaw = yaw;
        c.speed = 0;
        c.steering = 0;
    }

    /** Recomputes views, params and crashes without stepping (after {@link #place} or {@link #setFrozen}). */
    public void refreshViews() {
        refresh();
    }

    /** Freezes car {@code i} (penalty pause: it does not move and the others' crash test does not see it). */
    public void setFrozen(int i, boolean f) {
        frozen[i] = f;
    }

    public boolean frozen(int i) { return frozen[i]; }
    public int cars() { return k; }
    public int botCount() { return bots == null ? 0 : bots.count(); }
    /** The bot cars, or null when there are none. */
    public BotCars bots() { return bots; }
    public TrackGeometry geometry() { return g; }
    public CarSpec spec() { return spec; }
    /** Car {@code i}'s state (read-only by convention; use {@link #place} to move it). */
    public MutableCarState car(int i) { return cars[i]; }
    /** The objects car {@code i} sees: the other racing cars, then the bots. */
    public WorldObjects view(int i) { return views[i]; }
    /** Car {@code i}'s object params after the last step. */
    public ObjectParams params(int i) { return params[i]; }
    /** Whether car {@code i} crashed on the last step (hit something ahead of it on the lap). */
    public boolean crashed(int i) { return crashed[i]; }
    /** What car {@code i} crashed into: a racing car's index, or {@code cars() + bot}, or -1. */
    public int crashedInto(int i) { return crashedInto[i]; }
    /** Whether a bot ran into a racing car ahead of it on the last step (the bots then stop). */
    public boolean botsRanIntoCar() { return botsRanIntoCar; }
    /** Centre-line distance of car {@code i}'s front point since the start line [m] (negative on the grid). */
    public double distance(int i) { return distance[i]; }
    /** The same at the start [m]. */
    public double startDistance(int i) { return startDistance[i]; }
    /** Centre-line distance of car {@code i}'s front point on the lap [m], [0, length). */
    public double along(int i) { return along[i]; }
    /** Car {@code i}'s position on the lap [0, 100), as the crash rule compares it. */
    public double progressOnLap(int i) {
        return CarCrashRule.normalized(100.0 * distance[i] / length, 0.0);
    }
}
