package dev.racer.world;

/**
 * DeepRacer's LIDAR as the simapp spawns it (launch arguments of {@code racecar.launch.py}, sensor of
 * {@code urdf/deepracer/racecar.gazebo}, mount of {@code deepracer_single_cam_lidar.urdf}).
 *
 * @param samples     rays per scan (64)
 * @param minAngle    angle of the first ray in the sensor frame [rad] (-2.61799, i.e. -150°)
 * @param maxAngle    angle of the last ray [rad] (+150°); rays are evenly spaced, both ends included
 * @param minRange    nearest distance measured [m] (0.15)
 * @param maxRange    farthest distance measured [m] (12.0); no hit within it reads +∞
 * @param noiseMean   Gaussian noise added to each hit [m] (0)
 * @param noiseStd    its standard deviation [m] (0.01)
 * @param mountX      sensor position ahead of the car's model origin [m] ({@code hokuyo_joint}: 0.02913)
 * @param mountYaw    sensor yaw relative to the car [rad] ({@code hokuyo_joint}: π, so ray 0 points 30° left
 *                    of straight ahead, the middle ray straight back, and the last 30° right: the 60° blind
 *                    sector is ahead, where the camera looks)
 */
public record LidarSpec(int samples, double minAngle, double maxAngle, double minRange, double maxRange,
                        double noiseMean, double noiseStd, double mountX, double mountYaw) {

    public static final LidarSpec DEEPRACER = new LidarSpec(64, -2.61799, 2.61799, 0.15, 12.0, 0.0, 0.01,
            0.02913, 3.1416);

    public LidarSpec {
        if (samples < 1 || samples > 4096) {
            throw new IllegalArgumentException("lidar samples must be in 1..4096, got " + samples);
        }
        if (!(maxAngle >= minAngle) || !Double.isFinite(minAngle) || !Double.isFinite(maxAngle)) {
            throw new IllegalArgumentException("lidar angles must be finite with min <= max [rad], got "
                    + minAngle + ".." + maxAngle);
        }
        if (!(minRange >= 0) || !(maxRange > minRange) || Double.isInfinite(maxRange)) {
            throw new IllegalArgumentException("lidar range must satisfy 0 <= min < max < inf [m], got "
                    + minRange + ".." + maxRange);
        }
        if (!Double.isFinite(noiseMean) || !(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
            throw new IllegalArgumentException("lidar noise must be finite with std >= 0 [m], got mean " + noiseMean
                    + " std " + noiseStd);
        }
    }

    /** Angle of ray {@code i} relative to the car's heading [rad]. */
    public double rayAngle(int i) {
        double a = samples == 1 ? minAngle : minAngle + (maxAngle - minAngle) * i / (samples - 1);
        return mountYaw + a;
    }
}
