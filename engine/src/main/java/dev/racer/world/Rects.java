package dev.racer.world;

/**
 * Oriented rectangles on the floor as pure, allocation-free functions. A rectangle is given by its centre
 * (cx, cy), the unit vector of its length axis (c, s) = (cos heading, sin heading) and its half length
 * {@code hl} (along c, s) and half width {@code hw} (across).
 */
public final class Rects {
    private Rects() {
    }

    /** Whether (px, py) lies strictly inside the rectangle (shapely's {@code Polygon.contains}: the border is out). */
    public static boolean contains(double cx, double cy, double c, double s, double hl, double hw,
                                   double px, double py) {
        double dx = px - cx, dy = py - cy;
        double u = dx * c + dy * s;   // along
        double v = -dx * s + dy * c;  // across
        return Math.abs(u) < hl && Math.abs(v) < hw;
    }

    /**
     * DeepRacer's crash test ({@code TrackData.get_collided_object_name}): whether any corner of rectangle A
     * lies strictly inside rectangle B. Not a full overlap test: a thin B crossing A's middle is missed, as in
     * DeepRacer.
     */
    public static boolean anyCornerInside(double ax, double ay, double ac, double as, double ahl, double ahw,
                                          double bx, double by, double bc, double bs, double bhl, double bhw) {
        for (int k = 0; k < 4; k++) {
            double su = (k & 1) == 0 ? 1 : -1;
            double sv = (k & 2) == 0 ? 1 : -1;
            double px = ax + su * ahl * ac - sv * ahw * as;
            double py = ay + su * ahl * as + sv * ahw * ac;
            if (contains(bx, by, bc, bs, bhl, bhw, px, py)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the two rectangles overlap (separating-axis theorem; touching counts as no overlap). */
    public static boolean overlap(double ax, double ay, double ac, double as, double ahl, double ahw,
                                  double bx, double by, double bc, double bs, double bhl, double bhw) {
        double dx = bx - ax, dy = by - ay;
        // axes: A's length and width axes, then B's
        return !separated(dx, dy, ac, as, ahl, bc, bs, bhl, bhw)
                && !separated(dx, dy, -as, ac, ahw, bc, bs, bhl, bhw)
                && !separated(dx, dy, bc, bs, bhl, ac, as, ahl, ahw)
                && !separated(dx, dy, -bs, bc, bhw, ac, as, ahl, ahw);
    }

    /** Whether axis (nx, ny), on which the first rectangle reaches {@code r1}, separates the two. */
    private static boolean separated(double dx, double dy, double nx, double ny, double r1,
                                     double c2, double s2, double hl2, double hw2) {
        double r2 = hl2 * Math.abs(c2 * nx + s2 * ny) + hw2 * Math.abs(-s2 * nx + c2 * ny);
        return Math.abs(dx * nx + dy * ny) >= r1 + r2;
    }

    /**
     * Distance along the ray from (ox, oy) in unit direction (dx, dy) to where it enters the rectangle, or
     * {@code +Infinity} if it misses. A ray starting inside returns 0.
     */
    public static double rayEntry(double ox, double oy, double dx, double dy,
                                  double cx, double cy, double c, double s, double hl, double hw) {
        // into the rectangle's frame
        double rx = ox - cx, ry = oy - cy;
        double pu = rx * c + ry * s, pv = -rx * s + ry * c;
        double du = dx * c + dy * s, dv = -dx * s + dy * c;
        double tmin = 0, tmax = Double.POSITIVE_INFINITY;
        // slab along u
        if (Math.abs(du) < 1e-15) {
            if (Math.abs(pu) > hl) {
                return Double.POSITIVE_INFINITY;
            }
        } else {
            double t1 = (-hl - pu) / du, t2 = (hl - pu) / du;
            if (t1 > t2) {
                double t = t1;
                t1 = t2;
                t2 = t;
            }
            tmin = Math.max(tmin, t1);
            tmax = Math.min(tmax, t2);
        }
        if (Math.abs(dv) < 1e-15) {
            if (Math.abs(pv) > hw) {
                return Double.POSITIVE_INFINITY;
            }
        } else {
            double t1 = (-hw - pv) / dv, t2 = (hw - pv) / dv;
            if (t1 > t2) {
                double t = t1;
                t1 = t2;
                t2 = t;
            }
            tmin = Math.max(tmin, t1);
            tmax = Math.min(tmax, t2);
        }
        return tmin <= tmax ? tmin : Double.POSITIVE_INFINITY;
    }
}
