package dev.racer.render;

import org.joml.Matrix4f;

/**
 * The cameras, as OpenGL-convention view-projection matrices (world z up, clip space -w..w) written into a
 * caller's {@link Matrix4f} with no allocation. The OpenGL viewer and the {@link Rasterizer} use the same
 * matrices.
 */
public final class Cameras {
    /** DeepRacer's camera: horizontal field of view [rad]. */
    public static final double ONBOARD_HFOV = 1.13;
    /** on-board camera: distance ahead of the rear-axle centre [m] (on the car's front) */
    public static final double ONBOARD_X = 0.17;
    /** on-board camera: height above the ground [m] */
    public static final double ONBOARD_Z = 0.11;
    /** on-board camera: pitch down [rad] (15°) */
    public static final double ONBOARD_PITCH = Math.toRadians(15);
    /** half the stereo pair's baseline [m] */
    public static final double STEREO_HALF_BASELINE = 0.03;
    public static final float ONBOARD_NEAR = 0.02f;
    public static final float FAR = 120f;

    /** What a camera looks at. */
    public enum Mode {
        CHASE, TOP, ONBOARD;

        /** The next mode (the viewer's C key). */
        public Mode next() {
            return values()[(ordinal() + 1) % values().length];
        }

        /** {@code chase}, {@code top} or {@code onboard} (case-insensitive). */
        public static Mode parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "chase" -> CHASE;
                case "top", "top-down", "topdown" -> TOP;
                case "onboard", "on-board", "camera" -> ONBOARD;
                default -> throw new IllegalArgumentException("camera must be chase, top or onboard, got \"" + s + "\"");
            };
        }
    }

    private Cameras() {
    }

    /** Vertical field of view [rad] that gives horizontal field of view {@code hfov} at {@code aspect} (w/h). */
    public static float verticalFov(double hfov, double aspect) {
        return (float) (2 * Math.atan(Math.tan(hfov / 2) / aspect));
    }

    /**
     * The car's own camera (DeepRacer's: on the front, 1.13 rad horizontal field of view, tilted down),
     * shifted {@code lateral} [m] to the left (stereo pairs use ±{@link #STEREO_HALF_BASELINE}).
     */
    public static Matrix4f onboard(Matrix4f out, double x, double y, double yaw, double lateral, double aspect) {
        double c = Math.cos(yaw), s = Math.sin(yaw);
        double ex = x + c * ONBOARD_X - s * lateral, ey = y + s * ONBOARD_X + c * lateral, ez = ONBOARD_Z;
        double cp = Math.cos(ONBOARD_PITCH), sp = Math.sin(ONBOARD_PITCH);
        return out.setPerspective(verticalFov(ONBOARD_HFOV, aspect), (float) aspect, ONBOARD_NEAR, FAR)
                .lookAt((float) ex, (float) ey, (float) ez,
                        (float) (ex + c * cp), (float) (ey + s * cp), (float) (ez - sp), 0, 0, 1);
    }

    /** A camera behind and above the car, looking a little ahead of it. */
    public static Matrix4f chase(Matrix4f out, double x, double y, double yaw, double aspect) {
        double c = Math.cos(yaw), s = Math.sin(yaw);
        return out.setPerspective(0.9f, (float) aspect, 0.05f, FAR)
                .lookAt((float) (x - 0.85 * c), (float) (y - 0.85 * s), 0.55f,
                        (float) (x + 0.45 * c), (float) (y + 0.45 * s), 0f, 0, 0, 1);
    }

    /** Straight down on the whole track (orthographic), fitted to the view with a small margin. */
    public static Matrix4f top(Matrix4f out, TrackScene scene, double aspect) {
        float cx = (scene.minX() + scene.maxX()) / 2, cy = (scene.minY() + scene.maxY()) / 2;
        float hw = (scene.maxX() - scene.minX()) / 2 * 1.06f, hh = (scene.maxY() - scene.minY()) / 2 * 1.06f;
        if (hw / hh > aspect) {
            hh = (float) (hw / aspect);
        } else {
            hw = (float) (hh * aspect);
        }
        return out.setOrtho(-hw, hw, -hh, hh, 1f, 100f).lookAt(cx, cy, 50f, cx, cy, 0f, 0, 1, 0);
    }

    /** The camera {@code mode} for a car at (x, y, yaw) on {@code scene}. */
    public static Matrix4f of(Mode mode, Matrix4f out, TrackScene scene, double x, double y, double yaw, double aspect) {
        return switch (mode) {
            case CHASE -> chase(out, x, y, yaw, aspect);
            case TOP -> top(out, scene, aspect);
            case ONBOARD -> onboard(out, x, y, yaw, 0, aspect);
        };
    }
}
