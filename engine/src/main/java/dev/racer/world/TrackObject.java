package dev.racer.world;

/**
 * One object on the track as DeepRacer's collision and camera checks see it: an oriented rectangle on the
 * floor. The rectangle is DeepRacer's {@code get_object_bounding_rect}: {@code length} along {@code heading},
 * {@code width} across it, centred on (x, y).
 *
 * @param x       centre x [m]
 * @param y       centre y [m]
 * @param heading direction of the length axis [rad], counter-clockwise from +x
 * @param length  extent along the heading [m]
 * @param width   extent across the heading [m]
 * @param speed   speed along the heading [m/s] (0 for boxes)
 */
public record TrackObject(double x, double y, double heading, double length, double width, double speed) {

    /**
     * The box DeepRacer places ({@code box_obstacle/model.sdf}: 0.4 m × 0.3 m × 0.25 m) as its checks see it:
     * {@code ObstacleDimensions.BOX_OBSTACLE_DIMENSION} adds 0.1 m to each side, and
     * {@code get_object_bounding_rect} lays 0.5 m along the lane and 0.4 m across.
     */
    public static final double BOX_LENGTH = 0.5;
    /** @see #BOX_LENGTH */
    public static final double BOX_WIDTH = 0.4;
    /** Visible size of the box [m]: length along the lane, width across, height (for the camera scene). */
    public static final double BOX_VISUAL_LENGTH = 0.4, BOX_VISUAL_WIDTH = 0.3, BOX_VISUAL_HEIGHT = 0.25;
    /** Height of the box's centre above the floor [m] ({@code OBSTACLE_Z}); the camera test points lie there. */
    public static final double BOX_Z = 0.1;

    public TrackObject {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(heading)) {
            throw new IllegalArgumentException("object position and heading must be finite, got (" + x + ", " + y
                    + ", " + heading + ")");
        }
        if (!(length > 0) || !(width > 0) || Double.isInfinite(length) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("object length and width must be finite numbers > 0 [m], got "
                    + length + " x " + width);
        }
        if (!Double.isFinite(speed)) {
            throw new IllegalArgumentException("object speed must be finite [m/s], got " + speed);
        }
    }

    /** A static DeepRacer box at (x, y) [m] with its length along {@code heading} [rad]. */
    public static TrackObject box(double x, double y, double heading) {
        return new TrackObject(x, y, heading, BOX_LENGTH, BOX_WIDTH, 0.0);
    }
}
