package dev.racer.raceline;

import dev.racer.car.CarSpec;
import dev.racer.track.PolylineIndex;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;

/**
 * A racing line around a track and the speed the car can hold along it: the minimum-curvature line inside the
 * borders less a margin ({@link MinCurvature}), and a grip-limited speed profile ({@link SpeedProfile}).
 * Immutable; the arrays are copies on the way out. Deterministic: the same track, car and config give the
 * same line.
 *
 * <p>Point {@code i} is at {@code (x(i), y(i))}, {@code along(i)} metres along the line from point 0 (which
 * is level with the track's start row), with signed curvature {@code curvature(i)} [1/m, + left] and speed
 * {@code speed(i)} [m/s]; the loop closes from the last point back to point 0.
 */
public final class Raceline {
    private final String trackId;
    private final double[] x, y, along, curvature, speed;
    private final double length;
    private final double lapTime;
    private final double keepOut;

    private Raceline(String trackId, double[] x, double[] y, double[] curvature, double[] speed, double keepOut) {
        this.trackId = trackId;
        this.x = x;
        this.y = y;
        this.curvature = curvature;
        this.speed = speed;
        this.keepOut = keepOut;
        int n = x.length;
        along = new double[n];
        double s = 0, t = 0;
        for (int i = 0; i < n; i++) {
            along[i] = s;
            int q = (i + 1) % n;
            double ds = Math.hypot(x[q] - x[i], y[q] - y[i]);
            s += ds;
            t += 2 * ds / (speed[i] + speed[q]);
        }
        length = s;
        lapTime = t;
    }

    /** The minimum-curvature line of {@code geo} for {@code car}, with its speed profile. */
    public static Raceline compute(TrackGeometry geo, CarSpec car, RacelineConfig config) {
        PolylineIndex c = geo.center();
        double len = c.length();
        int n = Math.max(8, (int) Math.round(len / config.spacing()));
        double keepOut = car.axleTrack() / 2 + config.margin();
        double[] ax = new double[n], ay = new double[n], dx = new double[n], dy = new double[n];
        double[] lo = new double[n], hi = new double[n];
        Projection p = new Projection();
        for (int i = 0; i < n; i++) {
            c.interpolate(len * i / n, p);
            int a = p.segment, b = a + 1;
            double t = p.t;
            double ix = lerp(geo.innerX(a), geo.innerX(b), t), iy = lerp(geo.innerY(a), geo.innerY(b), t);
            double ox = lerp(geo.outerX(a), geo.outerX(b), t), oy = lerp(geo.outerY(a), geo.outerY(b), t);
            ax[i] = ix;
            ay[i] = iy;
            dx[i] = ox - ix;
            dy[i] = oy - iy;
            double w = Math.hypot(dx[i], dy[i]);
            double f = keepOut / Math.max(w, 1e-9);
            if (f >= 0.5) { // narrower than the car plus margins: the middle is the best there is
                lo[i] = hi[i] = 0.5;
            } else {
                lo[i] = f;
                hi[i] = 1 - f;
            }
        }
        double[] u = MinCurvature.solve(ax, ay, dx, dy, lo, hi, config.maxIterations());
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ax[i] + u[i] * dx[i];
            y[i] = ay[i] + u[i] * dy[i];
        }
        double[] k = curvatures(x, y);
        double[] v = SpeedProfile.compute(x, y, k, car, config);
        return new Raceline(geo.track().id(), x, y, k, v, keepOut);
    }

    /** Signed Menger curvature of the closed polyline at each point [1/m, + left]. */
    static double[] curvatures(double[] x, double[] y) {
        int n = x.length;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            int p = (i + n - 1) % n, q = (i + 1) % n;
            double cross = (x[i] - x[p]) * (y[q] - y[p]) - (y[i] - y[p]) * (x[q] - x[p]);
            double den = Math.hypot(x[i] - x[p], y[i] - y[p]) * Math.hypot(x[q] - x[i], y[q] - y[i])
                    * Math.hypot(x[q] - x[p], y[q] - y[p]);
            k[i] = den < 1e-15 ? 0 : 2 * cross / den;
        }
        return k;
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    public String trackId() {
        return trackId;
    }

    /** Points on the line. */
    public int size() {
        return x.length;
    }

    public double x(int i) { return x[i]; }
    public double y(int i) { return y[i]; }
    /** distance along the line from point 0 [m] */
    public double along(int i) { return along[i]; }
    /** signed curvature [1/m, + left] */
    public double curvature(int i) { return curvature[i]; }
    /** profile speed [m/s] */
    public double speed(int i) { return speed[i]; }

    /** Length of the closed line [m]. */
    public double length() {
        return length;
    }

    /** Predicted flying-lap time along the profile [s] (no standing start, no control lag). */
    public double lapTime() {
        return lapTime;
    }

    /** Distance from each border the line's points keep, measured across the road: half-width + margin [m]. */
    public double keepOut() {
        return keepOut;
    }

    public double minSpeed() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : speed) {
            m = Math.min(m, v);
        }
        return m;
    }

    public double maxSpeed() {
        double m = 0;
        for (double v : speed) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Largest |curvature| [1/m]. */
    public double maxCurvature() {
        double m = 0;
        for (double k : curvature) {
            m = Math.max(m, Math.abs(k));
        }
        return m;
    }
}
