package dev.racer.car;

/**
 * The same fields as {@link CarState}, mutable, for the allocation-free stepping loop inside an
 * environment. Everything else should use {@link CarState} and {@link Dynamics#step}.
 */
public final class MutableCarState {
    /** origin (rear-axle centre) x [m] */
    public double x;
    /** origin y [m] */
    public double y;
    /** heading [rad], (-pi, pi] */
    public double yaw;
    /** forward speed [m/s] */
    public double speed;
    /** front-wheel angle, + left [rad] */
    public double steering;

    public void set(CarState s) {
        x = s.x();
        y = s.y();
        yaw = s.yaw();
        speed = s.speed();
        steering = s.steering();
    }

    public CarState snapshot() {
        return new CarState(x, y, yaw, speed, steering);
    }
}
