package dev.racer.world;

/**
 * DeepRacer's camera frustum ({@code markov/cameras/frustum.py}) for {@code object_in_camera}: the front camera
 * (simapp version ≥ 3) sits at (0.14529, 0, 0.13033) m from the car's model origin, pitched 0.2618 rad down,
 * with a 1.13 rad horizontal field of view, a 640×480 aspect, and near and far planes at 0.2 m and 300 m. A
 * point is visible when it is strictly inside all six planes. Pure functions; the car stands on the floor
 * (z = 0).
 */
public final class CameraFrustum {
    public static final double OFFSET_X = 0.14529379, OFFSET_Z = 0.13032555;
    public static final double PITCH = 0.2618;
    public static final double HORIZONTAL_FOV = 1.13;
    public static final double VIEW_RATIO = 480.0 / 640.0;
    public static final double NEAR = 0.2, FAR = 300.0;
    private static final double TAN_H = Math.tan(HORIZONTAL_FOV / 2);
    private static final double TAN_V = TAN_H * VIEW_RATIO;
    private static final double COS_P = Math.cos(PITCH), SIN_P = Math.sin(PITCH);

    private CameraFrustum() {
    }

    /** Whether point (px, py, pz) [m] is in the camera frustum of a car at model origin (x, y) with {@code yaw}. */
    public static boolean visible(double x, double y, double yaw, double px, double py, double pz) {
        double c = Math.cos(yaw), s = Math.sin(yaw);
        return visible(x, y, c, s, px, py, pz);
    }

    static boolean visible(double x, double y, double c, double s, double px, double py, double pz) {
        double camX = x + OFFSET_X * c, camY = y + OFFSET_X * s, camZ = OFFSET_Z;
        double dx = px - camX, dy = py - camY, dz = pz - camZ;
        // camera axes: forward pitched down, right, up
        double depth = COS_P * (c * dx + s * dy) - SIN_P * dz;
        double right = s * dx - c * dy;
        double up = SIN_P * (c * dx + s * dy) + COS_P * dz;
        return depth > NEAR && depth < FAR && Math.abs(right) < depth * TAN_H && Math.abs(up) < depth * TAN_V;
    }

    /**
     * DeepRacer's {@code get_objects_in_camera_frustums} test for object {@code i}: any corner of its rectangle
     * or its centre, at the object's height, is visible.
     */
    public static boolean objectVisible(WorldObjects o, int i, double x, double y, double c, double s, double z) {
        if (visible(x, y, c, s, o.x[i], o.y[i], z)) {
            return true;
        }
        double oc = o.cos[i], os = o.sin[i], hl = o.halfLength[i], hw = o.halfWidth[i];
        for (int k = 0; k < 4; k++) {
            double su = (k & 1) == 0 ? 1 : -1;
            double sv = (k & 2) == 0 ? 1 : -1;
            if (visible(x, y, c, s, o.x[i] + su * hl * oc - sv * hw * os, o.y[i] + su * hl * os + sv * hw * oc, z)) {
                return true;
            }
        }
        return false;
    }
}
