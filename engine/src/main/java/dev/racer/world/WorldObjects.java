package dev.racer.world;

import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;

/**
 * The objects on one track, stored as arrays so that the per-step params, crash test and LIDAR read them
 * without allocating. Besides each object's rectangle it keeps what does not change while objects stand still,
 * computed by {@link #prepare} once per placement: the distance along the centre line ({@code objects_distance}),
 * the distance from it ({@code objects_distance_from_center}), the side ({@code objects_left_of_center}) and
 * the order along the track that {@code closest_objects} searches.
 *
 * <p>Mutable and not thread-safe: one per environment.
 */
public final class WorldObjects {
    /** No objects (a time trial); holds none, so it never changes. */
    public static final WorldObjects EMPTY = new WorldObjects(0);

    private final int capacity;
    private int count;
    final double[] x, y, heading, cos, sin, halfLength, halfWidth, speed;
    final double[] pdist, centerDistance;
    final boolean[] left;
    final boolean[] collidable; // false while a car blinks through a penalty (the simapp's non-collidable set)
    private boolean moving;     // objects_speed/objects_heading reported (the simapp: bot cars on the track)
    final int[] order;          // object indices sorted by pdist
    final double[] sortedPdist; // pdist in that order
    private TrackGeometry geometry;
    private final Projection scratch = new Projection();

    /** @param capacity the most objects this set will hold */
    public WorldObjects(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("object capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
        x = new double[capacity];
        y = new double[capacity];
        heading = new double[capacity];
        cos = new double[capacity];
        sin = new double[capacity];
        halfLength = new double[capacity];
        halfWidth = new double[capacity];
        speed = new double[capacity];
        pdist = new double[capacity];
        centerDistance = new double[capacity];
        left = new boolean[capacity];
        collidable = new boolean[capacity];
        order = new int[capacity];
        sortedPdist = new double[capacity];
    }

    public int capacity() {
        return capacity;
    }

    /** Number of objects placed. */
    public int count() {
        return count;
    }

    /** Empties the set (a time trial). */
    public void clear() {
        count = 0;
        geometry = null;
        moving = false;
    }

    /**
     * Whether the params report each object's speed and heading. The simapp does so for every object when bot
     * cars are on the track ({@code NUMBER_OF_BOT_CARS > 0}) and reports 0 otherwise, even for the other racing
     * cars of a head-to-model race.
     */
    public void setReportsMotion(boolean reports) {
        moving = reports;
    }

    public boolean reportsMotion() {
        return moving;
    }

    /** Whether the crash test sees object {@code i} (a car blinking through its penalty is not seen). */
    public void setCollidable(int i, boolean c) {
        checkIndex(i);
        collidable[i] = c;
    }

    public boolean collidable(int i) {
        return collidable[i];
    }

    /**
     * Moves object {@code i} (a car) to (x, y) [m] heading {@code headingRad} at {@code speedMps}, keeping its
     * size, and recomputes its per-placement values and the along-track order. Needs a {@link #prepare} on the
     * geometry first. Allocates nothing; the order is re-sorted by insertion, linear when almost sorted.
     */
    public void update(int i, double cx, double cy, double headingRad, double speedMps) {
        checkIndex(i);
        if (geometry == null) {
            throw new IllegalStateException("update before prepare: call prepare(geometry) once after placing");
        }
        x[i] = cx;
        y[i] = cy;
        heading[i] = headingRad;
        cos[i] = Math.cos(headingRad);
        sin[i] = Math.sin(headingRad);
        speed[i] = speedMps;
        geometry.center().nearest(cx, cy, scratch);
        pdist[i] = scratch.along;
        centerDistance[i] = scratch.distance;
        // on the road the simapp's polygon test is "left of the centre line as driven": the side of the nearest
        // centre segment, O(1) instead of the polygon's O(rows) (a point on the line counts as the polygon does);
        // off the road (a car frozen where it went off) the two differ beyond the inner border: use the polygon
        if (geometry.onTrack(cx, cy)) {
            int k = scratch.segment;
            var c = geometry.center();
            double cross = (c.x(k + 1) - c.x(k)) * (cy - scratch.y) - (c.y(k + 1) - c.y(k)) * (cx - scratch.x);
            left[i] = cross == 0 ? !SideOfCenter.ccw(geometry) : cross > 0;
        } else {
            left[i] = SideOfCenter.inInnerPolygon(geometry, cx, cy) ^ !SideOfCenter.ccw(geometry);
        }
        sortOrder();
    }

    /** Sets the number of objects; each then needs {@link #set} before {@link #prepare}. */
    public void resize(int n) {
        if (n < 0 || n > capacity) {
            throw new IllegalArgumentException("object count must be in 0.." + capacity + ", got " + n);
        }
        count = n;
    }

    /** Writes object {@code i}'s rectangle and speed (no allocation). */
    public void set(int i, double cx, double cy, double headingRad, double length, double width, double speedMps) {
        checkIndex(i);
        x[i] = cx;
        y[i] = cy;
        heading[i] = headingRad;
        cos[i] = Math.cos(headingRad);
        sin[i] = Math.sin(headingRad);
        halfLength[i] = length / 2;
        halfWidth[i] = width / 2;
        speed[i] = speedMps;
        collidable[i] = true;
    }

    public void set(int i, TrackObject o) {
        set(i, o.x(), o.y(), o.heading(), o.length(), o.width(), o.speed());
    }

    /** Object {@code i} as a record (allocates; for reports and tests). */
    public TrackObject get(int i) {
        checkIndex(i);
        return new TrackObject(x[i], y[i], heading[i], 2 * halfLength[i], 2 * halfWidth[i], speed[i]);
    }

    public double x(int i) { return x[i]; }
    public double y(int i) { return y[i]; }
    /** Heading of object {@code i}'s length axis [rad]. */
    public double heading(int i) { return heading[i]; }
    public double speed(int i) { return speed[i]; }
    public double halfLength(int i) { return halfLength[i]; }
    public double halfWidth(int i) { return halfWidth[i]; }
    /** Distance along the centre line from the start to the object's nearest centre-line point [m]. */
    public double pdist(int i) { return pdist[i]; }
    /** Distance from the centre line [m]. */
    public double centerDistance(int i) { return centerDistance[i]; }
    /** Whether the object is left of the centre line as driven (DeepRacer's rule, see {@link #prepare}). */
    public boolean leftOfCenter(int i) { return left[i]; }

    /** The geometry of the last {@link #prepare}, or null. */
    public TrackGeometry geometry() {
        return geometry;
    }

    /**
     * Computes the per-placement values on {@code g} as DeepRacer's {@code get_object_reward_params} does:
     * {@code objects_distance} = {@code center_line.project(p)}, {@code objects_distance_from_center} =
     * {@code center_line.distance(p)}, and {@code objects_left_of_center} = "inside the polygon between the
     * centre line and the inner border" XOR "the track is driven clockwise". Allocates nothing after the
     * first call on a geometry.
     */
    public void prepare(TrackGeometry g) {
        for (int i = 0; i < count; i++) {
            g.center().nearest(x[i], y[i], scratch);
            pdist[i] = scratch.along;
            centerDistance[i] = scratch.distance;
            left[i] = SideOfCenter.inInnerPolygon(g, x[i], y[i]) ^ !SideOfCenter.ccw(g);
            order[i] = i;
        }
        geometry = g;
        sortOrder();
    }

    private void sortOrder() {
        // insertion sort: a handful of objects, stable like numpy's argsort on ties in practice
        for (int i = 1; i < count; i++) {
            int k = order[i];
            int j = i - 1;
            while (j >= 0 && pdist[order[j]] > pdist[k]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = k;
        }
        for (int i = 0; i < count; i++) {
            sortedPdist[i] = pdist[order[i]];
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("object " + i + " of " + count);
        }
    }
}
