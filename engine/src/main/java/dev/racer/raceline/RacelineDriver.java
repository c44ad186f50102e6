package dev.racer.raceline;

import dev.racer.car.CarSpec;
import dev.racer.car.Control;
import dev.racer.race.BuiltInDriver;
import dev.racer.race.Driver;
import dev.racer.sensor.CarView;
import dev.racer.sensor.Sensor;
import dev.racer.track.PolylineIndex;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import java.util.List;

/**
 * Follows a {@link Raceline} at its speed profile: pure pursuit of the racing line (the rear axle aims at the
 * line's point a lookahead ahead, {@code lookahead = lookaheadBase + lookaheadGain × speed},
 * {@code δ = atan(2 L sin α / d)}), and commands the profile speed a little ahead of the car, {@code (tau +
 * previewTime) × speed} metres, so that the first-order speed lag lands the car on the profile.
 *
 * <p>The line is computed once per track and car in {@link #reset} and kept. It reads the simulator state,
 * not an observation (its sensor sees nothing); everything it reads from the environment is in
 * {@link #reset} and {@link #readState}. Deterministic. Not thread-safe (one per car).
 */
public final class RacelineDriver implements Driver {

    /**
     * @param lookaheadBase lookahead at standstill [m]
     * @param lookaheadGain extra lookahead per m/s of speed [s]
     * @param previewTime   extra speed preview beyond the car's speed time constant [s]
     */
    public record Tuning(double lookaheadBase, double lookaheadGain, double previewTime) {
        public static final Tuning DEFAULT = new Tuning(0.30, 0.15, 0.0);
    }

    private final Tuning tuning;
    private final RacelineConfig config;
    private final Projection onLine = new Projection();
    private final Projection target = new Projection();

    private TrackGeometry lineGeometry;
    private CarSpec lineCar;
    private Raceline line;
    private PolylineIndex path;     // the line, closed (last vertex = first)
    private double[] pathSpeed;     // profile speed at each vertex of path [m/s]

    // state read from the environment on each act
    private double carX, carY, carYaw, carSpeed;

    public RacelineDriver() {
        this(Tuning.DEFAULT, RacelineConfig.DEFAULT);
    }

    public RacelineDriver(Tuning tuning, RacelineConfig config) {
        this.tuning = tuning;
        this.config = config;
    }

    @Override
    public String name() {
        return "raceline";
    }

    @Override
    public Sensor newSensor() {
        return Sensor.none();
    }

    /** Computes the line when the track or the car changed since the last reset. */
    @Override
    public void reset(CarView env) {
        TrackGeometry geo = env.geometry();
        CarSpec car = env.carSpec();
        if (geo != lineGeometry || !car.equals(lineCar)) {
            useLine(Raceline.compute(geo, car, config), geo, car);
        }
    }

    /** Drives {@code l}, computed for {@code geo} and {@code car}, from now on (for tools that have it already). */
    public void useLine(Raceline l, TrackGeometry geo, CarSpec car) {
        int n = l.size();
        double[] px = new double[n + 1], py = new double[n + 1];
        pathSpeed = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            px[i] = l.x(i % n);
            py[i] = l.y(i % n);
            pathSpeed[i] = l.speed(i % n);
        }
        path = new PolylineIndex(px, py);
        line = l;
        lineGeometry = geo;
        lineCar = car;
    }

    /** The line being driven, or null before the first reset. */
    public Raceline line() {
        return line;
    }

    private void readState(CarView env) {
        carX = env.carX();
        carY = env.carY();
        carYaw = env.carYaw();
        carSpeed = env.carSpeed();
    }

    @Override
    public Control act(CarView env, float[] observation) {
        if (env.geometry() != lineGeometry) {
            reset(env);
        }
        readState(env);
        double len = path.length();
        double v = carSpeed;
        path.nearest(carX, carY, onLine);
        double s = onLine.along;

        double look = tuning.lookaheadBase() + tuning.lookaheadGain() * v;
        path.interpolate(wrap(s + lineCar.wheelbase() + look, len), target);
        double dx = target.x - carX, dy = target.y - carY;
        double d = Math.hypot(dx, dy);
        double alpha = Math.atan2(dy, dx) - carYaw;
        alpha = Math.atan2(Math.sin(alpha), Math.cos(alpha));
        double delta = Math.atan2(2 * lineCar.wheelbase() * Math.sin(alpha), Math.max(d, 1e-6));

        double preview = (lineCar.speedTimeConstant() + tuning.previewTime()) * Math.max(v, 0.5);
        double speed = speedAt(wrap(s + lineCar.frontPointOffset() + preview, len));
        return new Control(Math.toDegrees(delta), speed);
    }

    /** Profile speed [m/s] at {@code s} [m] along the line, linear between points. */
    private double speedAt(double s) {
        path.interpolate(s, target);
        int i = target.segment;
        return pathSpeed[i] + target.t * (pathSpeed[i + 1] - pathSpeed[i]);
    }

    private static double wrap(double s, double len) {
        double w = s % len;
        return w < 0 ? w + len : w;
    }

    /** Registers {@code --driver raceline}. */
    public static final class Provider implements BuiltInDriver {
        @Override
        public String name() {
            return "raceline";
        }

        @Override
        public List<String> aliases() {
            return List.of("racing-line", "min-curvature");
        }

        @Override
        public String description() {
            return "pure pursuit of the minimum-curvature racing line at its grip-limited speed profile";
        }

        @Override
        public Driver create() {
            return new RacelineDriver();
        }
    }
}
