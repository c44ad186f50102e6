package dev.racer.view;

import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.RacingEnv;
import dev.racer.sensor.Sensor;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;

/**
 * A small pure-pursuit driver that follows the centre line (the viewer's demo driver when no model is given):
 * it aims at the centre-line point {@link #LOOKAHEAD} ahead and slows down in bends.
 */
public final class CenterLineFollower implements Driver {
    static final double LOOKAHEAD = 0.5;
    private final double maxSpeed;
    private final Projection p = new Projection();

    public CenterLineFollower(double maxSpeed) {
        this.maxSpeed = maxSpeed;
    }

    @Override
    public String name() {
        return "centre-line follower";
    }

    @Override
    public Sensor newSensor() {
        return Sensor.none();
    }

    @Override
    public Control act(RacingEnv env, float[] observation) {
        TrackGeometry g = env.geometry();
        double x = env.carX(), y = env.carY(), yaw = env.carYaw();
        g.center().nearest(x, y, p);
        double along = (p.along + LOOKAHEAD) % g.length();
        g.center().interpolate(along, p);
        double alpha = Math.atan2(p.y - y, p.x - x) - yaw;
        double ld = Math.hypot(p.x - x, p.y - y);
        double wb = env.config().car().wheelbase();
        double steer = Math.toDegrees(Math.atan2(2 * wb * Math.sin(alpha), ld));
        double max = env.config().car().maxSteeringAngle();
        steer = Math.max(-max, Math.min(max, steer));
        double speed = maxSpeed * (1 - 0.5 * Math.abs(steer) / max);
        return new Control(steer, speed);
    }
}
