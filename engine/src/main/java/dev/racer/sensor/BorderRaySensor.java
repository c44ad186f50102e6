package dev.racer.sensor;

import dev.racer.car.CarSpec;
import dev.racer.space.ObservationSpace;
import dev.racer.track.TrackGeometry;

/**
 * Racer's own fast vector sensor, {@value #NAME}: what the camera sees of the white border lines, reduced to
 * distances. A fan of {@code rays} rays spread evenly over the camera's horizontal field of view
 * ({@value #FOV} rad, centred on the heading) starts at the car's front point (DeepRacer's {@code x, y});
 * each reports the distance to the first inner or outer border it crosses, divided by {@code range} and
 * capped at 1 (nothing within range). Two more values follow: the car's actual speed divided by its maximum
 * speed, and its actual front-wheel angle divided by its maximum (+ left).
 *
 * <p>Layout: {@code [ray_0 (rightmost) .. ray_{rays-1} (leftmost), speed, steering]}, size {@code rays + 2}.
 *
 * <p>Fast: only border segments within a window of rows around the car's closest waypoint
 * ({@code closest_waypoints[0]}) are tested, a window that covers at least {@code 3 × range} of centre line
 * ahead and {@code range} behind; {@link #observe} allocates nothing after its first call on a track.
 */
public final class BorderRaySensor implements Sensor {
    /** The name written to {@code model_metadata.json}'s {@code sensor} list. */
    public static final String NAME = "RACER_BORDER_RAYS";
    /** DeepRacer's camera horizontal field of view [rad]. */
    public static final double FOV = 1.13;
    public static final int DEFAULT_RAYS = 15;
    public static final double DEFAULT_RANGE = 5.0;

    private final int rays;
    private final double range;
    private final double[] rayCos;
    private final double[] raySin;
    private final double[] hit; // scratch: nearest hit per ray [m]

    // window of rows per closest waypoint, built on the first observe of a geometry
    private TrackGeometry geo;
    private int[] back;
    private int[] ahead;

    public BorderRaySensor() {
        this(DEFAULT_RAYS, DEFAULT_RANGE);
    }

    /** @param rays number of rays (≥ 2); @param range distance [m] that maps to 1 */
    public BorderRaySensor(int rays, double range) {
        if (rays < 2 || rays > 256) {
            throw new IllegalArgumentException("rays must be in 2..256, got " + rays);
        }
        if (!(range > 0) || Double.isInfinite(range)) {
            throw new IllegalArgumentException("range must be a finite number > 0 [m], got " + range);
        }
        this.rays = rays;
        this.range = range;
        rayCos = new double[rays];
        raySin = new double[rays];
        hit = new double[rays];
        for (int r = 0; r < rays; r++) {
            double a = -FOV / 2 + FOV * r / (rays - 1);
            rayCos[r] = Math.cos(a);
            raySin[r] = Math.sin(a);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int size() {
        return rays + 2;
    }

    public int rays() {
        return rays;
    }

    public double range() {
        return range;
    }

    /** Angle of ray {@code r} relative to the heading [rad], + left. */
    public double rayAngle(int r) {
        return -FOV / 2 + FOV * r / (rays - 1);
    }

    /** rays in [0, 1], speed in [0, 1], steering in [-1, 1] */
    @Override
    public ObservationSpace observationSpace() {
        float[] low = new float[rays + 2], high = new float[rays + 2];
        java.util.Arrays.fill(high, 1f);
        low[rays + 1] = -1f;
        return new ObservationSpace(new int[] {rays + 2}, low, high);
    }

    @Override
    public void observe(CarView env, float[] out) {
        TrackGeometry g = env.geometry();
        if (g != geo) {
            buildWindows(g);
        }
        CarSpec spec = env.carSpec();
        double yaw = env.carYaw();
        double c = Math.cos(yaw), s = Math.sin(yaw);
        double ox = env.carX() + spec.frontPointOffset() * c;
        double oy = env.carY() + spec.frontPointOffset() * s;
        int k = env.params().closestWaypointPrev();
        castAll(g, ox, oy, c, s, k);
        seeObjects(env.objects(), ox, oy, c, s);
        for (int r = 0; r < rays; r++) {
            out[r] = (float) (hit[r] / range);
        }
        out[rays] = (float) (env.carSpeed() / spec.maxSpeed());
        out[rays + 1] = (float) (env.carSteering() / Math.toRadians(spec.maxSteeringAngle()));
    }

    /**
     * Casts the fan from (ox, oy) heading (c, s) and returns the distances [m] (capped at {@link #range()})
     * in {@code distances}; {@code closestRow} picks the window of border segments tested.
     */
    public void cast(TrackGeometry g, double ox, double oy, double heading, int closestRow, double[] distances) {
        if (g != geo) {
            buildWindows(g);
        }
        castAll(g, ox, oy, Math.cos(heading), Math.sin(heading), closestRow);
        System.arraycopy(hit, 0, distances, 0, rays);
    }

    private void castAll(TrackGeometry g, double ox, double oy, double c, double s, int k) {
        int segs = g.size() - 1; // segment j joins rows j and j+1; row segs repeats row 0
        for (int r = 0; r < rays; r++) {
            hit[r] = range;
        }
        int from = k - back[k];
        int count = Math.min(segs, back[k] + ahead[k] + 1);
        for (int i = 0; i < count; i++) {
            int j = Math.floorMod(from + i, segs);
            intersect(ox, oy, c, s, g.innerX(j), g.innerY(j), g.innerX(j + 1), g.innerY(j + 1));
            intersect(ox, oy, c, s, g.outerX(j), g.outerY(j), g.outerX(j + 1), g.outerY(j + 1));
        }
    }

    /**
     * Lowers each ray's hit distance to where it enters a box nearer than the border: the visible box
     * ({@link dev.racer.world.TrackObject#BOX_VISUAL_LENGTH} × {@code BOX_VISUAL_WIDTH}), not the crash test's
     * buffered rectangle.
     */
    private void seeObjects(dev.racer.world.WorldObjects objects, double ox, double oy, double c, double s) {
        double shrinkL = (dev.racer.world.TrackObject.BOX_LENGTH - dev.racer.world.TrackObject.BOX_VISUAL_LENGTH) / 2;
        double shrinkW = (dev.racer.world.TrackObject.BOX_WIDTH - dev.racer.world.TrackObject.BOX_VISUAL_WIDTH) / 2;
        for (int i = 0; i < objects.count(); i++) {
            double bx = objects.x(i), by = objects.y(i);
            double hl = objects.halfLength(i) - shrinkL, hw = objects.halfWidth(i) - shrinkW;
            if (Math.abs(bx - ox) + Math.abs(by - oy) > 1.5 * range + hl + hw) {
                continue;
            }
            double bc = Math.cos(objects.heading(i)), bs = Math.sin(objects.heading(i));
            for (int r = 0; r < rays; r++) {
                double dx = c * rayCos[r] - s * raySin[r];
                double dy = s * rayCos[r] + c * raySin[r];
                double t = dev.racer.world.Rects.rayEntry(ox, oy, dx, dy, bx, by, bc, bs, hl, hw);
                if (t < hit[r]) {
                    hit[r] = t;
                }
            }
        }
    }

    /** Lowers each ray's hit distance if it crosses segment P-Q closer than its current one. */
    private void intersect(double ox, double oy, double c, double s, double px, double py, double qx, double qy) {
        double ex = qx - px, ey = qy - py;
        double wx = px - ox, wy = py - oy;
        // quick reject: segment entirely beyond range
        double segLen = Math.abs(ex) + Math.abs(ey);
        if (Math.abs(wx) + Math.abs(wy) > 1.5 * range + segLen) {
            return;
        }
        for (int r = 0; r < rays; r++) {
            // ray direction d = heading rotated by the ray's angle
            double dx = c * rayCos[r] - s * raySin[r];
            double dy = s * rayCos[r] + c * raySin[r];
            double den = dx * ey - dy * ex; // cross(d, e)
            if (Math.abs(den) < 1e-12) {
                continue; // parallel
            }
            double t = (wx * ey - wy * ex) / den;  // along the ray
            double u = (wx * dy - wy * dx) / den;  // along the segment
            if (t >= 0 && u >= 0 && u <= 1 && t < hit[r]) {
                hit[r] = t;
            }
        }
    }

    private void buildWindows(TrackGeometry g) {
        int n = g.size();
        int segs = n - 1;
        back = new int[n];
        ahead = new int[n];
        double[] len = new double[segs];
        for (int j = 0; j < segs; j++) {
            len[j] = Math.hypot(g.centerX(j + 1) - g.centerX(j), g.centerY(j + 1) - g.centerY(j));
        }
        for (int k = 0; k < n; k++) {
            int kk = k % segs;
            double acc = 0;
            int a = 0;
            while (acc < 3 * range + 1 && a < segs) {
                acc += len[(kk + a) % segs];
                a++;
            }
            acc = 0;
            int b = 0;
            while (acc < range + 1 && b < segs) {
                b++;
                acc += len[Math.floorMod(kk - b, segs)];
            }
            ahead[k] = a;
            back[k] = b;
        }
        geo = g;
    }
}
