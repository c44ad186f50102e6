package dev.racer.sensor;

import dev.racer.space.ObservationSpace;
import dev.racer.render.Cameras;
import dev.racer.render.SceneRenderer;
import dev.racer.render.TrackScene;
import dev.racer.track.TrackGeometry;

/**
 * DeepRacer's camera sensors: {@code FRONT_FACING_CAMERA} (one 160×120 grayscale camera on the car's front,
 * 1.13 rad horizontal field of view) and {@code STEREO_CAMERAS} (two, {@value #STEREO_BASELINE_MM} mm apart,
 * the left image then the right one in the observation). Frames are rendered by the pure-Java
 * {@link dev.racer.render.Rasterizer} from the same scene and matrices as the OpenGL viewer.
 *
 * <p>The observation is row-major, row 0 at the top of the image, each pixel's luminance in [0, 1]
 * (DeepRacer's 0..255 grayscale divided by 255).
 *
 * <p>One instance per environment (it owns its rasterizer); {@link #observe} allocates nothing.
 */
public final class CameraSensor implements Sensor {
    public static final int WIDTH = 160;
    public static final int HEIGHT = 120;
    public static final String FRONT_FACING_CAMERA = "FRONT_FACING_CAMERA";
    public static final String STEREO_CAMERAS = "STEREO_CAMERAS";
    static final int STEREO_BASELINE_MM = 60;
    private static final float[] LEVEL = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            LEVEL[i] = i / 255f;
        }
    }

    private final boolean stereo;
    private final SceneRenderer renderer;
    private TrackGeometry lastGeometry;
    private TrackScene scene;

    private CameraSensor(boolean stereo, dev.racer.car.CarSpec spec) {
        this.stereo = stereo;
        this.renderer = new SceneRenderer(WIDTH, HEIGHT, spec);
    }

    /** A new {@code FRONT_FACING_CAMERA} (one per environment). */
    public static CameraSensor frontFacing() {
        return new CameraSensor(false, dev.racer.car.CarSpec.DEFAULT);
    }

    /** A new {@code STEREO_CAMERAS} pair (one per environment). */
    public static CameraSensor stereo() {
        return new CameraSensor(true, dev.racer.car.CarSpec.DEFAULT);
    }

    /** The camera sensor called {@code name} ({@code FRONT_FACING_CAMERA} or {@code STEREO_CAMERAS}). */
    public static CameraSensor byName(String name) {
        return switch (name) {
            case FRONT_FACING_CAMERA -> frontFacing();
            case STEREO_CAMERAS -> stereo();
            default -> throw new IllegalArgumentException("not a camera sensor: " + name
                    + " (expected " + FRONT_FACING_CAMERA + " or " + STEREO_CAMERAS + ")");
        };
    }

    @Override
    public String name() {
        return stereo ? STEREO_CAMERAS : FRONT_FACING_CAMERA;
    }

    @Override
    public int size() {
        return (stereo ? 2 : 1) * WIDTH * HEIGHT;
    }

    public boolean isStereo() {
        return stereo;
    }

    /** luminance in [0, 1], shape {@code [cameras, HEIGHT, WIDTH]} */
    @Override
    public ObservationSpace observationSpace() {
        return ObservationSpace.box(0f, 1f, stereo ? 2 : 1, HEIGHT, WIDTH);
    }

    @Override
    public void observe(CarView env, float[] out) {
        TrackGeometry geo = env.geometry();
        if (geo != lastGeometry) {
            scene = TrackScene.of(geo);
            lastGeometry = geo;
        }
        objects = env.objects(); // the boxes of an object-avoidance race are in the picture
        if (stereo) {
            frame(env.carX(), env.carY(), env.carYaw(), Cameras.STEREO_HALF_BASELINE, out, 0);
            frame(env.carX(), env.carY(), env.carYaw(), -Cameras.STEREO_HALF_BASELINE, out, WIDTH * HEIGHT);
        } else {
            frame(env.carX(), env.carY(), env.carYaw(), 0, out, 0);
        }
    }

    /**
     * Renders one camera frame of {@code scene} for a car at (x, y, yaw), shifted {@code lateral} [m] to the
     * left, into {@code out[offset .. offset + 19200)}.
     */
    public void frame(TrackScene scene, double x, double y, double yaw, double lateral, float[] out, int offset) {
        this.scene = scene;
        this.lastGeometry = scene.geometry();
        frame(x, y, yaw, lateral, out, offset);
    }

    /** the objects of the last observed car's track (none for frames of a given scene) */
    private dev.racer.world.WorldObjects objects = dev.racer.world.WorldObjects.EMPTY;

    private void frame(double x, double y, double yaw, double lateral, float[] out, int offset) {
        Cameras.onboard(renderer.viewProj(), x, y, yaw, lateral, renderer.aspect());
        int[] px = renderer.render(scene, objects.count() > 0 ? objects : null, true, false, x, y, yaw, 0);
        for (int i = 0; i < px.length; i++) {
            out[offset + i] = LEVEL[px[i]];
        }
    }
}
