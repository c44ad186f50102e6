package dev.racer.sensor;

import dev.racer.car.CarSpec;
import dev.racer.reward.RewardParams;
import dev.racer.track.TrackGeometry;
import dev.racer.util.SplitMix64;

/**
 * What sensors and drivers may read of a car on a track: its pose, speed and steering, its spec, the track's
 * geometry, the params of its last step and the episode's random source. Read-only (apart from drawing from
 * {@link #random()}); implemented by {@link dev.racer.race.RacingEnv}, so that sensors and drivers need not
 * know the environment that steps them. No method allocates.
 */
public interface CarView {
    /** the track as driven (reversed if the race is) */
    TrackGeometry geometry();

    /** the car's spec */
    CarSpec carSpec();

    /** the params of the last step (or of the start pose after a reset) */
    RewardParams params();

    /** rear-axle centre x [m] */
    double carX();

    /** rear-axle centre y [m] */
    double carY();

    /** heading [rad] */
    double carYaw();

    /** actual speed [m/s] */
    double carSpeed();

    /** actual front-wheel angle [rad], + left */
    double carSteering();

    /** steps taken this episode */
    int steps();

    /** the seeded random source of this episode (sensor noise and the like draw from it) */
    SplitMix64 random();

    /** the objects on the track (boxes of an OBJECT_AVOIDANCE race); none by default */
    default dev.racer.world.WorldObjects objects() {
        return dev.racer.world.WorldObjects.EMPTY;
    }
}
