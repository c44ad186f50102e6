package dev.racer.render;

import dev.racer.car.CarSpec;
import org.joml.Matrix4f;

/**
 * The 1/18-scale car as meshes in its own frame: origin at the rear-axle centre on the ground, x forward,
 * y left, z up. A body (chassis, shell and camera mount) and one wheel mesh drawn four times; the front
 * wheels turn with the steering. Draw with the depth test on.
 */
public final class CarModel {
    public static final int CHASSIS = 0x26262A;
    public static final int SHELL = 0xC8322D;
    public static final int SHELL_TOP = 0xE04A40;
    public static final int CAMERA = 0x101014;
    public static final int TYRE = 0x141414;
    public static final int TYRE_SIDE = 0x2A2A2A;

    public static final double WHEEL_RADIUS = 0.032;
    public static final double WHEEL_WIDTH = 0.026;

    private final CarSpec spec;
    private final Mesh body;
    private final Mesh wheel;

    public CarModel(CarSpec spec) {
        this.spec = spec;
        double wb = spec.wheelbase(), half = spec.axleTrack() / 2 - WHEEL_WIDTH / 2 - 0.004;
        Mesh.Builder b = new Mesh.Builder();
        b.batch();
        b.box(-0.06, -half, 0.015, wb + 0.07, half, 0.045, CHASSIS, CHASSIS);          // chassis
        b.box(-0.04, -half + 0.005, 0.045, wb + 0.04, half - 0.005, 0.085, SHELL, SHELL_TOP); // shell
        b.box(wb - 0.005, -0.03, 0.085, wb + 0.025, 0.03, 0.11, CAMERA, CAMERA);       // camera mount
        body = b.build();
        Mesh.Builder w = new Mesh.Builder();
        w.batch();
        double r = WHEEL_RADIUS, hw = WHEEL_WIDTH / 2;
        w.box(-r, -hw, 0, r, hw, 2 * r, TYRE, TYRE_SIDE);
        wheel = w.build();
    }

    public CarSpec spec() {
        return spec;
    }

    /** Body mesh (car frame). */
    public Mesh body() {
        return body;
    }

    /** One wheel (its own frame: centre of the contact patch, x forward). */
    public Mesh wheel() {
        return wheel;
    }

    /** Model matrix of the body for a car at (x, y) heading {@code yaw} [rad]. */
    public Matrix4f bodyMatrix(Matrix4f out, double x, double y, double yaw) {
        return out.translation((float) x, (float) y, 0).rotateZ((float) yaw);
    }

    /**
     * Model matrix of wheel {@code w} (0 rear-left, 1 rear-right, 2 front-left, 3 front-right) for a car at
     * (x, y) heading {@code yaw} with front-wheel angle {@code steering} [rad].
     */
    public Matrix4f wheelMatrix(Matrix4f out, int w, double x, double y, double yaw, double steering) {
        double half = spec.axleTrack() / 2;
        float lx = (float) ((w & 2) != 0 ? spec.wheelbase() : 0);
        float ly = (float) ((w & 1) == 0 ? half : -half);
        bodyMatrix(out, x, y, yaw).translate(lx, ly, 0);
        if ((w & 2) != 0) {
            out.rotateZ((float) steering);
        }
        return out;
    }
}
