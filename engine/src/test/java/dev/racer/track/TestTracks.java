package dev.racer.track;

/** Hand-made tracks whose geometry is known exactly. */
public final class TestTracks {
    private TestTracks() {
    }

    /**
     * A counter-clockwise circle of centre-line radius {@code r} [m] and width {@code w} [m], with {@code n}
     * distinct waypoints at angles 2πk/n starting on +x (so the track starts at (r, 0) heading +y); the last
     * row repeats the first.
     */
    public static Track circle(double r, double w, int n) {
        double[][] rows = new double[n + 1][];
        for (int k = 0; k <= n; k++) {
            double a = 2 * Math.PI * (k % n) / n;
            double c = Math.cos(a), s = Math.sin(a);
            rows[k] = new double[] {r * c, r * s, (r - w / 2) * c, (r - w / 2) * s, (r + w / 2) * c, (r + w / 2) * s};
        }
        return new Track("circle", "Circle r=" + r, Direction.COUNTERCLOCKWISE, "test", rows);
    }

    /**
     * A counter-clockwise rectangle: centre line through (0,0) → (a,0) → (a,b) → (0,b) → (0,0), width
     * {@code w}, waypoints every {@code step} metres along each side (corners included), inner border inset
     * by w/2 and outer border outset by w/2 (corner rows use the corner points of the offset rectangles).
     */
    public static Track rectangle(double a, double b, double w, double step) {
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        double h = w / 2;
        double[][] corners = {{0, 0}, {a, 0}, {a, b}, {0, b}};
        double[][] inner = {{h, h}, {a - h, h}, {a - h, b - h}, {h, b - h}};
        double[][] outer = {{-h, -h}, {a + h, -h}, {a + h, b + h}, {-h, b + h}};
        for (int side = 0; side < 4; side++) {
            double[] p = corners[side], q = corners[(side + 1) % 4];
            double len = Math.hypot(q[0] - p[0], q[1] - p[1]);
            double dx = (q[0] - p[0]) / len, dy = (q[1] - p[1]) / len;
            double nx = -dy, ny = dx; // left normal: the infield of a counter-clockwise loop
            int m = (int) Math.round(len / step);
            for (int k = 0; k < m; k++) {
                double cx = lerp(p[0], q[0], (double) k / m), cy = lerp(p[1], q[1], (double) k / m);
                if (k == 0) {
                    rows.add(new double[] {cx, cy, inner[side][0], inner[side][1], outer[side][0], outer[side][1]});
                } else {
                    rows.add(new double[] {cx, cy, cx + h * nx, cy + h * ny, cx - h * nx, cy - h * ny});
                }
            }
        }
        rows.add(rows.get(0).clone());
        return new Track("rectangle", "Rectangle", Direction.COUNTERCLOCKWISE, "test", rows.toArray(new double[0][]));
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
