package dev.racer.render;

import dev.racer.car.CarSpec;
import org.joml.Matrix4f;

/**
 * DeepRacer's 1/18-scale car as meshes in its own frame: origin at the rear-axle centre on the ground, x forward,
 * y left, z up. The body is a dark chassis plate with bumpers, a low shell from a flat tail to a sloped nose with a
 * narrower cabin on it (tinted sides), a sensor/battery bump on the back of the roof and the camera on its mount at the front
 * (where {@link Cameras#onboard} looks from); one wheel mesh (a 12-sided tyre with light hubs) is drawn four
 * times, the front wheels turned with the steering. Faces wind outwards (see {@link Mesh#normals()}). Draw with
 * the depth test on.
 */
public final class CarModel {
    public static final int CHASSIS = 0x26262A;
    /** the default shell colour (car 0's) */
    public static final int SHELL = 0xC8322D;
    /** the default shell's upward faces */
    public static final int SHELL_TOP = 0xE04A40;
    public static final int CAMERA = 0x101014;
    public static final int LENS = 0x3A4A66;
    public static final int DECK = 0x1C1C20;
    /** the cabin's tinted sides */
    public static final int GLASS = 0x23272F;
    public static final int TYRE = 0x141414;
    public static final int TYRE_SIDE = 0x2A2A2A;
    public static final int HUB = 0xB8B8BC;

    /**
     * Shell colours of the cars in a race, car {@code i} gets {@code PALETTE[i % length]}: red, blue, orange,
     * purple, teal, pink, white, yellow-green; none is the grass, road or line colour.
     */
    public static final int[] PALETTE = {SHELL, 0x2F6FD6, 0xF08A1C, 0x8E44C8, 0x18B4AA, 0xE8489A, 0xE6E6E6, 0xB8D030};

    public static final double WHEEL_RADIUS = 0.032;
    public static final double WHEEL_WIDTH = 0.026;
    private static final int WHEEL_SIDES = 12;

    private final CarSpec spec;
    private final Mesh body;
    private final Mesh wheel;
    private final Mesh[] bodies = new Mesh[PALETTE.length];

    public CarModel(CarSpec spec) {
        this.spec = spec;
        this.body = buildBody(spec, SHELL, SHELL_TOP);
        bodies[0] = body;
        Mesh.Builder w = new Mesh.Builder();
        w.batch();
        double r = WHEEL_RADIUS;
        w.cylinderY(0, 0, r, r, WHEEL_WIDTH, WHEEL_SIDES, TYRE, TYRE_SIDE);
        // the hubs: a lighter disc just proud of each side of the tyre
        w.cylinderY(0, WHEEL_WIDTH / 2, r, r * 0.55, 0.004, WHEEL_SIDES, HUB, HUB);
        w.cylinderY(0, -WHEEL_WIDTH / 2, r, r * 0.55, 0.004, WHEEL_SIDES, HUB, HUB);
        wheel = w.build();
    }

    /** Shell colour of car {@code index} (0 for a lone car) in a race: {@link #PALETTE} round robin. */
    public static int colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    private static Mesh buildBody(CarSpec spec, int shell, int shellTop) {
        double wb = spec.wheelbase();
        double half = spec.axleTrack() / 2 - WHEEL_WIDTH / 2 - 0.004;  // inside the wheels
        Mesh.Builder b = new Mesh.Builder();
        b.batch();
        // chassis plate between the wheels, with bumpers sticking out front and back
        b.box(-0.055, -half, 0.014, wb + 0.065, half, 0.032, CHASSIS, CHASSIS);
        b.box(wb + 0.065, -half * 0.7, 0.016, wb + 0.085, half * 0.7, 0.030, CHASSIS, CHASSIS);
        b.box(-0.075, -half * 0.7, 0.018, -0.055, half * 0.7, 0.034, CHASSIS, CHASSIS);
        // the shell: a side profile (counter-clockwise, x forward, z up) extruded across, between the wheels (which
        // stand out at the sides as DeepRacer's do)
        double sh = spec.axleTrack() / 2 - WHEEL_WIDTH / 2 - 0.002;
        double[] lower = {
            -0.07, 0.032,         // tail, bottom
            wb + 0.08, 0.032,     // nose, bottom
            wb + 0.08, 0.046,     // nose tip
            wb + 0.02, 0.064,     // bonnet
            -0.06, 0.066,         // rear deck
            -0.07, 0.058,         // tail, top
        };
        b.prismY(lower, -sh, sh, shell, shellTop);
        // the cabin on top, narrower, its sides tinted dark, its roof and windscreen in the shell colour
        double[] cabin = {
            -0.045, 0.064,
            wb - 0.005, 0.064,
            wb - 0.045, 0.088,
            0.0, 0.091,
            -0.045, 0.074,
        };
        b.prismY(cabin, -sh + 0.018, sh - 0.018, GLASS, shellTop);
        // the sensor/battery bump on the back of the roof and the camera on its mount at the front
        b.box(-0.03, -0.035, 0.080, 0.035, 0.035, 0.097, DECK, DECK);
        b.box(wb - 0.02, -0.008, 0.060, wb - 0.005, 0.008, 0.100, CAMERA, CAMERA);        // mount
        b.box(wb - 0.025, -0.028, 0.098, wb + 0.012, 0.028, 0.122, CAMERA, CAMERA);       // camera housing
        b.cylinderY(wb + 0.012, 0, 0.11, 0.008, 0.02, 8, LENS, LENS);                     // its lens, across y
        return b.build();
    }

    public CarSpec spec() {
        return spec;
    }

    /** Body mesh (car frame) with the default shell colour. */
    public Mesh body() {
        return body;
    }

    /** Body mesh (car frame) of car {@code index}, shell in {@link #colour(int)} (built once per colour). */
    public synchronized Mesh body(int index) {
        int i = Math.floorMod(index, PALETTE.length);
        if (bodies[i] == null) {
            bodies[i] = buildBody(spec, PALETTE[i], Mesh.shade(PALETTE[i], 1.12));
        }
        return bodies[i];
    }

    /** One wheel (its own frame: centre of the contact patch, x forward, axle along y). */
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
