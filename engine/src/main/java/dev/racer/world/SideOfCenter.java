package dev.racer.world;

import dev.racer.track.TrackGeometry;

/**
 * DeepRacer's {@code _inner_poly_} test for {@code objects_left_of_center}. On a loop the polygon is the
 * centre line with the inner border as a hole; on an open track it is the centre line followed by the inner
 * border reversed. A point exactly on the centre line is outside (shapely's {@code contains}).
 */
final class SideOfCenter {
    private SideOfCenter() {
    }

    /** DeepRacer's {@code is_ccw}: a loop's centre line as driven; an open track counts as counter-clockwise. */
    static boolean ccw(TrackGeometry g) {
        return g.track().isLoop() ? g.ccw() : !g.reversed();
    }

    static boolean inInnerPolygon(TrackGeometry g, double px, double py) {
        int n = g.size();
        if (g.track().isLoop()) {
            return crossings(g, px, py, true, 0, n) % 2 == 1 && crossings(g, px, py, false, 0, n) % 2 == 0;
        }
        // open track: centre rows 0..n-1, then inner rows n-1..0, closed back to centre row 0
        int c = crossings(g, px, py, true, 0, n); // centre polyline's own segments
        c += edge(g.centerX(n - 1), g.centerY(n - 1), g.innerX(n - 1), g.innerY(n - 1), px, py);
        c += crossings(g, px, py, false, 0, n);
        c += edge(g.innerX(0), g.innerY(0), g.centerX(0), g.centerY(0), px, py);
        return c % 2 == 1;
    }

    /** Even-odd crossings of a horizontal ray from (px, py) with the segments between rows from..to-1. */
    private static int crossings(TrackGeometry g, double px, double py, boolean center, int from, int to) {
        int c = 0;
        for (int k = from; k + 1 < to; k++) {
            c += center
                    ? edge(g.centerX(k), g.centerY(k), g.centerX(k + 1), g.centerY(k + 1), px, py)
                    : edge(g.innerX(k), g.innerY(k), g.innerX(k + 1), g.innerY(k + 1), px, py);
        }
        return c;
    }

    private static int edge(double ax, double ay, double bx, double by, double px, double py) {
        if ((ay > py) == (by > py)) {
            return 0;
        }
        double xCross = ax + (py - ay) * (bx - ax) / (by - ay);
        return px < xCross ? 1 : 0;
    }
}
