package dev.racer.track;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A track's geometry for one driving direction, indexed for fast queries. Driving reversed uses the rows in
 * reverse order, as DeepRacer's {@code TrackData} does, so {@code waypoints} and {@code closest_waypoints}
 * are the reversed list and progress is measured along the reversed centre line.
 *
 * <p>Immutable and thread-safe; {@link #of} caches one per track and direction because building the grids
 * takes a few tens of milliseconds.
 */
public final class TrackGeometry {
    private static final Map<String, TrackGeometry> CACHE = new ConcurrentHashMap<>();

    private final Track track;
    private final boolean reversed;
    private final int n;                 // rows, closing row included
    private final double[] cx, cy, ix, iy, ox, oy;
    private final double[] ndists;       // DeepRacer's TrackLine.ndists: normalised distance of each row, last = 1
    private final boolean ccw;           // centre line direction as driven
    private final PolylineIndex center;
    private final PolylineIndex inner;
    private final PolylineIndex outer;
    private final RoadIndex road;
    private final double[][] waypointList;

    private TrackGeometry(Track track, boolean reversed) {
        this.track = track;
        this.reversed = reversed;
        n = track.size();
        cx = new double[n];
        cy = new double[n];
        ix = new double[n];
        iy = new double[n];
        ox = new double[n];
        oy = new double[n];
        for (int k = 0; k < n; k++) {
            int src = reversed ? n - 1 - k : k;
            cx[k] = track.centerX(src);
            cy[k] = track.centerY(src);
            ix[k] = track.innerX(src);
            iy[k] = track.innerY(src);
            ox[k] = track.outerX(src);
            oy[k] = track.outerY(src);
        }
        center = new PolylineIndex(cx, cy);
        inner = new PolylineIndex(ix, iy);
        outer = new PolylineIndex(ox, oy);
        road = new RoadIndex(ox, oy, ix, iy);
        ccw = Direction.ofPolygon(cx, cy, n - 1) == Direction.COUNTERCLOCKWISE;
        ndists = new double[n];
        double len = center.length();
        for (int k = 0; k < n - 1; k++) {
            ndists[k] = center.along(k) / len;
        }
        ndists[n - 1] = 1.0;
        waypointList = new double[n][];
        for (int k = 0; k < n; k++) {
            waypointList[k] = new double[] {cx[k], cy[k]};
        }
    }

    /** The cached geometry of {@code track} driven forwards or reversed. */
    public static TrackGeometry of(Track track, boolean reversed) {
        String key = track.id() + (reversed ? "#rev#" : "#fwd#") + track.hashCode();
        return CACHE.computeIfAbsent(key, k -> new TrackGeometry(track, reversed));
    }

    public Track track() {
        return track;
    }

    public boolean reversed() {
        return reversed;
    }

    /** Rows, closing row included. */
    public int size() {
        return n;
    }

    /** Centre-line length [m]. */
    public double length() {
        return center.length();
    }

    /** Whether the centre line, as driven, runs counter-clockwise. */
    public boolean ccw() {
        return ccw;
    }

    public double centerX(int k) { return cx[k]; }
    public double centerY(int k) { return cy[k]; }
    public double innerX(int k) { return ix[k]; }
    public double innerY(int k) { return iy[k]; }
    public double outerX(int k) { return ox[k]; }
    public double outerY(int k) { return oy[k]; }

    /** Normalised distance of row {@code k} along the centre line (DeepRacer's {@code ndists}). */
    public double ndist(int k) {
        return ndists[k];
    }

    /** Centre-line points {@code [x, y]} as driven (shared; do not modify). */
    public double[][] waypoints() {
        return waypointList;
    }

    public PolylineIndex center() {
        return center;
    }

    public PolylineIndex inner() {
        return inner;
    }

    public PolylineIndex outer() {
        return outer;
    }

    /** Whether (x, y) [m] is on the road (between the borders). */
    public boolean onTrack(double x, double y) {
        return road.contains(x, y);
    }

    public RoadIndex road() {
        return road;
    }

    /**
     * DeepRacer's {@code find_prev_next}: {@code next} is the first row whose normalised distance is greater
     * than {@code ndist} ({@code bisect_right}), {@code prev} the one before, both wrapping around.
     *
     * @return {@code prev} in the high 32 bits, {@code next} in the low 32 bits (no allocation)
     */
    public long prevNext(double ndist) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ndist < ndists[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int next = lo;
        int prev = next - 1;
        if (prev == -1) {
            prev = n - 1;
        }
        if (next == n) {
            next = 0;
        }
        return ((long) prev << 32) | (next & 0xffffffffL);
    }

    public static int prevOf(long prevNext) {
        return (int) (prevNext >>> 32);
    }

    public static int nextOf(long prevNext) {
        return (int) prevNext;
    }

    /** Heading [rad] of the centre line at {@code along} [m], pointing at the next row (DeepRacer's forward difference). */
    public double headingAt(double along, Projection scratch) {
        center.interpolate(along, scratch);
        int next = nextOf(prevNext(along / length()));
        double dx = cx[next] - scratch.x, dy = cy[next] - scratch.y;
        if (dx * dx + dy * dy < 1e-18) { // exactly on a row: aim at the one after
            int after = next + 1 < n ? next + 1 : 1;
            dx = cx[after] - scratch.x;
            dy = cy[after] - scratch.y;
        }
        return Math.atan2(dy, dx);
    }
}
