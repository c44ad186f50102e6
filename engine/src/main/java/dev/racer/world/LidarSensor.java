package dev.racer.world;

import dev.racer.car.CarSpec;
import dev.racer.sensor.CarView;
import dev.racer.sensor.Sensor;
import dev.racer.space.ObservationSpace;

/**
 * DeepRacer's three LIDAR inputs, as the simapp's observation filters turn the 64-ray scan into what the
 * network sees:
 * <ul>
 *   <li>{@code LIDAR}: 64 ranges clipped to [0.15, 1.0] m (nothing within range reads 1.0);</li>
 *   <li>{@code SECTOR_LIDAR}: 8 sectors of 8 rays, each 1 when something is nearer than 0.5 m, else 0;</li>
 *   <li>{@code DISCRETIZED_SECTOR_LIDAR}: {@code num_sectors} sectors, each a one-hot of
 *       {@code num_values_per_sector} distance bins up to {@code clipping_dist} (all zeros: nothing nearer).</li>
 * </ul>
 * Ray order: ray 0 is 30° left of straight ahead, then round the back to 30° right (see {@link LidarSpec}).
 *
 * <p>The objects are those of the environment's {@link WorldObjects} (shared, read only); {@link #reseed}
 * restarts the noise for an episode. {@link #observe(RacingEnv, float[])} is the only method that reads the
 * environment; it allocates nothing.
 */
public final class LidarSensor implements Sensor {

    /** The sensor names of {@code model_metadata.json}. */
    public enum Kind { LIDAR, SECTOR_LIDAR, DISCRETIZED_SECTOR_LIDAR }

    /** LIDAR's clip range [m] ({@code ObservationClippingFilter(0.15, 1.0)}). */
    public static final double LIDAR_CLIP_LOW = 0.15, LIDAR_CLIP_HIGH = 1.0;

    private final Kind kind;
    private final LidarConfig config;
    private WorldObjects objects;
    /** scan the observed car's objects ({@link CarView#objects()}) rather than a fixed set */
    private final boolean fromView;
    private final Lidar lidar;
    private final double[] ranges;

    /**
     * @param config  used by {@code DISCRETIZED_SECTOR_LIDAR} only (the others have fixed settings)
     * @param objects the boxes it sees; null: those of the car it observes ({@link CarView#objects()})
     */
    public LidarSensor(Kind kind, LidarConfig config, LidarSpec spec, WorldObjects objects) {
        this.kind = kind;
        this.config = switch (kind) {
            case LIDAR -> null;
            case SECTOR_LIDAR -> LidarConfig.SECTOR;
            case DISCRETIZED_SECTOR_LIDAR -> config == null ? LidarConfig.DEFAULT : config;
        };
        if (this.config != null && spec.samples() % this.config.numSectors() != 0) {
            throw new IllegalArgumentException("lidar_config.num_sectors " + this.config.numSectors()
                    + " does not divide the " + spec.samples() + " lidar samples");
        }
        this.objects = objects;
        this.fromView = objects == null;
        double clip = kind == Kind.LIDAR ? LIDAR_CLIP_HIGH : this.config.clippingDist();
        // beyond clip + 8σ of noise no reading can change the observation
        this.lidar = new Lidar(spec, clip + Math.abs(spec.noiseMean()) + 8 * spec.noiseStd() + 1e-9,
                kind == Kind.LIDAR ? 0 : this.config.clippingDist() / this.config.numValuesPerSector());
        this.ranges = new double[spec.samples()];
    }

    /** DeepRacer's LIDAR with default settings. */
    public static LidarSensor of(Kind kind, WorldObjects objects) {
        return new LidarSensor(kind, LidarConfig.DEFAULT, LidarSpec.DEEPRACER, objects);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return kind.name();
    }

    @Override
    public int size() {
        return kind == Kind.LIDAR ? lidar.spec().samples() : config.numSectors() * config.numValuesPerSector();
    }

    /** Restarts the noise (call on reset with the episode seed: same seed, same readings). */
    @Override
    public void reseed(long seed) {
        lidar.reseed(seed);
    }

    /** LIDAR: ranges in [0.15, 1] m; the sector kinds: 0/1 flags or one-hot bins. */
    @Override
    public ObservationSpace observationSpace() {
        return kind == Kind.LIDAR ? ObservationSpace.box((float) LIDAR_CLIP_LOW, (float) LIDAR_CLIP_HIGH, size())
                : ObservationSpace.box(0f, 1f, size());
    }

    @Override
    public void observe(CarView env, float[] out) {
        if (fromView) {
            objects = env.objects();
        }
        CarSpec spec = env.carSpec();
        double yaw = env.carYaw();
        double c = Math.cos(yaw), s = Math.sin(yaw);
        // DeepRacer's model origin lies 0.14 m behind the reported front point
        double fx = env.carX() + spec.frontPointOffset() * c, fy = env.carY() + spec.frontPointOffset() * s;
        observe(fx - CarBody.FRONT_FROM_ORIGIN * c, fy - CarBody.FRONT_FROM_ORIGIN * s, yaw, out);
    }

    /** The observation of a car with model origin (x, y) [m] heading {@code yaw} [rad]. */
    public void observe(double x, double y, double yaw, float[] out) {
        lidar.scan(objects, x, y, yaw, ranges);
        if (kind == Kind.LIDAR) {
            Lidar.clip(ranges, ranges.length, LIDAR_CLIP_LOW, LIDAR_CLIP_HIGH, out, 0);
        } else {
            Lidar.sectors(ranges, ranges.length, config, out, 0);
        }
    }
}
