package dev.racer.render;

import dev.racer.track.TrackGeometry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the world looks like: a flat ground mesh (grass, the track ribbon, white borders, the dashed centre
 * line and a chequered start line, in painter's order on the plane z = 0) plus the {@link CarModel}. One
 * description for the OpenGL viewer and the camera sensor's rasterizer.
 *
 * <p>Immutable and thread-safe; {@link #of} caches one per geometry.
 */
public final class TrackScene {
    /** sky (the clear colour) */
    public static final int SKY = 0xA8C8E8;
    public static final int GRASS = 0x4E8A3A;
    public static final int ROAD = 0x3C3C40;
    public static final int BORDER = 0xF2F2F2;
    public static final int CENTER_LINE = 0xF0C83C;
    public static final int START_DARK = 0x202020;
    public static final int START_LIGHT = 0xF2F2F2;

    /** width of the white border lines, inside the road edge [m] */
    public static final double BORDER_WIDTH = 0.05;
    /** width of the centre line [m] */
    public static final double CENTER_WIDTH = 0.03;
    /** length of a centre-line dash and of the gap after it [m] */
    public static final double DASH = 0.15;
    /** grass around the track's bounding box [m] */
    public static final double GRASS_MARGIN = 12.0;
    /** segments per culling batch */
    private static final int CHUNK = 6;

    private static final Map<TrackGeometry, TrackScene> CACHE = new ConcurrentHashMap<>();

    private final TrackGeometry geometry;
    private final Mesh ground;
    private final float minX, minY, maxX, maxY;

    private TrackScene(TrackGeometry geo) {
        this.geometry = geo;
        float x0 = Float.POSITIVE_INFINITY, y0 = x0, x1 = Float.NEGATIVE_INFINITY, y1 = x1;
        for (int k = 0; k < geo.size(); k++) {
            x0 = (float) Math.min(x0, Math.min(geo.innerX(k), geo.outerX(k)));
            y0 = (float) Math.min(y0, Math.min(geo.innerY(k), geo.outerY(k)));
            x1 = (float) Math.max(x1, Math.max(geo.innerX(k), geo.outerX(k)));
            y1 = (float) Math.max(y1, Math.max(geo.innerY(k), geo.outerY(k)));
        }
        minX = x0;
        minY = y0;
        maxX = x1;
        maxY = y1;
        ground = buildGround(geo);
    }

    /** The (cached) scene of a track geometry. */
    public static TrackScene of(TrackGeometry geo) {
        return CACHE.computeIfAbsent(geo, TrackScene::new);
    }

    public TrackGeometry geometry() {
        return geometry;
    }

    /** The ground layers, z = 0, in painter's order: draw with the depth test off. */
    public Mesh ground() {
        return ground;
    }

    /** Bounding box of the track's borders [m]: minX, minY, maxX, maxY. */
    public float minX() { return minX; }
    public float minY() { return minY; }
    public float maxX() { return maxX; }
    public float maxY() { return maxY; }

    private Mesh buildGround(TrackGeometry g) {
        Mesh.Builder b = new Mesh.Builder();
        int n = g.size();
        double m = GRASS_MARGIN;
        b.batch().quad(minX - m, minY - m, maxX + m, minY - m, maxX + m, maxY + m, minX - m, maxY + m, 0, GRASS);

        // the road: quads between the borders, row k to k + 1
        for (int k = 0; k + 1 < n; k++) {
            if (k % CHUNK == 0) {
                b.batch();
            }
            b.quad(g.innerX(k), g.innerY(k), g.outerX(k), g.outerY(k), g.outerX(k + 1), g.outerY(k + 1),
                    g.innerX(k + 1), g.innerY(k + 1), 0, ROAD);
        }
        // white borders: strips from each border towards the centre line
        for (int side = 0; side < 2; side++) {
            int prevA = -1, prevB = -1;
            for (int k = 0; k < n; k++) {
                double ex = side == 0 ? g.innerX(k) : g.outerX(k), ey = side == 0 ? g.innerY(k) : g.outerY(k);
                double ux = g.centerX(k) - ex, uy = g.centerY(k) - ey;
                double len = Math.hypot(ux, uy);
                double s = len > 1e-9 ? Math.min(BORDER_WIDTH, len) / len : 0;
                int a = b.vertex(ex, ey, 0), c = b.vertex(ex + ux * s, ey + uy * s, 0);
                if (k > 0) {
                    if ((k - 1) % CHUNK == 0) {
                        b.batch();
                    }
                    b.quad(prevA, a, c, prevB, BORDER);
                }
                prevA = a;
                prevB = c;
            }
        }
        // dashed centre line
        b.batch();
        int dashes = 0;
        // unit normals of the segments, and at each row their mean (so dashes bend without a notch)
        double[] snx = new double[n], sny = new double[n], vnx = new double[n], vny = new double[n];
        for (int k = 0; k + 1 < n; k++) {
            double dx = g.centerX(k + 1) - g.centerX(k), dy = g.centerY(k + 1) - g.centerY(k);
            double len = Math.hypot(dx, dy);
            if (len >= 1e-9) {
                snx[k] = -dy / len;
                sny[k] = dx / len;
            }
        }
        for (int k = 0; k < n; k++) {
            int prev = k > 0 ? k - 1 : n - 2, next = Math.min(k, n - 2);
            double x = snx[prev] + snx[next], y = sny[prev] + sny[next], l = Math.hypot(x, y);
            vnx[k] = l > 1e-6 ? x / l : snx[next];
            vny[k] = l > 1e-6 ? y / l : sny[next];
        }
        double hw = CENTER_WIDTH / 2;
        double along = 0;       // distance along the centre line at the start of segment k
        for (int k = 0; k + 1 < n; k++) {
            double ax = g.centerX(k), ay = g.centerY(k);
            double dx = g.centerX(k + 1) - ax, dy = g.centerY(k + 1) - ay;
            double len = Math.hypot(dx, dy);
            if (len < 1e-9) {
                continue;
            }
            double ux = dx / len, uy = dy / len;
            // the pieces of dashes [2jD, 2jD + D) that fall in [along, along + len)
            long j0 = (long) Math.floor(along / (2 * DASH)), j1 = (long) Math.floor((along + len) / (2 * DASH));
            for (long j = j0; j <= j1; j++) {
                double s0 = Math.max(along, 2 * DASH * j) - along, s1 = Math.min(along + len, 2 * DASH * j + DASH) - along;
                if (s1 - s0 < 1e-6) {
                    continue;
                }
                double px = ax + ux * s0, py = ay + uy * s0, qx = ax + ux * s1, qy = ay + uy * s1;
                boolean atStart = s0 < 1e-9, atEnd = s1 > len - 1e-9;
                double nx = hw * (atStart ? vnx[k] : snx[k]), ny = hw * (atStart ? vny[k] : sny[k]);
                double mx = hw * (atEnd ? vnx[k + 1] : snx[k]), my = hw * (atEnd ? vny[k + 1] : sny[k]);
                b.quad(px + nx, py + ny, px - nx, py - ny, qx - mx, qy - my, qx + mx, qy + my, 0, CENTER_LINE);
                if (++dashes % (2 * CHUNK) == 0) {
                    b.batch();
                }
            }
            along += len;
        }
        // chequered start line across row 0, two rows of squares just past the line
        b.batch();
        double ix = g.innerX(0), iy = g.innerY(0), ox = g.outerX(0), oy = g.outerY(0);
        double width = Math.hypot(ox - ix, oy - iy);
        int squares = Math.max(2, (int) Math.round(width / 0.06));
        double hx = g.centerX(1) - g.centerX(0), hy = g.centerY(1) - g.centerY(0);
        double hl = Math.hypot(hx, hy);
        double sq = width / squares;
        hx = hx / hl * sq;
        hy = hy / hl * sq;
        for (int row = 0; row < 2; row++) {
            for (int i = 0; i < squares; i++) {
                double f0 = (double) i / squares, f1 = (double) (i + 1) / squares;
                double p0x = ix + (ox - ix) * f0 + hx * row, p0y = iy + (oy - iy) * f0 + hy * row;
                double p1x = ix + (ox - ix) * f1 + hx * row, p1y = iy + (oy - iy) * f1 + hy * row;
                int col = ((i + row) & 1) == 0 ? START_LIGHT : START_DARK;
                b.quad(p0x, p0y, p1x, p1y, p1x + hx, p1y + hy, p0x + hx, p0y + hy, 0, col);
            }
        }
        return b.build();
    }
}
