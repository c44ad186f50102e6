package dev.racer.world;

import dev.racer.util.SplitMix64;

/**
 * Ray-casts DeepRacer's LIDAR ({@link LidarSpec}) against oriented rectangles (boxes now; bot cars can be
 * added to the same {@link WorldObjects}). The floor and the painted track lines are flat, so, as in Gazebo,
 * they are not seen. Allocation-free and deterministic: noise comes from a {@link SplitMix64} that
 * {@link #reseed} sets (the environment reseeds it from the episode seed), turned Gaussian by a table
 * ({@code NormalTable}: one look-up per sample).
 *
 * <p>A ray reads the distance to the first rectangle face it enters between {@code minRange} and
 * {@code maxRange} (Gazebo's GPU ray sensor clips at the near plane and culls back faces, so a box nearer
 * than {@code minRange} is not seen), plus Gaussian noise, then held within [minRange, maxRange]; no hit reads
 * {@code +Infinity}, as in the ROS {@code LaserScan} the simapp receives.
 *
 * <p>Only rays within the angle a rectangle's bounding circle covers are cast against it, and rectangles
 * farther than {@code reach} are skipped: the sensors clip at 0.5–12 m, so a reach of the clipping distance plus
 * a margin for the noise changes no observation and saves most of the work.
 */
public final class Lidar {
    private static final double TWO_PI = 2 * Math.PI;

    private final LidarSpec spec;
    private final double reach;
    private final double step;
    private final double[] rayCos, raySin; // ray directions relative to the car heading
    private final SplitMix64 random = new SplitMix64(0);
    private final double bin;
    private final double noiseMargin;

    public Lidar(LidarSpec spec) {
        this(spec, spec.maxRange(), 0);
    }

    /**
     * @param reach distance beyond which hits cannot change what the sensor reports [m] (≤ maxRange)
     * @param bin   when &gt; 0, the sensor only reports which multiple of {@code bin} [m] a range falls below
     *              (the sector filters' {@code floor(range / bin)}): noise is then drawn only for ranges within
     *              8σ of a bin edge, the only ones it can move to another bin, which saves most of the cost
     */
    public Lidar(LidarSpec spec, double reach, double bin) {
        this.spec = spec;
        this.reach = Math.min(reach, spec.maxRange());
        this.bin = bin;
        this.noiseMargin = Math.abs(spec.noiseMean()) + 8 * spec.noiseStd();
        int n = spec.samples();
        step = n == 1 ? 0 : (spec.maxAngle() - spec.minAngle()) / (n - 1);
        rayCos = new double[n];
        raySin = new double[n];
        for (int i = 0; i < n; i++) {
            rayCos[i] = Math.cos(spec.rayAngle(i));
            raySin[i] = Math.sin(spec.rayAngle(i));
        }
    }

    public LidarSpec spec() {
        return spec;
    }

    /** Restarts the noise sequence. */
    public void reseed(long seed) {
        random.seed(seed);
    }

    /**
     * Scans from a car whose model origin is at (x, y) [m] heading {@code yaw} [rad] and writes
     * {@code spec.samples()} ranges [m] (or +∞) into {@code ranges}, ray 0 first.
     */
    public void scan(WorldObjects objects, double x, double y, double yaw, double[] ranges) {
        int n = spec.samples();
        double c = Math.cos(yaw), s = Math.sin(yaw);
        double ox = x + spec.mountX() * c, oy = y + spec.mountX() * s;
        for (int i = 0; i < n; i++) {
            ranges[i] = Double.POSITIVE_INFINITY;
        }
        double min = spec.minRange();
        for (int k = 0; k < objects.count(); k++) {
            double dx = objects.x[k] - ox, dy = objects.y[k] - oy;
            double hl = objects.halfLength[k], hw = objects.halfWidth[k];
            double radius2 = hl * hl + hw * hw;
            double dist2 = dx * dx + dy * dy;
            double far = reach + Math.sqrt(radius2);
            if (dist2 > far * far) { // squared: no square root for the many boxes out of reach
                continue;
            }
            double radius = Math.sqrt(radius2), dist = Math.sqrt(dist2);
            if (dist <= radius) {
                castRange(objects, k, ox, oy, c, s, 0, n - 1, ranges);
                continue;
            }
            double half = Math.asin(radius / dist);
            // centre direction in the sensor's angle frame (ray i at minAngle + i * step)
            double a = Math.atan2(dy, dx) - yaw - spec.mountYaw();
            a = a - TWO_PI * Math.floor((a + Math.PI) / TWO_PI); // [-π, π)
            for (int wrap = -1; wrap <= 1; wrap++) {
                double lo = a - half + wrap * TWO_PI, hi = a + half + wrap * TWO_PI;
                if (hi < spec.minAngle() || lo > spec.maxAngle()) {
                    continue;
                }
                int from = step == 0 ? 0 : Math.max(0, (int) Math.ceil((lo - spec.minAngle()) / step));
                int to = step == 0 ? 0 : Math.min(n - 1, (int) Math.floor((hi - spec.minAngle()) / step));
                castRange(objects, k, ox, oy, c, s, from, to, ranges);
            }
        }
        for (int i = 0; i < n; i++) {
            double r = ranges[i];
            if (r != Double.POSITIVE_INFINITY) {
                if ((spec.noiseStd() > 0 || spec.noiseMean() != 0) && nearBinEdge(r)) {
                    r += spec.noiseMean() + spec.noiseStd() * NormalTable.sample(random.nextLong());
                }
                ranges[i] = Math.max(min, Math.min(spec.maxRange(), r));
            }
        }
    }

    private boolean nearBinEdge(double r) {
        if (bin <= 0) {
            return true;
        }
        double edge = Math.rint(r / bin) * bin;
        return Math.abs(r - edge) <= noiseMargin;
    }

    private void castRange(WorldObjects o, int k, double ox, double oy, double c, double s, int from, int to,
                           double[] ranges) {
        double min = spec.minRange(), max = spec.maxRange();
        for (int i = from; i <= to; i++) {
            double dx = c * rayCos[i] - s * raySin[i];
            double dy = s * rayCos[i] + c * raySin[i];
            double t = Rects.rayEntry(ox, oy, dx, dy, o.x[k], o.y[k], o.cos[k], o.sin[k], o.halfLength[k],
                    o.halfWidth[k]);
            if (t >= min && t <= max && t < ranges[i]) {
                ranges[i] = t;
            }
        }
    }

    /** {@code LIDAR}'s observation: each range clipped to [0.15, 1.0] m ({@code ObservationClippingFilter}); +∞ reads 1.0. */
    public static void clip(double[] ranges, int n, double lo, double hi, float[] out, int offset) {
        for (int i = 0; i < n; i++) {
            out[offset + i] = (float) Math.max(lo, Math.min(hi, ranges[i]));
        }
    }

    /**
     * The simapp's {@code ObservationSectorDiscretizeFilter}: +∞ becomes the clipping distance; each sector
     * (consecutive rays) keeps its minimum, clipped to the clipping distance; {@code floor(min / (clip / values))}
     * picks a one-hot bin, and the last bin ("nothing within the clipping distance") is dropped, so that sector
     * reads all zeros. Writes {@code sectors × values} floats.
     */
    public static void sectors(double[] ranges, int n, LidarConfig cfg, float[] out, int offset) {
        int sectors = cfg.numSectors(), values = cfg.numValuesPerSector();
        double clip = cfg.clippingDist();
        double bin = clip / values;
        int per = n / sectors;
        for (int j = 0; j < sectors; j++) {
            double m = Double.POSITIVE_INFINITY;
            for (int i = j * per; i < (j + 1) * per; i++) {
                double r = ranges[i] == Double.POSITIVE_INFINITY ? clip : ranges[i];
                m = Math.min(m, r);
            }
            m = Math.min(m, clip);
            int k = (int) Math.floor(m / bin);
            k = Math.max(0, Math.min(values, k));
            int base = offset + j * values;
            for (int v = 0; v < values; v++) {
                out[base + v] = v == k ? 1f : 0f;
            }
        }
    }
}
