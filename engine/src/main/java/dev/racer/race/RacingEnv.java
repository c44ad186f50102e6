package dev.racer.race;

import dev.racer.car.CarSpec;
import dev.racer.car.CarState;
import dev.racer.car.Control;
import dev.racer.car.Dynamics;
import dev.racer.car.MutableCarState;
import dev.racer.multi.BotCars;
import dev.racer.multi.BotConfig;
import dev.racer.multi.CarCrashRule;
import dev.racer.reward.RewardException;
import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.CarView;
import dev.racer.sensor.Sensor;
import dev.racer.space.ActionSpace;
import dev.racer.space.ObservationSpace;
import dev.racer.track.Projection;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import dev.racer.util.SplitMix64;
import dev.racer.world.CarBody;
import dev.racer.world.ObjectConfig;
import dev.racer.world.ObjectParams;
import dev.racer.world.ObjectParamsCalculator;
import dev.racer.world.ObjectPlacer;
import dev.racer.world.WorldObjects;

/**
 * One car on one track under DeepRacer's episode rules, with Gymnasium's contract: {@link #reset(long,
 * ResetOptions)} and {@link #step(Control)} returning {@code (observation, reward, terminated, truncated, info)},
 * an {@link #observationSpace()} (the sensor's) and an {@link #actionSpace()}.
 *
 * <p>An episode ends (terminated) when the lap is complete (progress 100), when no wheel is on the road, when
 * progress has fallen for {@link EnvConfig#reversedSteps()} steps in a row, or when the front point has
 * moved at most {@link EnvConfig#immobilizedDistance()} for {@link EnvConfig#immobilizedSteps()} steps in a
 * row; the step cap truncates it. Same seed, same episode.
 *
 * <p>Under {@link RaceType#HEAD_TO_BOT} the environment owns DeepRacer's bot cars ({@link BotCars}): reset with the
 * episode's seed, advanced by {@code dt} after the car's every step, and mirrored into {@link #objects()} as moving
 * objects (each reports its heading and the configured bot speed, as the simapp does), so the object params,
 * the crash test and the sensors see them as they see boxes. DeepRacer's car–car rule ({@link CarCrashRule})
 * decides a contact: the car behind on the lap pays. The car behind: {@code is_crashed}, status crashed (the
 * training episode ends). A bot behind (it ran into the back of the car): the car drives on and every bot stops
 * for {@link BotConfig#penaltySeconds()}.
 *
 * <p>Not thread-safe: one environment per thread. Stepping allocates nothing; the returned
 * {@link StepResult} is reused.
 */
public final class RacingEnv implements CarView {
    private static final double RAD_TO_DEG = 180.0 / Math.PI;

    private final Track track;
    private final EnvConfig config;
    private final CarSpec spec;
    private final TrackGeometry geo;
    private final RewardFunction rewardFunction;
    private final Sensor sensor;
    private final ActionSpace actionSpace;
    private final RewardParams params = new RewardParams();
    private final StepResult result;
    private final MutableCarState car = new MutableCarState();
    private final TrackPose pose = new TrackPose(); // the params' measurement of the car on the track
    private final Projection onCenter = new Projection();
    private final Projection onInner = new Projection();
    private final Projection onOuter = new Projection();
    private final ObjectConfig objectConfig;     // the objects placed on every reset (none in a time trial)
    private final WorldObjects objects;
    private final ObjectPlacer placer = new ObjectPlacer();
    private final ObjectParams objectParams;
    private final ObjectParamsCalculator objectCalc = new ObjectParamsCalculator();
    private long objectsVersion;
    private final BotCars bots;                  // null unless HEAD_TO_BOT with bots
    /** placements in this JVM: each gets its own version, so a reward host can tell them apart across envs */
    private static final java.util.concurrent.atomic.AtomicLong PLACEMENTS = new java.util.concurrent.atomic.AtomicLong();

    private final SplitMix64 random = new SplitMix64(0);
    private int episodes;          // resets so far (drives ROUND_ROBIN)
    private double startNdist;     // normalised distance of the start pose along the centre line
    private double prevProgress;
    private int steps;
    private int fallingSteps;
    private int stillSteps;
    private double frontX1, frontY1, frontX2, frontY2; // front point 1 and 2 steps ago
    private double lastSteering;   // commanded [deg]
    private double lastSpeed;      // commanded [m/s]
    private boolean done = true;
    private double simClock;       // [s] since the env was made, across episodes, as DeepRacer's sim_time

    /** An environment whose action space is the car's whole range (a continuous box). */
    public RacingEnv(Track track, EnvConfig config, RewardFunction rewardFunction, Sensor sensor) {
        this(track, config, rewardFunction, sensor, ActionSpace.of(config.car()));
    }

    /** @param actionSpace the actions a policy chooses among ({@link #step(int)}, {@link #step(float[])}) */
    public RacingEnv(Track track, EnvConfig config, RewardFunction rewardFunction, Sensor sensor,
                     ActionSpace actionSpace) {
        this.track = track;
        this.actionSpace = actionSpace;
        this.config = config;
        this.spec = config.car();
        this.geo = TrackGeometry.of(track, config.reversed());
        this.rewardFunction = rewardFunction;
        this.sensor = sensor;
        if (config.startWaypoint() >= geo.size()) {
            throw new IllegalArgumentException("startWaypoint " + config.startWaypoint() + " is past the last row ("
                    + (geo.size() - 1) + ") of track " + track.id());
        }
        this.objectConfig = config.placedObjects();
        ObjectPlacer.validate(objectConfig, geo);
        BotConfig botConfig = config.placedBots();
        if (botConfig.count() > 0) {
            if (!track.isLoop()) {
                throw new IllegalArgumentException("track " + track.id() + " is not a loop: bot cars need one");
            }
            botConfig.validate(geo.length(), spec.maxSpeed(), track.id());
            this.bots = new BotCars(geo, botConfig);
        } else {
            this.bots = null;
        }
        int capacity = objectConfig.objects() + botConfig.count();
        this.objects = new WorldObjects(capacity);
        this.objectParams = new ObjectParams(capacity);
        this.result = new StepResult(new float[sensor.size()], params);
        params.setTrack(geo.length(), geo.waypoints(), config.reversed());
    }

    // ---------------------------------------------------------------- reset

    /** Starts a new episode where the config says; the seed fixes everything random about it. */
    public StepResult reset(long seed) {
        return reset(seed, ResetOptions.NONE);
    }

    /**
     * Starts a new episode; the seed fixes everything random about it, {@code options} may override where it
     * starts. Returns the first observation.
     */
    public StepResult reset(long seed, ResetOptions options) {
        random.seed(seed);
        double startAlong = startAlong(options);
        episodes++;
        if (objectConfig.objects() > 0) {
            // the simapp places the objects again at every reset; same seed, same boxes
            placer.place(objectConfig, geo, seed, objects);
            objectsVersion = PLACEMENTS.incrementAndGet();
        }
        if (bots != null) {
            placeBots(seed);
        }
        sensor.reseed(seed); // same seed, same LIDAR noise (also inside a SensorStack)
        Projection p = onCenter;
        double yaw = geo.headingAt(startAlong, p); // leaves p at the start point
        int near = objectNear(startAlong, START_CLEARANCE);
        if (near >= 0) {
            // the simapp's _get_car_start_model_state: a box near the start, so start in the other lane
            laneOpposite(near, p, yaw);
        }
        car.x = p.x;
        car.y = p.y;
        car.yaw = yaw;
        car.speed = 0;
        car.steering = 0;
        startNdist = startAlong / geo.length();
        prevProgress = 0;
        steps = 0;
        fallingSteps = 0;
        stillSteps = 0;
        lastSteering = 0;
        lastSpeed = 0;
        done = false;
        updateParams();
        frontX1 = frontX2 = params.x();
        frontY1 = frontY2 = params.y();
        result.reward = 0;
        result.terminated = false;
        result.truncated = false;
        result.status = EpisodeStatus.PREPARE;
        sensor.observe(this, result.observation());
        return result;
    }

    private double startAlong(ResetOptions o) {
        double len = geo.length();
        int row = o.startWaypoint() != null ? o.startWaypoint() : config.startWaypoint();
        if (row >= geo.size()) {
            throw new IllegalArgumentException("startWaypoint " + row + " is past the last row ("
                    + (geo.size() - 1) + ") of track " + track.id());
        }
        double base = geo.ndist(row);
        long episode = o.episode() >= 0 ? o.episode() : episodes;
        StartMode mode = o.startMode() != null ? o.startMode() : config.startMode();
        double ndist = switch (mode) {
            case FIXED -> base;
            case ROUND_ROBIN -> (base + episode * config.roundRobinAdvance()) % 1.0;
            case RANDOM -> random.nextDouble();
        };
        return ndist * len;
    }

    // ---------------------------------------------------------------- step

    /** Applies discrete action {@code index} of a {@link ActionSpace.Discrete} action space. */
    public StepResult step(int index) {
        Control c = actionSpace.decode(index);
        return step(c.steeringAngle(), c.speed());
    }

    /** Applies a normalised continuous action (steering, speed) in [-1, 1]² of a {@link ActionSpace.Continuous}. */
    public StepResult step(double[] normalised) {
        ActionSpace.Continuous c = actionSpace.continuous();
        return step(c.steering(normalised[0]), c.speed(normalised[1]));
    }

    /** Applies one action for {@link EnvConfig#dt()} seconds. */
    public StepResult step(Control control) {
        return step(control.steeringAngle(), control.speed());
    }

    /** Applies one action: steering [deg, + left] and speed [m/s], clipped to the car's limits. */
    public StepResult step(double steeringAngle, double speed) {
        if (done) {
            throw new IllegalStateException("step() after the episode ended: call reset(seed) first");
        }
        lastSteering = Dynamics.clipSteering(steeringAngle, spec);
        lastSpeed = Dynamics.clipSpeed(speed, spec);
        Dynamics.integrate(car, lastSteering, lastSpeed, config.dt(), spec);
        steps++;
        simClock += config.dt();
        if (bots != null) {
            moveBots();
        }
        judging = true;
        updateParams();
        judging = false;

        double progress = params.progress();
        fallingSteps = progress < prevProgress ? fallingSteps + 1 : 0;
        double moved = Math.min(Math.hypot(params.x() - frontX1, params.y() - frontY1),
                Math.hypot(params.x() - frontX2, params.y() - frontY2));
        stillSteps = moved <= config.immobilizedDistance() ? stillSteps + 1 : 0;
        frontX2 = frontX1;
        frontY2 = frontY1;
        frontX1 = params.x();
        frontY1 = params.y();

        EpisodeStatus status;
        if (progress >= 100) {
            status = EpisodeStatus.LAP_COMPLETE;
        } else if (params.isOfftrack()) {
            // off track and crashed at once: the simapp writes off_track (a race still charges the crash)
            status = EpisodeStatus.OFF_TRACK;
        } else if (params.isCrashed()) {
            status = EpisodeStatus.CRASHED;
        } else if (stillSteps >= config.immobilizedSteps()) {
            status = EpisodeStatus.IMMOBILIZED;
        } else if (fallingSteps >= config.reversedSteps()) {
            status = EpisodeStatus.REVERSED;
        } else if (steps >= config.maxSteps()) {
            status = EpisodeStatus.TIME_UP;
        } else {
            status = EpisodeStatus.IN_PROGRESS;
        }
        double reward = RewardException.checked(rewardFunction.reward(params), rewardFunction.name());
        // DeepRacer starts the next lap's progress from 0 once a lap is complete
        prevProgress = progress >= 100 ? 0 : progress;

        result.reward = reward;
        result.status = status;
        result.terminated = status != EpisodeStatus.IN_PROGRESS && status != EpisodeStatus.TIME_UP;
        result.truncated = status == EpisodeStatus.TIME_UP;
        done = result.terminated || result.truncated;
        sensor.observe(this, result.observation());
        return result;
    }

    // ---------------------------------------------------------------- params

    /** Recomputes every param from the car's pose, as DeepRacer's {@code set_reward_and_metrics} does. */
    private void updateParams() {
        pose.measure(geo, spec, car.x, car.y, car.yaw);
        double fx = pose.frontX, fy = pose.frontY;
        double ndist = pose.onCenter.along / geo.length();
        double progress = steps == 0 ? 0 : progressOf(ndist - startNdist, prevProgress);
        params.set(fx, fy, car.yaw * RAD_TO_DEG, pose.onCenter.distance, pose.left, progress, lastSpeed, lastSteering,
                steps, pose.width, TrackGeometry.prevOf(pose.prevNext), TrackGeometry.nextOf(pose.prevNext),
                pose.onCenter.along, pose.wheelsOn);
        params.setSimTime(simClock);
        if (objects.count() > 0) {
            // DeepRacer's model origin lies FRONT_FROM_ORIGIN behind the reported front point
            double c = Math.cos(car.yaw), s = Math.sin(car.yaw);
            double ox = fx - CarBody.FRONT_FROM_ORIGIN * c, oy = fy - CarBody.FRONT_FROM_ORIGIN * s;
            objectCalc.compute(geo, objects, pose.onCenter.along, ox, oy, car.yaw, objectParams);
            if (bots != null && objectParams.crashedObject >= 0) {
                judgeBotContact(progress);
            }
            params.setObjects(objectParams, objectsVersion);
        } else {
            params.setObjects(null, objectsVersion);
        }
    }

    // ---------------------------------------------------------------- bots

    private boolean judging; // updateParams called from step(): a bot's run into the car pauses the bots

    /** Places the bots for a new episode (the seed fixes their lanes and lane changes) and mirrors them. */
    private void placeBots(long seed) {
        bots.reset(seed);
        int n = bots.count();
        objects.resize(n);
        double v = bots.config().speed();
        for (int i = 0; i < n; i++) {
            objects.set(i, bots.x(i), bots.y(i), bots.yaw(i), CarBody.LENGTH, CarBody.WIDTH, v);
        }
        objects.prepare(geo);
        objects.setReportsMotion(true);
        objectsVersion = PLACEMENTS.incrementAndGet();
    }

    /**
     * Advances the bots by {@code dt} and mirrors their poses into the objects; each reports the configured bot
     * speed (the simapp's {@code objects_speed}, paused bots included). The version changes every step: the
     * objects moved.
     */
    private void moveBots() {
        bots.step(config.dt());
        double v = bots.config().speed();
        for (int i = 0; i < bots.count(); i++) {
            objects.update(i, bots.x(i), bots.y(i), bots.yaw(i), v);
        }
        objectsVersion = PLACEMENTS.incrementAndGet();
    }

    /**
     * DeepRacer's rule for a contact with bot {@code objectParams.crashedObject}: the car pays ({@code is_crashed})
     * only when it is behind the bot on the lap ({@link CarCrashRule#atFault}, positions as the simapp's
     * {@code get_normalized_progress}); otherwise the bot ran into it, the contact is no crash, and (on a
     * step) every bot stops for the penalty.
     */
    private void judgeBotContact(double progress) {
        int hit = objectParams.crashedObject;
        double mine = CarCrashRule.normalized(progress, startNdist);
        if (!CarCrashRule.atFault(mine, bots.progress(hit))) {
            objectParams.crashed = false;
            objectParams.crashedObject = -1;
            if (judging) {
                bots.pause();
            }
        }
    }

    /**
     * Moves the world on by {@link EnvConfig#dt()} with the car held where it is (a race's penalty pause: the
     * bots drive on while the car is frozen, and it takes no part in the crash test); the params follow the
     * objects and the simulation clock moves on. Does nothing to the episode's counters, and nothing at all
     * without bots (nothing else moves).
     */
    public void holdCar() {
        if (bots != null) {
            simClock += config.dt();
            moveBots();
            updateParams();
        }
    }

    /** The bot cars, or null when none drive (any race type but HEAD_TO_BOT). */
    public BotCars bots() {
        return bots;
    }

    /** Whether object {@code i} is a bot car (a crash into it is not followed by the put-back behind a box). */
    public boolean isBot(int i) {
        return bots != null && i >= 0 && i < bots.count();
    }

    // ---------------------------------------------------------------- objects

    /** How near along the centre line to the start a box moves the start to the other lane [m] (the simapp's 1 m). */
    public static final double START_CLEARANCE = 1.0;
    /** How far behind the box crashed into a race puts the car back [m] (the simapp's {@code RESET_BEHIND_DIST}). */
    public static final double RESET_BEHIND_DIST = 1.0;

    /** The first object within {@code within} [m] along the centre line of {@code along} (wrapping), or -1. */
    private int objectNear(double along, double within) {
        double len = geo.length();
        for (int i = 0; i < objects.count(); i++) {
            double d = Math.abs(objects.pdist(i) - along);
            if (Math.min(d, len - d) <= within) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Moves {@code p} (a centre-line point with heading {@code yaw}) to the middle of the lane on the side
     * opposite object {@code i}: a quarter of the local track width off the centre line.
     */
    private void laneOpposite(int i, Projection p, double yaw) {
        double cx = p.x, cy = p.y;
        geo.inner().nearest(cx, cy, onInner);
        geo.outer().nearest(cx, cy, onOuter);
        double width = Math.hypot(onInner.x - onOuter.x, onInner.y - onOuter.y);
        double side = objects.leftOfCenter(i) ? -1 : 1; // + = left of the direction of travel
        p.x = cx - Math.sin(yaw) * side * width / 4;
        p.y = cy + Math.cos(yaw) * side * width / 4;
    }

    /**
     * The simapp's put-back after a crash in a race: at rest {@link #RESET_BEHIND_DIST} behind object {@code i}
     * along the centre line, in the lane opposite it, heading along the track; progress follows the new place.
     */
    public void putBackBehind(int i) {
        double len = geo.length();
        double along = objects.pdist(i) - RESET_BEHIND_DIST;
        along = along - Math.floor(along / len) * len;
        Projection p = onCenter;
        double yaw = geo.headingAt(along, p);
        laneOpposite(i, p, yaw);
        double since = along / len - startNdist;
        since -= Math.floor(since);
        double progress = since * 100;
        if (progress > prevProgress + 50) {
            progress = 0; // put back behind the start line early in a lap: the lap goes on from 0
        }
        placeCar(CarState.atRest(p.x, p.y, yaw), progress);
    }

    /** The objects on the track this episode (read-only; empty in a time trial; the bots under HEAD_TO_BOT). */
    @Override
    public WorldObjects objects() {
        return objects;
    }

    /** The objects this environment places on every reset. */
    public ObjectConfig objectConfig() {
        return objectConfig;
    }

    /**
     * DeepRacer's {@code compute_current_prog}: progress [%] from the normalised distance since the start,
     * corrected for crossing the start line either way, capped at 100.
     */
    public static double progressOf(double ndistSinceStart, double prevProgress) {
        double p = 100 * ndistSinceStart;
        if (p <= 0) {
            p += 100;
        }
        if (prevProgress > p + 50.0) {
            p += 100.0;
        }
        if (p > prevProgress + 50.0) {
            p -= 100.0;
        }
        return Math.min(p, 100);
    }

    /**
     * Wheel contact points: rear-left, rear-right, front-left, front-right, for a car whose rear-axle centre
     * is at (x, y) heading (cos, sin).
     */
    public static void wheelPoints(double x, double y, double cos, double sin, CarSpec spec, double[] wx, double[] wy) {
        double half = spec.axleTrack() / 2;
        double lx = -sin * half, ly = cos * half; // left unit normal times half track
        double fx = cos * spec.wheelbase(), fy = sin * spec.wheelbase();
        wx[0] = x + lx;
        wy[0] = y + ly;
        wx[1] = x - lx;
        wy[1] = y - ly;
        wx[2] = x + fx + lx;
        wy[2] = y + fy + ly;
        wx[3] = x + fx - lx;
        wy[3] = y + fy - ly;
    }

    // ---------------------------------------------------------------- views for sensors, drivers and tools

    public Track track() { return track; }
    @Override
    public TrackGeometry geometry() { return geo; }
    public EnvConfig config() { return config; }
    @Override
    public CarSpec carSpec() { return spec; }
    public RewardFunction rewardFunction() { return rewardFunction; }
    public Sensor sensor() { return sensor; }
    /** Gymnasium's observation space: the sensor's */
    public ObservationSpace observationSpace() { return sensor.observationSpace(); }
    /** Gymnasium's action space: what {@link #step(int)} and {@link #step(float[])} decode */
    public ActionSpace actionSpace() { return actionSpace; }
    /** the params of the last step (or of the start pose after reset) */
    @Override
    public RewardParams params() { return params; }
    /** the last result (reused) */
    public StepResult last() { return result; }
    /** the car's state, as an immutable snapshot (allocates) */
    public CarState carState() { return car.snapshot(); }
    /** rear-axle centre x [m] */
    @Override
    public double carX() { return car.x; }
    /** rear-axle centre y [m] */
    @Override
    public double carY() { return car.y; }
    /** heading [rad] */
    @Override
    public double carYaw() { return car.yaw; }
    /** actual speed [m/s] */
    @Override
    public double carSpeed() { return car.speed; }
    /** actual front-wheel angle [rad] */
    @Override
    public double carSteering() { return car.steering; }
    /** steps taken this episode */
    @Override
    public int steps() { return steps; }
    /** simulation time since reset [s] */
    public double time() { return steps * config.dt(); }
    /** normalised centre-line distance of the start pose */
    public double startNdist() { return startNdist; }
    /** the episode has ended and needs a reset */
    public boolean isDone() { return done; }

    /**
     * Puts the car at a given state mid-episode, keeping the episode's counters, and recomputes the params
     * (used by time trials to reset a car onto the track after going off, and by tools that probe poses).
     * The next step's progress is measured from {@code progress} [%].
     */
    public void placeCar(CarState state, double progress) {
        car.set(state);
        prevProgress = progress;
        fallingSteps = 0;
        stillSteps = 0;
        done = false;
        updateParams();
        frontX1 = frontX2 = params.x();
        frontY1 = frontY2 = params.y();
    }

    /** The seeded random source of this episode (sensor noise and the like draw from it). */
    @Override
    public SplitMix64 random() {
        return random;
    }

    /**
     * The params a reward function would receive on the first step of an episode started at
     * {@link EnvConfig#startWaypoint()}, with the car in {@code state} after commanding {@code steeringAngle}
     * [deg] and {@code speed} [m/s]. Leaves the environment done: call {@link #reset} before stepping.
     */
    public RewardParams probe(CarState state, double steeringAngle, double speed) {
        return probe(state, steeringAngle, speed, 0);
    }

    /** {@link #probe(CarState, double, double)} in the episode of {@code seed} (which places randomised objects). */
    public RewardParams probe(CarState state, double steeringAngle, double speed, long seed) {
        reset(seed);
        car.set(state);
        lastSteering = Dynamics.clipSteering(steeringAngle, spec);
        lastSpeed = Dynamics.clipSpeed(speed, spec);
        steps = 1;
        prevProgress = 0;
        updateParams();
        done = true;
        return params;
    }
}
