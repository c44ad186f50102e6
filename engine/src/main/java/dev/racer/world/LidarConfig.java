package dev.racer.world;

/**
 * The model's {@code lidar_config} in {@code model_metadata.json}, used by {@code DISCRETIZED_SECTOR_LIDAR}.
 *
 * @param numSectors         sectors the scan is split into (must divide the 64 samples)
 * @param numValuesPerSector one-hot bins per sector (≥ 1)
 * @param clippingDist       distance beyond which a sector reads "nothing" [m] (0.15..12)
 */
public record LidarConfig(int numSectors, int numValuesPerSector, double clippingDist) {

    /** The simapp's {@code DiscretizedSectorLidarDefaults}: 8 sectors, 8 values, 2.0 m. */
    public static final LidarConfig DEFAULT = new LidarConfig(8, 8, 2.0);
    /** {@code SECTOR_LIDAR}: 8 sectors, 1 value, 0.5 m ({@code NUMBER_OF_LIDAR_SECTORS}, {@code SECTOR_LIDAR_CLIPPING_DIST}). */
    public static final LidarConfig SECTOR = new LidarConfig(8, 1, 0.5);

    public LidarConfig {
        int samples = LidarSpec.DEEPRACER.samples();
        if (numSectors <= 0 || samples % numSectors != 0) {
            throw new IllegalArgumentException("lidar_config.num_sectors: " + samples + " % number of sectors ("
                    + numSectors + ") must be 0 (use 1, 2, 4, 8, 16, 32 or 64)");
        }
        if (numValuesPerSector < 1) {
            throw new IllegalArgumentException("lidar_config.num_values_per_sector: number of values per sector ("
                    + numValuesPerSector + ") cannot be smaller than 1");
        }
        double lo = LidarSpec.DEEPRACER.minRange(), hi = LidarSpec.DEEPRACER.maxRange();
        if (!(clippingDist >= lo && clippingDist <= hi)) {
            throw new IllegalArgumentException("lidar_config.clipping_dist: clipping distance (" + clippingDist
                    + ") must be between " + lo + " and " + hi + " inclusively [m]");
        }
    }
}
