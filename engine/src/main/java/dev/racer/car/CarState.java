package dev.racer.car;

/**
 * The car's state. The origin is the centre of the rear axle.
 *
 * @param x        origin x [m]
 * @param y        origin y [m]
 * @param yaw      heading, counter-clockwise from +x [rad], kept in (-pi, pi]
 * @param speed    forward speed [m/s]
 * @param steering actual front-wheel angle, + left [rad]
 */
public record CarState(double x, double y, double yaw, double speed, double steering) {

    /** A car at rest at (x, y) heading {@code yaw} [rad], wheels straight. */
    public static CarState atRest(double x, double y, double yaw) {
        return new CarState(x, y, yaw, 0, 0);
    }
}
