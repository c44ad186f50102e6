package dev.racer.track;

import static dev.racer.track.TrackValidator.MAX_LISTED;
import static dev.racer.track.TrackValidator.fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * The road checks of {@link TrackValidator}: the road is the polygon between the outer border and the inner
 * border (its hole), as DeepRacer's simulator builds it ({@code Polygon(outer, [inner])}). Checked: no zero
 * width at a row, the borders not swapped, neither border crossing the other or itself, and the centre line
 * inside the road (every centre point inside the polygon, no centre segment crossing a border). A row's border
 * points need not lie level with its centre point. Segment pairs are tested with a bounding-box filter, O(n²):
 * a few milliseconds for DeepRacer's largest routes (about 400 rows).
 */
final class RoadCheck {
    private RoadCheck() {
    }

    /**
     * @param r        the rows in use, closing row included
     * @param orig     each row's number in the file (messages name file rows)
     * @param measured the centre line's direction
     * @param errors   receives one sentence per problem (at most {@value TrackValidator#MAX_LISTED} per kind)
     */
    static void check(double[][] r, int[] orig, Direction measured, List<String> errors) {
        int n = r.length - 1;
        double[] cx = column(r, 0), cy = column(r, 1), ix = column(r, 2), iy = column(r, 3), ox = column(r, 4),
                oy = column(r, 5);
        int before = errors.size();
        zeroWidth(r, orig, errors);
        double innerArea = Math.abs(area(ix, iy, n));
        double outerArea = Math.abs(area(ox, oy, n));
        if (innerArea > outerArea) {
            errors.add("rows 0 to " + orig[n - 1] + ": negative width: every row has the inner and outer border"
                    + " points swapped (the inner border encloses " + fmt(innerArea, 2) + " m², the outer "
                    + fmt(outerArea, 2) + " m²); expected the inner border inside the outer one on a "
                    + measured.json() + " track: exchange the inner and outer columns");
            return;
        }
        crossings(ix, iy, "inner border", ox, oy, "outer border", orig, false, errors);
        crossings(ix, iy, "inner border", ix, iy, "itself", orig, true, errors);
        crossings(ox, oy, "outer border", ox, oy, "itself", orig, true, errors);
        centreOnRoad(cx, cy, ix, iy, ox, oy, orig, errors);
        if (errors.size() == before) { // a centre segment leaving the road between points on it: only then news
            crossings(cx, cy, "centre line", ix, iy, "inner border", orig, false, errors);
            crossings(cx, cy, "centre line", ox, oy, "outer border", orig, false, errors);
        }
    }

    private static void zeroWidth(double[][] r, int[] orig, List<String> errors) {
        int count = 0;
        for (int i = 0; i < r.length - 1; i++) {
            double[] p = r[i];
            double w = Math.hypot(p[4] - p[2], p[5] - p[3]);
            if (w < TrackValidator.MIN_WIDTH_M && count++ < MAX_LISTED) {
                errors.add("row " + orig[i] + ": zero width: the inner and outer border points are " + fmt(w, 4)
                        + " m apart at (" + fmt(p[2], 3) + ", " + fmt(p[3], 3) + "); expected at least "
                        + TrackValidator.MIN_WIDTH_M + " m");
            }
        }
        if (count > MAX_LISTED) {
            errors.add("and " + (count - MAX_LISTED) + " more rows with zero width");
        }
    }

    /** Every centre point strictly inside the outer border and outside the inner one (even-odd ray casting). */
    private static void centreOnRoad(double[] cx, double[] cy, double[] ix, double[] iy, double[] ox, double[] oy,
                                     int[] orig, List<String> errors) {
        int n = cx.length - 1;
        int count = 0;
        for (int i = 0; i < n; i++) {
            boolean inOuter = inside(ox, oy, cx[i], cy[i]);
            boolean inInner = inside(ix, iy, cx[i], cy[i]);
            if ((!inOuter || inInner) && count++ < MAX_LISTED) {
                errors.add("row " + orig[i] + ": the centre point (" + fmt(cx[i], 3) + ", " + fmt(cy[i], 3)
                        + ") is off the road (" + (!inOuter ? "outside the outer border" : "inside the inner border")
                        + "); expected it between the borders");
            }
        }
        if (count > MAX_LISTED) {
            errors.add("and " + (count - MAX_LISTED) + " more centre points off the road");
        }
    }

    /**
     * Segments of polyline A (rows k..k+1) against those of polyline B; with {@code self}, A against itself,
     * skipping segments that share a row (or are joined by zero-length segments).
     */
    private static void crossings(double[] ax, double[] ay, String aName, double[] bx, double[] by, String bName,
                                  int[] orig, boolean self, List<String> errors) {
        int n = ax.length - 1;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double x1 = ax[i], y1 = ay[i], x2 = ax[i + 1], y2 = ay[i + 1];
            if (self && x1 == x2 && y1 == y2) {
                continue;
            }
            double minX = Math.min(x1, x2), maxX = Math.max(x1, x2), minY = Math.min(y1, y2), maxY = Math.max(y1, y2);
            for (int j = self ? i + 1 : 0; j < n; j++) {
                double x3 = bx[j], y3 = by[j], x4 = bx[j + 1], y4 = by[j + 1];
                if (Math.max(x3, x4) < minX || Math.min(x3, x4) > maxX || Math.max(y3, y4) < minY
                        || Math.min(y3, y4) > maxY) {
                    continue;
                }
                if (self && (x3 == x4 && y3 == y4 || joined(ax, ay, i, j, n))) {
                    continue;
                }
                double[] hit = TrackValidator.intersection(x1, y1, x2, y2, x3, y3, x4, y4);
                if (hit != null && count++ < MAX_LISTED) {
                    errors.add("the " + aName + " between rows " + orig[i] + " and " + orig[i + 1] + " crosses "
                            + (self ? "itself between rows " : "the " + bName + " between rows ") + orig[j] + " and "
                            + orig[j + 1] + " at (" + fmt(hit[0], 3) + ", " + fmt(hit[1], 3) + "); expected "
                            + (self ? "a border never to meet itself" : aName.equals("centre line")
                            ? "the centre line to stay on the road" : "the borders never to meet"));
                }
            }
        }
        if (count > MAX_LISTED) {
            errors.add("and " + (count - MAX_LISTED) + " more crossings of the " + aName
                    + (self ? " with itself" : " and the " + bName));
        }
    }

    /** Whether segments i and j (i &lt; j) of a closed polyline meet at a shared point through zero-length segments. */
    private static boolean joined(double[] x, double[] y, int i, int j, int n) {
        // forwards from the end of segment i
        int k = i + 1;
        while (k < j && x[k] == x[k + 1] && y[k] == y[k + 1]) {
            k++;
        }
        if (k == j) {
            return true;
        }
        // around the closing row from the end of segment j back to the start of segment i
        k = (j + 1) % n;
        while (k != i && x[k] == x[k + 1] && y[k] == y[k + 1]) {
            k = (k + 1) % n;
        }
        return k == i;
    }

    private static boolean inside(double[] x, double[] y, double px, double py) {
        boolean in = false;
        int n = x.length - 1;
        for (int i = 0; i < n; i++) {
            double xa = x[i], ya = y[i], xb = x[i + 1], yb = y[i + 1];
            if ((ya > py) != (yb > py) && px < xa + (py - ya) * (xb - xa) / (yb - ya)) {
                in = !in;
            }
        }
        return in;
    }

    private static double area(double[] x, double[] y, int n) {
        double a = 0;
        for (int i = 0; i < n; i++) {
            a += x[i] * y[i + 1] - x[i + 1] * y[i];
        }
        return a / 2;
    }

    private static double[] column(double[][] r, int c) {
        double[] v = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            v[i] = r[i][c];
        }
        return v;
    }
}
