package dev.racer.multi;

import dev.racer.car.CarSpec;
import dev.racer.car.MutableCarState;
import dev.racer.race.RacingEnv;
import dev.racer.race.TrackPose;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.CarView;
import dev.racer.track.TrackGeometry;
import dev.racer.util.SplitMix64;
import dev.racer.world.ObjectParams;
import dev.racer.world.WorldObjects;

/**
 * One racing car of a {@link MultiCarWorld} as its sensor and driver see it: its own pose, speed and steering,
 * the track, the other cars and the bots as objects ({@link MultiCarWorld#view}), and DeepRacer's params from
 * its point of view, computed as {@link RacingEnv} computes a single car's ({@code x, y} the front point,
 * heading [deg], distance from centre [m], waypoints, wheels on track, the object params of the others).
 *
 * <p>The params are recomputed by {@link #update} (the world does not know about params beyond the objects'),
 * so a caller updates the view after each world step, and before the car's driver acts when something moved
 * since (a put-back). {@code progress} is the caller's: a race counts laps, a view does not. Allocates nothing
 * after construction. Not thread-safe.
 */
public final class MultiCarView implements CarView {
    private static final double RAD_TO_DEG = 180.0 / Math.PI;

    private final MultiCarWorld world;
    private final int car;
    private final RewardParams params = new RewardParams();
    private final SplitMix64 random = new SplitMix64(0);
    private final TrackPose pose = new TrackPose();
    private double steeringCommand; // [deg]
    private double speedCommand;    // [m/s]
    private int steps;

    /** The view of racing car {@code car} of {@code world}. */
    public MultiCarView(MultiCarWorld world, int car) {
        if (car < 0 || car >= world.cars()) {
            throw new IllegalArgumentException("car " + car + " of a world with " + world.cars() + " racing cars");
        }
        this.world = world;
        this.car = car;
        TrackGeometry g = world.geometry();
        params.setTrack(g.length(), g.waypoints(), g.reversed());
    }

    /**
     * Starts a race: no steps, no command, the random source seeded with {@code seed} (give each car its own).
     * Call {@link #update} once the world is reset.
     */
    public void reset(long seed) {
        random.seed(seed);
        steps = 0;
        steeringCommand = 0;
        speedCommand = 0;
    }

    /** Records the command the car's driver gave for the coming step: steering [deg], speed [m/s]; counts a step. */
    public void command(double steeringDeg, double speed) {
        steeringCommand = steeringDeg;
        speedCommand = speed;
        steps++;
    }

    /** Clears the command (a frozen car: the params report 0 commanded speed and steering). */
    public void idle() {
        steeringCommand = 0;
        speedCommand = 0;
    }

    /**
     * Recomputes the params from the world's current state.
     *
     * @param progress the car's progress [%] as its race counts it
     * @param simTime  the race clock [s]
     */
    public void update(double progress, double simTime) {
        MutableCarState c = world.car(car);
        pose.measure(world.geometry(), world.spec(), c.x, c.y, c.yaw);
        params.set(pose.frontX, pose.frontY, c.yaw * RAD_TO_DEG, pose.onCenter.distance, pose.left, progress,
                speedCommand, steeringCommand, steps, pose.width, TrackGeometry.prevOf(pose.prevNext),
                TrackGeometry.nextOf(pose.prevNext), pose.onCenter.along, pose.wheelsOn);
        params.setSimTime(simTime);
        ObjectParams objects = world.params(car);
        params.setObjects(objects.count > 0 ? objects : null, 0);
    }

    /** The car's index in the world. */
    public int car() { return car; }
    /** The commanded steering of the last step [deg]. */
    public double steeringCommand() { return steeringCommand; }
    /** The commanded speed of the last step [m/s]. */
    public double speedCommand() { return speedCommand; }

    @Override
    public TrackGeometry geometry() { return world.geometry(); }
    @Override
    public CarSpec carSpec() { return world.spec(); }
    @Override
    public RewardParams params() { return params; }
    @Override
    public double carX() { return world.car(car).x; }
    @Override
    public double carY() { return world.car(car).y; }
    @Override
    public double carYaw() { return world.car(car).yaw; }
    @Override
    public double carSpeed() { return world.car(car).speed; }
    @Override
    public double carSteering() { return world.car(car).steering; }
    @Override
    public int steps() { return steps; }
    @Override
    public SplitMix64 random() { return random; }
    /** The other racing cars, then the bots. */
    @Override
    public WorldObjects objects() { return world.view(car); }
}
