package dev.racer.cli.bench;

import dev.racer.render.Cameras;
import dev.racer.render.TrackScene;

import dev.racer.sensor.CameraSensor;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;

/**
 * Measures camera frames per second on one thread: a {@link CameraSensor} renders 160×120 grayscale frames
 * from poses spread along the centre line (heading along it), as a car lapping would see them.
 */
public final class RenderBench {

    /** @param frames frames rendered, @param seconds wall time [s] they took */
    public record Result(long frames, double seconds) {
        public double framesPerSecond() {
            return frames / seconds;
        }

        public double msPerFrame() {
            return 1000 * seconds / frames;
        }
    }

    private RenderBench() {
    }

    /** Renders for about {@code seconds} (after a short warm-up) and returns what it measured. */
    public static Result run(TrackGeometry geo, double seconds, boolean stereo) {
        TrackScene scene = TrackScene.of(geo);
        CameraSensor sensor = stereo ? CameraSensor.stereo() : CameraSensor.frontFacing();
        int poses = 997;
        double[] x = new double[poses], y = new double[poses], yaw = new double[poses];
        Projection p = new Projection();
        for (int i = 0; i < poses; i++) {
            double along = geo.length() * i / poses;
            yaw[i] = geo.headingAt(along, p);
            x[i] = p.x;
            y[i] = p.y;
        }
        float[] out = new float[sensor.size()];
        int views = stereo ? 2 : 1;
        long warm = System.nanoTime() + 500_000_000L;
        int i = 0;
        while (System.nanoTime() < warm) {
            render(sensor, scene, x[i], y[i], yaw[i], stereo, out);
            i = (i + 1) % poses;
        }
        long frames = 0;
        long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9);
        long now;
        do {
            for (int k = 0; k < 64; k++) {
                render(sensor, scene, x[i], y[i], yaw[i], stereo, out);
                i = (i + 1) % poses;
            }
            frames += 64L * views;
            now = System.nanoTime();
        } while (now < end);
        return new Result(frames, (now - t0) / 1e9);
    }

    private static void render(CameraSensor s, TrackScene scene, double x, double y, double yaw, boolean stereo, float[] out) {
        if (stereo) {
            s.frame(scene, x, y, yaw, Cameras.STEREO_HALF_BASELINE, out, 0);
            s.frame(scene, x, y, yaw, -Cameras.STEREO_HALF_BASELINE, out, CameraSensor.WIDTH * CameraSensor.HEIGHT);
        } else {
            s.frame(scene, x, y, yaw, 0, out, 0);
        }
    }
}
