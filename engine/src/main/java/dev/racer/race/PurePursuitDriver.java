package dev.racer.race;

import dev.racer.car.Control;
import dev.racer.sensor.CarView;
import dev.racer.sensor.Sensor;
import dev.racer.track.PolylineIndex;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;

/**
 * A classical baseline: pure pursuit of the centre line with a speed profile from its curvature.
 *
 * <p>Steering: the car aims its rear axle at the centre-line point a lookahead distance ahead of the front
 * point's projection, {@code lookahead = lookaheadBase + lookaheadGain × speed}, with the pure-pursuit law
 * {@code δ = atan(2 L sin α / d)}. Speed: the centre line's curvature κ is sampled every 5 cm (the circle
 * through the points {@code curvatureSpan} either side), giving a corner speed {@code sqrt(lateralAccel / κ)}
 * capped at {@code maxSpeed}; a backward pass limits deceleration to {@code brakeAccel}, and the car commands
 * the lowest profile speed within {@code previewTime × speed} ahead, to allow for the speed lag.
 *
 * <p>It reads the simulator state, not an observation (its sensor sees nothing). Deterministic.
 */
public final class PurePursuitDriver implements Driver {

    /**
     * @param lookaheadBase  lookahead at standstill [m]
     * @param lookaheadGain  extra lookahead per m/s of speed [s]
     * @param lateralAccel   lateral acceleration the speed profile allows in corners [m/s²]
     * @param brakeAccel     deceleration the profile allows on the way into a corner [m/s²]
     * @param previewTime    the commanded speed is the lowest of the profile this many seconds ahead [s]
     * @param maxSpeed       top speed [m/s]
     * @param curvatureSpan  half-span of the three-point curvature estimate [m]
     */
    public record Tuning(double lookaheadBase, double lookaheadGain, double lateralAccel, double brakeAccel,
                         double previewTime, double maxSpeed, double curvatureSpan) {
        public static final Tuning DEFAULT = new Tuning(0.35, 0.25, 7.5, 6.0, 0.30, 4.0, 0.35);
    }

    private static final double DS = 0.05;

    private final Tuning tuning;
    private final Projection target = new Projection();
    private TrackGeometry profiled;
    private double[] profile; // speed limit every profileDs along the centre line [m/s]
    private double profileDs;

    public PurePursuitDriver() {
        this(Tuning.DEFAULT);
    }

    public PurePursuitDriver(Tuning tuning) {
        this.tuning = tuning;
    }

    @Override
    public String name() {
        return "pure-pursuit";
    }

    @Override
    public Sensor newSensor() {
        return Sensor.none();
    }

    @Override
    public void reset(CarView env) {
        if (env.geometry() != profiled) {
            profiled = env.geometry();
            profile = speedProfile(profiled, tuning);
            profileDs = profiled.length() / profile.length;
        }
    }

    @Override
    public Control act(CarView env, float[] observation) {
        if (env.geometry() != profiled) {
            reset(env);
        }
        PolylineIndex center = profiled.center();
        double len = center.length();
        double v = env.carSpeed();
        double s = env.params().projectionDistance();
        double x = env.carX(), y = env.carY(), yaw = env.carYaw();
        double wheelbase = env.carSpec().wheelbase();

        double look = tuning.lookaheadBase() + tuning.lookaheadGain() * v;
        center.interpolate(wrap(s + look, len), target);
        double dx = target.x - x, dy = target.y - y;
        double d = Math.hypot(dx, dy);
        double alpha = Math.atan2(dy, dx) - yaw;
        alpha = Math.atan2(Math.sin(alpha), Math.cos(alpha));
        double delta = Math.atan2(2 * wheelbase * Math.sin(alpha), Math.max(d, 1e-6));
        double steer = Math.toDegrees(delta);

        int n = profile.length;
        int i0 = (int) (wrap(s, len) / profileDs);
        int span = 1 + (int) ((tuning.previewTime() * v) / profileDs);
        double speed = tuning.maxSpeed();
        for (int k = 0; k <= span; k++) {
            speed = Math.min(speed, profile[(i0 + k) % n]);
        }
        return new Control(steer, speed);
    }

    /** Speed limits [m/s] every {@value #DS} m along the centre line of {@code geo}. */
    static double[] speedProfile(TrackGeometry geo, Tuning t) {
        PolylineIndex c = geo.center();
        double len = c.length();
        int n = Math.max(3, (int) Math.ceil(len / DS));
        double ds = len / n;
        double[] v = new double[n];
        Projection a = new Projection(), b = new Projection(), m = new Projection();
        for (int i = 0; i < n; i++) {
            double s = i * ds;
            c.interpolate(wrap(s - t.curvatureSpan(), len), a);
            c.interpolate(s, m);
            c.interpolate(wrap(s + t.curvatureSpan(), len), b);
            double k = mengerCurvature(a.x, a.y, m.x, m.y, b.x, b.y);
            v[i] = k < 1e-9 ? t.maxSpeed() : Math.min(t.maxSpeed(), Math.sqrt(t.lateralAccel() / k));
        }
        // braking: v[i]^2 <= v[i+1]^2 + 2 a ds, around the loop twice so that it wraps
        for (int pass = 0; pass < 2; pass++) {
            for (int i = n - 1; i >= 0; i--) {
                double next = v[(i + 1) % n];
                v[i] = Math.min(v[i], Math.sqrt(next * next + 2 * t.brakeAccel() * ds));
            }
        }
        return v;
    }

    private static double mengerCurvature(double ax, double ay, double bx, double by, double cx, double cy) {
        double area2 = Math.abs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
        double ab = Math.hypot(bx - ax, by - ay), bc = Math.hypot(cx - bx, cy - by), ca = Math.hypot(ax - cx, ay - cy);
        double den = ab * bc * ca;
        return den < 1e-12 ? 0 : 2 * area2 / den;
    }

    private static double wrap(double s, double len) {
        double w = s % len;
        return w < 0 ? w + len : w;
    }
}
