package dev.racer.track;

/**
 * Point-in-road test in O(1): the road is the polygon with the outer border as shell and the inner border
 * as hole (DeepRacer's {@code Polygon(outer_border, [inner_border])}).
 *
 * <p>A uniform grid stores, per cell, whether the cell centre is on the road (computed once, exactly) and the
 * border edges that cross the cell. A query point flips that answer once for each of those edges that the
 * segment from the cell centre to the point crosses: both ends lie in the cell, so no other edge can cut it.
 * Outside the grid a point is off the road (the grid covers the whole polygon).
 */
public final class RoadIndex {
    private static final double MARGIN = 0.5;
    private static final int TARGET_CELLS = 60_000;
    private static final double MIN_CELL = 0.04;
    private static final double GRID_SHIFT = 0.2360679774997897; // √5 - 2: no simple fraction

    private final double[] ex0, ey0, ex1, ey1; // all border edges
    private final double minX, minY, cell;
    private final int nx, ny;
    private final boolean[] centreInside;
    private final int[] cellStart;
    private final int[] cellEdges;

    /**
     * @param outerX outer border x [m], closed (last vertex repeats the first)
     * @param innerX inner border x [m], closed likewise
     */
    public RoadIndex(double[] outerX, double[] outerY, double[] innerX, double[] innerY) {
        int no = outerX.length - 1, ni = innerX.length - 1;
        int m = no + ni;
        ex0 = new double[m];
        ey0 = new double[m];
        ex1 = new double[m];
        ey1 = new double[m];
        double loX = Double.POSITIVE_INFINITY, loY = Double.POSITIVE_INFINITY;
        double hiX = Double.NEGATIVE_INFINITY, hiY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            boolean outer = k < no;
            int i = outer ? k : k - no;
            double[] xs = outer ? outerX : innerX;
            double[] ys = outer ? outerY : innerY;
            ex0[k] = xs[i];
            ey0[k] = ys[i];
            ex1[k] = xs[i + 1];
            ey1[k] = ys[i + 1];
            loX = Math.min(loX, xs[i]);
            hiX = Math.max(hiX, xs[i]);
            loY = Math.min(loY, ys[i]);
            hiY = Math.max(hiY, ys[i]);
        }
        double w = hiX - loX + 2 * MARGIN;
        double h = hiY - loY + 2 * MARGIN;
        cell = Math.max(MIN_CELL, Math.sqrt(w * h / TARGET_CELLS));
        // shift the grid by an odd fraction of a cell: with a margin of a whole number of half cells, a row of cell
        // centres would lie exactly on an axis-parallel border at the track's edge (Tokyo_Training_track's bottom
        // straight), where inside and outside are ambiguous
        minX = loX - MARGIN - GRID_SHIFT * cell;
        minY = loY - MARGIN - GRID_SHIFT * cell;
        w += GRID_SHIFT * cell;
        h += GRID_SHIFT * cell;
        nx = (int) Math.ceil(w / cell);
        ny = (int) Math.ceil(h / cell);
        centreInside = new boolean[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                centreInside[j * nx + i] = containsBruteForce(minX + (i + 0.5) * cell, minY + (j + 0.5) * cell);
            }
        }
        // bucket each edge into the cells its bounding box overlaps (a superset of the cells it crosses)
        int[] counts = new int[nx * ny + 1];
        int[] edges = null;
        for (int pass = 0; pass < 2; pass++) {
            int[] fill = pass == 1 ? new int[nx * ny] : null;
            if (pass == 1) {
                edges = new int[counts[nx * ny]];
            }
            for (int k = 0; k < m; k++) {
                int i0 = clamp((int) Math.floor((Math.min(ex0[k], ex1[k]) - minX) / cell), nx);
                int i1 = clamp((int) Math.floor((Math.max(ex0[k], ex1[k]) - minX) / cell), nx);
                int j0 = clamp((int) Math.floor((Math.min(ey0[k], ey1[k]) - minY) / cell), ny);
                int j1 = clamp((int) Math.floor((Math.max(ey0[k], ey1[k]) - minY) / cell), ny);
                for (int j = j0; j <= j1; j++) {
                    for (int i = i0; i <= i1; i++) {
                        int c = j * nx + i;
                        if (pass == 0) {
                            counts[c + 1]++;
                        } else {
                            edges[counts[c] + fill[c]++] = k;
                        }
                    }
                }
            }
            if (pass == 0) {
                for (int c = 0; c < nx * ny; c++) {
                    counts[c + 1] += counts[c];
                }
            }
        }
        cellStart = counts;
        cellEdges = edges;
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : (v >= n ? n - 1 : v);
    }

    /** Whether (x, y) [m] is on the road. */
    public boolean contains(double x, double y) {
        int i = (int) Math.floor((x - minX) / cell);
        int j = (int) Math.floor((y - minY) / cell);
        if (i < 0 || j < 0 || i >= nx || j >= ny) {
            return false;
        }
        int c = j * nx + i;
        boolean inside = centreInside[c];
        double cx = minX + (i + 0.5) * cell;
        double cy = minY + (j + 0.5) * cell;
        for (int e = cellStart[c], end = cellStart[c + 1]; e < end; e++) {
            int k = cellEdges[e];
            if (segmentsCross(cx, cy, x, y, ex0[k], ey0[k], ex1[k], ey1[k])) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Even-odd ray casting over every border edge: the reference the grid must agree with. */
    public boolean containsBruteForce(double x, double y) {
        boolean inside = false;
        for (int k = 0; k < ex0.length; k++) {
            double ay = ey0[k], by = ey1[k];
            if ((ay > y) != (by > y)) {
                double xCross = ex0[k] + (y - ay) * (ex1[k] - ex0[k]) / (by - ay);
                if (x < xCross) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /** Proper crossing of segment p-q with segment a-b (half-open on the edge's ends, so shared vertices count once). */
    private static boolean segmentsCross(double px, double py, double qx, double qy,
                                         double ax, double ay, double bx, double by) {
        double d1 = cross(ax, ay, bx, by, px, py);
        double d2 = cross(ax, ay, bx, by, qx, qy);
        if ((d1 > 0) == (d2 > 0)) {
            return false;
        }
        double d3 = cross(px, py, qx, qy, ax, ay);
        double d4 = cross(px, py, qx, qy, bx, by);
        return (d3 > 0) != (d4 > 0);
    }

    private static double cross(double ax, double ay, double bx, double by, double cx, double cy) {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    }
}
