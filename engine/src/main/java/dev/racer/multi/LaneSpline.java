package dev.racer.multi;

import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;

/**
 * One lane of a loop track as the simapp's bot cars drive it ({@code TrackSpline}): a closed curve through the
 * lane's points, parameterised by <em>centre-line</em> distance, so a bot at centre-line distance {@code d} is at
 * {@code eval(d)} whatever its lane. The lanes are the simapp's: inner = midpoints of centre and inner border,
 * outer = midpoints of centre and outer border, centre = the centre line. Each lane point's parameter is its
 * projection on the centre line, with the simapp's wrap fixes at the start and end.
 *
 * <p>The simapp fits scipy's periodic interpolating cubic B-spline ({@code splprep(k=3, s=0, per=1)}); Racer
 * uses a C1 cubic Hermite (Catmull-Rom) interpolant through the same points and parameters: the same points
 * are hit exactly, between them the two differ by millimetres on DeepRacer's tracks. Immutable; {@link #eval}
 * allocates nothing.
 */
public final class LaneSpline {
    /** The simapp's {@code TrackLane}. */
    public enum Lane { INNER, OUTER, CENTER }

    private final double length;
    private final double[] u, x, y; // strictly increasing u from 0 to length; last point = first point

    /** The lane {@code lane} of {@code g} (a loop). */
    public LaneSpline(TrackGeometry g, Lane lane) {
        int n = g.size(); // closing row included
        length = g.length();
        double[] px = new double[n], py = new double[n], pu = new double[n];
        Projection p = new Projection();
        for (int k = 0; k < n; k++) {
            px[k] = switch (lane) {
                case INNER -> (g.innerX(k) + g.centerX(k)) / 2;
                case OUTER -> (g.outerX(k) + g.centerX(k)) / 2;
                case CENTER -> g.centerX(k);
            };
            py[k] = switch (lane) {
                case INNER -> (g.innerY(k) + g.centerY(k)) / 2;
                case OUTER -> (g.outerY(k) + g.centerY(k)) / 2;
                case CENTER -> g.centerY(k);
            };
            g.center().nearest(px[k], py[k], p);
            pu[k] = p.along;
        }
        // the simapp's wrap fixes: leading points projected past half the lap belong before the start,
        // trailing points projected before half the lap belong after the end
        for (int k = 0; k < n; k++) {
            if (pu[k] < 0.5 * length) {
                break;
            }
            pu[k] -= length;
        }
        for (int k = n - 1; k > 0; k--) {
            if (pu[k] > 0.5 * length) {
                break;
            }
            pu[k] += length;
        }
        // keep strictly increasing parameters inside [0, length] (np.unique's role), pin both ends
        double[] ku = new double[n + 1], kx = new double[n + 1], ky = new double[n + 1];
        int m = 0;
        for (int k = 0; k < n - 1; k++) {
            if (pu[k] < 0 || pu[k] >= length || (m > 0 && pu[k] <= ku[m - 1] + 1e-9)) {
                continue;
            }
            ku[m] = pu[k];
            kx[m] = px[k];
            ky[m] = py[k];
            m++;
        }
        if (m < 3) {
            throw new IllegalArgumentException("track " + g.track().id() + ": its " + lane.name().toLowerCase()
                    + " lane has fewer than 3 distinct points; bot cars need a loop track");
        }
        ku[0] = 0; // the start row's lane point sits level with the start line
        ku[m] = length;
        kx[m] = kx[0];
        ky[m] = ky[0];
        m++;
        u = java.util.Arrays.copyOf(ku, m);
        x = java.util.Arrays.copyOf(kx, m);
        y = java.util.Arrays.copyOf(ky, m);
    }

    /** Centre-line length of the loop [m]. */
    public double length() {
        return length;
    }

    /**
     * The lane point at centre-line distance {@code d} [m] (any value: wrapped onto the lap) and its
     * derivative with respect to {@code d}, written to {@code out}.
     */
    public void eval(double d, LanePoint out) {
        d = d - length * Math.floor(d / length);
        int m = u.length;
        int lo = 0, hi = m - 1; // find k with u[k] <= d < u[k+1]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (u[mid] <= d) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        int k = lo, k1 = lo + 1;
        double h = u[k1] - u[k];
        double t = (d - u[k]) / h;
        // Catmull-Rom tangents on a periodic, non-uniform parameter (first and last point coincide)
        int km = k == 0 ? m - 2 : k - 1;
        double ukm = k == 0 ? u[m - 2] - length : u[km];
        int kp = k1 == m - 1 ? 1 : k1 + 1;
        double ukp = k1 == m - 1 ? u[1] + length : u[kp];
        double mx0 = (x[k1] - x[km]) / (u[k1] - ukm), my0 = (y[k1] - y[km]) / (u[k1] - ukm);
        double mx1 = (x[kp] - x[k]) / (ukp - u[k]), my1 = (y[kp] - y[k]) / (ukp - u[k]);
        double t2 = t * t, t3 = t2 * t;
        double h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2;
        out.x = h00 * x[k] + h10 * h * mx0 + h01 * x[k1] + h11 * h * mx1;
        out.y = h00 * y[k] + h10 * h * my0 + h01 * y[k1] + h11 * h * my1;
        double d00 = 6 * t2 - 6 * t, d10 = 3 * t2 - 4 * t + 1, d01 = -6 * t2 + 6 * t, d11 = 3 * t2 - 2 * t;
        out.dx = (d00 * x[k] + d01 * x[k1]) / h + d10 * mx0 + d11 * mx1;
        out.dy = (d00 * y[k] + d01 * y[k1]) / h + d10 * my0 + d11 * my1;
    }

    /** A point on a lane and its derivative by centre-line distance (mutable scratch). */
    public static final class LanePoint {
        /** position [m] */
        public double x, y;
        /** derivative of the position by centre-line distance [m/m] */
        public double dx, dy;
    }
}
