package dev.racer.league;

import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.sensor.CarView;
import dev.racer.sensor.Sensor;
import dev.racer.track.PolylineIndex;
import dev.racer.track.Projection;
import dev.racer.world.WorldObjects;

/**
 * Tests only: pure pursuit of the centre line at a constant speed, except that a car already in the lane
 * opposite a box ahead keeps to that lane until it has passed the box. Driving the centre line it crashes into
 * each lane box once; put back behind the box in the other lane, it then drives past: one collision per box.
 */
final class LaneKeeperDriver implements Driver {
    /** how far ahead along the centre line a box keeps the car in its lane [m] */
    private static final double AHEAD = 2.0;
    /** how far past a box it keeps to the lane [m] */
    private static final double PAST = 0.5;
    private final double speed;
    private final Projection p = new Projection();

    LaneKeeperDriver(double speed) {
        this.speed = speed;
    }

    @Override
    public String name() {
        return "lane-keeper";
    }

    @Override
    public Sensor newSensor() {
        return Sensor.none();
    }

    @Override
    public void reset(CarView env) {
    }

    @Override
    public Control act(CarView env, float[] observation) {
        PolylineIndex center = env.geometry().center();
        double len = center.length();
        double s = env.params().projectionDistance();
        double offset = (env.params().isLeftOfCenter() ? 1 : -1) * env.params().distanceFromCenter(); // + left
        double target = 0;
        WorldObjects objects = env.objects();
        for (int i = 0; i < objects.count(); i++) {
            double ahead = objects.pdist(i) - s;
            ahead -= Math.floor(ahead / len) * len;
            if (ahead > len - PAST) {
                ahead -= len;
            }
            boolean boxLeft = objects.leftOfCenter(i);
            if (ahead > -PAST && ahead < AHEAD && (boxLeft ? offset < -0.1 : offset > 0.1)) {
                target = boxLeft ? -0.27 : 0.27;
            }
        }
        double look = 0.6;
        double along = s + look - Math.floor((s + look) / len) * len;
        double h = env.geometry().headingAt(along, p); // p: the centre-line point there
        double tx = p.x - Math.sin(h) * target, ty = p.y + Math.cos(h) * target;
        double dx = tx - env.carX(), dy = ty - env.carY();
        double alpha = Math.atan2(dy, dx) - env.carYaw();
        alpha = Math.atan2(Math.sin(alpha), Math.cos(alpha));
        double delta = Math.atan2(2 * env.carSpec().wheelbase() * Math.sin(alpha), Math.max(Math.hypot(dx, dy), 1e-6));
        return new Control(Math.toDegrees(delta), speed);
    }
}
