package dev.racer.track;

/**
 * Nearest-point queries on a polyline in O(1) for points near it.
 *
 * <p>A uniform grid covers the polyline's bounding box plus a margin. Each cell keeps the segments that can
 * hold the nearest point for some point of the cell: with {@code c} the cell centre, {@code r} its half
 * diagonal and {@code d} the distance from {@code c} to the nearest segment, a segment farther than
 * {@code d + 2r} from {@code c} is never nearest for a point in the cell. Outside the grid the query falls
 * back to scanning every segment. Ties go to the lowest segment index, as GEOS's {@code project} does.
 */
public final class PolylineIndex {
    private static final double MARGIN = 2.0;       // [m] grid extends this far beyond the polyline
    private static final int TARGET_CELLS = 40_000;
    private static final double MIN_CELL = 0.05;    // [m]

    private final double[] px;
    private final double[] py;
    private final double[] cum;   // distance along the polyline at each vertex [m]
    private final int segments;
    private final double minX;
    private final double minY;
    private final double cell;
    private final int nx;
    private final int ny;
    private final int[] cellStart; // CSR: candidates of cell k are cellSegs[cellStart[k] .. cellStart[k+1])
    private final int[] cellSegs;

    /** @param x vertex x [m]; @param y vertex y [m]; segments join consecutive vertices */
    public PolylineIndex(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a polyline needs at least two vertices");
        }
        this.px = x.clone();
        this.py = y.clone();
        this.segments = x.length - 1;
        this.cum = new double[x.length];
        double loX = Double.POSITIVE_INFINITY, loY = Double.POSITIVE_INFINITY;
        double hiX = Double.NEGATIVE_INFINITY, hiY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            loX = Math.min(loX, x[i]);
            loY = Math.min(loY, y[i]);
            hiX = Math.max(hiX, x[i]);
            hiY = Math.max(hiY, y[i]);
            if (i > 0) {
                cum[i] = cum[i - 1] + Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
            }
        }
        minX = loX - MARGIN;
        minY = loY - MARGIN;
        double w = hiX - loX + 2 * MARGIN;
        double h = hiY - loY + 2 * MARGIN;
        cell = Math.max(MIN_CELL, Math.sqrt(w * h / TARGET_CELLS));
        nx = (int) Math.ceil(w / cell);
        ny = (int) Math.ceil(h / cell);
        cellStart = new int[nx * ny + 1];
        double r = cell * Math.sqrt(0.5);
        double[] d = new double[segments];
        int[] buf = new int[Math.max(16, segments)];
        IntList all = new IntList(nx * ny * 4);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double cx = minX + (i + 0.5) * cell;
                double cy = minY + (j + 0.5) * cell;
                double best = Double.POSITIVE_INFINITY;
                for (int s = 0; s < segments; s++) {
                    d[s] = Math.sqrt(segmentDistanceSq(s, cx, cy));
                    best = Math.min(best, d[s]);
                }
                double limit = best + 2 * r + 1e-9;
                int count = 0;
                for (int s = 0; s < segments; s++) {
                    if (d[s] <= limit) {
                        buf[count++] = s;
                    }
                }
                all.addAll(buf, count);
                cellStart[j * nx + i + 1] = all.size();
            }
        }
        cellSegs = all.toArray();
    }

    /** Total length [m]. */
    public double length() {
        return cum[segments];
    }

    /** Distance along the polyline at vertex {@code i} [m]. */
    public double along(int i) {
        return cum[i];
    }

    public int vertices() {
        return px.length;
    }

    public double x(int i) {
        return px[i];
    }

    public double y(int i) {
        return py[i];
    }

    /** Finds the nearest point of the polyline to (x, y) and writes it to {@code out}. */
    public void nearest(double x, double y, Projection out) {
        int i = (int) Math.floor((x - minX) / cell);
        int j = (int) Math.floor((y - minY) / cell);
        int from;
        int to;
        boolean grid = i >= 0 && j >= 0 && i < nx && j < ny;
        if (grid) {
            int k = j * nx + i;
            from = cellStart[k];
            to = cellStart[k + 1];
        } else {
            from = 0;
            to = segments;
        }
        double best = Double.POSITIVE_INFINITY;
        int bestSeg = 0;
        for (int c = from; c < to; c++) {
            int s = grid ? cellSegs[c] : c;
            double dsq = segmentDistanceSq(s, x, y);
            if (dsq < best) {
                best = dsq;
                bestSeg = s;
            }
        }
        fill(bestSeg, x, y, out);
    }

    /** Scans every segment: the reference the grid must agree with (tests use it). */
    public void nearestBruteForce(double x, double y, Projection out) {
        double best = Double.POSITIVE_INFINITY;
        int bestSeg = 0;
        for (int s = 0; s < segments; s++) {
            double dsq = segmentDistanceSq(s, x, y);
            if (dsq < best) {
                best = dsq;
                bestSeg = s;
            }
        }
        fill(bestSeg, x, y, out);
    }

    /** The point at distance {@code along} [m] from the first vertex, clamped to the polyline. */
    public void interpolate(double along, Projection out) {
        double a = Math.max(0, Math.min(along, cum[segments]));
        int lo = 0;
        int hi = segments - 1;
        while (lo < hi) { // last segment whose start is <= a
            int mid = (lo + hi + 1) >>> 1;
            if (cum[mid] <= a) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        double segLen = cum[lo + 1] - cum[lo];
        double t = segLen > 0 ? (a - cum[lo]) / segLen : 0;
        out.segment = lo;
        out.t = t;
        out.x = px[lo] + t * (px[lo + 1] - px[lo]);
        out.y = py[lo] + t * (py[lo + 1] - py[lo]);
        out.distance = 0;
        out.along = a;
    }

    private void fill(int s, double x, double y, Projection out) {
        double ax = px[s], ay = py[s];
        double dx = px[s + 1] - ax, dy = py[s + 1] - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
        t = t < 0 ? 0 : (t > 1 ? 1 : t);
        double qx = ax + t * dx, qy = ay + t * dy;
        out.segment = s;
        out.t = t;
        out.x = qx;
        out.y = qy;
        out.distance = Math.hypot(x - qx, y - qy);
        out.along = cum[s] + t * (cum[s + 1] - cum[s]);
    }

    private double segmentDistanceSq(int s, double x, double y) {
        double ax = px[s], ay = py[s];
        double dx = px[s + 1] - ax, dy = py[s + 1] - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
        t = t < 0 ? 0 : (t > 1 ? 1 : t);
        double ex = ax + t * dx - x, ey = ay + t * dy - y;
        return ex * ex + ey * ey;
    }

    /** Growable int array for building the grid. */
    static final class IntList {
        private int[] a;
        private int n;

        IntList(int capacity) {
            a = new int[Math.max(16, capacity)];
        }

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        void addAll(int[] src, int count) {
            if (n + count > a.length) {
                a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + count));
            }
            System.arraycopy(src, 0, a, n, count);
            n += count;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
