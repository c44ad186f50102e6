package dev.racer.world;

import java.util.List;
import java.util.Set;

/**
 * Which sensor lists DeepRacer accepts ({@code ModelMetadata} validation in the simapp): exactly one camera
 * ({@code FRONT_FACING_CAMERA}, {@code STEREO_CAMERAS}, {@code LEFT_CAMERA} or the v1 {@code observation}) and at
 * most one LIDAR ({@code LIDAR}, {@code SECTOR_LIDAR} or {@code DISCRETIZED_SECTOR_LIDAR}). Racer's own vector
 * sensor {@value #RACER_BORDER_RAYS} stands in for the camera (it reduces the camera's view to distances), so a
 * list may hold it instead of a camera, never both.
 */
public final class SensorCombination {
    public static final String RACER_BORDER_RAYS = "RACER_BORDER_RAYS";
    public static final Set<String> CAMERAS = Set.of("FRONT_FACING_CAMERA", "STEREO_CAMERAS", "LEFT_CAMERA", "observation");
    public static final Set<String> LIDARS = Set.of("LIDAR", "SECTOR_LIDAR", "DISCRETIZED_SECTOR_LIDAR");

    private SensorCombination() {
    }

    /**
     * Throws a one-line {@link IllegalArgumentException} naming {@code field} (e.g. {@code --sensor} or
     * {@code model_metadata.json sensor}) when DeepRacer would refuse the list.
     */
    public static void validate(List<String> sensors, String field) {
        if (sensors == null || sensors.isEmpty()) {
            throw new IllegalArgumentException(field + ": no sensor; expected one camera (FRONT_FACING_CAMERA or "
                    + "STEREO_CAMERAS) and at most one of LIDAR, SECTOR_LIDAR, DISCRETIZED_SECTOR_LIDAR");
        }
        int cameras = 0, lidars = 0;
        for (String s : sensors) {
            if (CAMERAS.contains(s) || RACER_BORDER_RAYS.equals(s)) {
                cameras++;
            } else if (LIDARS.contains(s)) {
                lidars++;
            } else {
                throw new IllegalArgumentException(field + ": unknown sensor \"" + s + "\"; expected one of "
                        + "FRONT_FACING_CAMERA, STEREO_CAMERAS, LEFT_CAMERA, " + RACER_BORDER_RAYS
                        + ", LIDAR, SECTOR_LIDAR, DISCRETIZED_SECTOR_LIDAR");
            }
        }
        if (cameras != 1) {
            throw new IllegalArgumentException(field + ": DeepRacer needs exactly one camera sensor "
                    + "(FRONT_FACING_CAMERA, STEREO_CAMERAS, LEFT_CAMERA or " + RACER_BORDER_RAYS + "), got "
                    + sensors);
        }
        if (lidars > 1) {
            throw new IllegalArgumentException(field + ": DeepRacer allows at most one lidar sensor (LIDAR, "
                    + "SECTOR_LIDAR or DISCRETIZED_SECTOR_LIDAR), got " + sensors);
        }
    }
}
