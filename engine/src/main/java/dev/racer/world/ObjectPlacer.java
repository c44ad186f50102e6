package dev.racer.world;

import dev.racer.track.PolylineIndex;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import dev.racer.util.SplitMix64;

/**
 * Places boxes as DeepRacer's {@code ObstaclesCtrl._compute_obstacle_poses} does: a distance along the centre
 * line and a lane per object (see {@link ObjectConfig}); the box goes to the point of the lane nearest the
 * centre-line point at that distance, its length along the lane's direction there (central difference of the
 * lane's waypoints around it). A lane runs halfway between the centre line and a border.
 *
 * <p>Randomised placement draws from a {@link SplitMix64} seeded with the episode seed: same seed, same boxes.
 * One placer per environment; {@link #place} allocates nothing after its first call on a geometry.
 */
public final class ObjectPlacer {
    private TrackGeometry geo;
    private PolylineIndex innerLane, outerLane;
    private final Projection p = new Projection();
    private final SplitMix64 random = new SplitMix64(0);
    private double[] dists = new double[0];
    private boolean[] outer = new boolean[0];
    private int[] shuffle = new int[0];

    /**
     * Checks that {@code config} fits on {@code g}, with a one-line error naming the flag otherwise: each object
     * needs its {@code minDistancePercent} share of the track, and the spaced layout must fit between that
     * distance from the start and 1 m before the end.
     */
    public static void validate(ObjectConfig config, TrackGeometry g) {
        validate(config, g, "--objects");
    }

    /** {@link #validate(ObjectConfig, TrackGeometry)} with {@code what} (a flag or field) naming the count. */
    public static void validate(ObjectConfig config, TrackGeometry g, String what) {
        int n = config.objects();
        if (n == 0 || !config.positions().isEmpty()) {
            return;
        }
        double len = g.length();
        double min = config.minDistancePercent() / 100.0 * len;
        double start = min, end = len - 1.0;
        double spacing = n == 1 ? Double.POSITIVE_INFINITY : (end - start) / (n - 1);
        double least = Math.max(min, TrackObject.BOX_LENGTH);
        if (end < start || spacing < least) {
            int most = end < start ? 0 : 1 + (int) Math.floor((end - start) / least);
            throw new IllegalArgumentException(String.format(
                    "%s %d does not fit on track %s (%.2f m of centre line): at most %d objects %.2f m apart "
                            + "between %.2f m and %.2f m", what, n, g.track().id(), len, most, least, start, end));
        }
    }

    /** Places {@code config}'s objects on {@code g} for the episode {@code seed} into {@code out} and prepares it. */
    public void place(ObjectConfig config, TrackGeometry g, long seed, WorldObjects out) {
        if (g != geo) {
            build(g);
        }
        int n = config.objects();
        if (n > out.capacity()) {
            throw new IllegalArgumentException("--objects " + n + " is more than the " + out.capacity()
                    + " this environment was built for");
        }
        if (dists.length < n) {
            dists = new double[n];
            outer = new boolean[n];
            shuffle = new int[n];
        }
        double len = g.length();
        if (!config.positions().isEmpty()) {
            for (int i = 0; i < n; i++) {
                ObjectConfig.Position pos = config.positions().get(i);
                dists[i] = pos.ndist() * len;
                outer[i] = pos.lane() == -1;
            }
        } else {
            validate(config, g);
            random.seed(seed);
            double min = config.minDistancePercent() / 100.0 * len;
            double start = min, end = len - 1.0;
            for (int i = 0; i < n; i++) { // numpy.linspace(start, end, n)
                dists[i] = n == 1 ? start : start + (end - start) * i / (n - 1);
            }
            if (config.randomize()) {
                for (int i = 0; i < n; i++) {
                    shuffle[i] = i;
                }
                for (int i = n - 1; i > 0; i--) { // Fisher-Yates, as random.shuffle
                    int j = random.nextInt(i + 1);
                    int t = shuffle[i];
                    shuffle[i] = shuffle[j];
                    shuffle[j] = t;
                }
                for (int k = 0; k < n; k++) {
                    int i = shuffle[k];
                    double lo = i == 0 ? start : dists[i - 1] + min;
                    double hi = i == n - 1 ? end : dists[i + 1] - min;
                    if (lo < hi) {
                        dists[i] = lo + (hi - lo) * random.nextDouble();
                    }
                }
                for (int i = 0; i < n; i++) {
                    outer[i] = random.nextDouble() < 0.5;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    outer[i] = (i & 1) == 1; // inner first, then alternating
                }
            }
        }
        out.resize(n);
        for (int i = 0; i < n; i++) {
            PolylineIndex lane = outer[i] ? outerLane : innerLane;
            g.center().interpolate(dists[i], p);
            lane.nearest(p.x, p.y, p);
            double along = p.along;
            lane.interpolate(along, p);
            double heading = laneHeading(lane, along);
            out.set(i, p.x, p.y, heading, TrackObject.BOX_LENGTH, TrackObject.BOX_WIDTH, 0.0);
        }
        out.prepare(g);
    }

    /** DeepRacer's {@code interpolate_yaw} with central difference: from the previous to the next waypoint. */
    private static double laneHeading(PolylineIndex lane, double along) {
        int n = lane.vertices();
        double nd = along / lane.length();
        int lo = 0, hi = n;
        while (lo < hi) { // bisect_right over the vertices' normalised distances (the last one is 1)
            int mid = (lo + hi) >>> 1;
            double v = mid == n - 1 ? 1.0 : lane.along(mid) / lane.length();
            if (nd < v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int next = lo == n ? 0 : lo;
        int prev = lo - 1 < 0 ? n - 1 : lo - 1;
        return Math.atan2(lane.y(next) - lane.y(prev), lane.x(next) - lane.x(prev));
    }

    private void build(TrackGeometry g) {
        int n = g.size();
        double[] ix = new double[n], iy = new double[n], ox = new double[n], oy = new double[n];
        for (int k = 0; k < n; k++) {
            ix[k] = (g.innerX(k) + g.centerX(k)) / 2;
            iy[k] = (g.innerY(k) + g.centerY(k)) / 2;
            ox[k] = (g.outerX(k) + g.centerX(k)) / 2;
            oy[k] = (g.outerY(k) + g.centerY(k)) / 2;
        }
        innerLane = new PolylineIndex(ix, iy);
        outerLane = new PolylineIndex(ox, oy);
        geo = g;
    }
}
