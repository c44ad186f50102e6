package dev.racer.view;

import static org.lwjgl.opengl.GL33C.*;

import dev.racer.render.TrackScene;
import dev.racer.sensor.CameraSensor;
import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * What the car's {@code FRONT_FACING_CAMERA} sensor sees (160×120 grayscale, rendered by the pure-Java
 * rasterizer exactly as the policy gets it), shown in the bottom-right corner of the window (key V).
 */
final class SensorInset implements AutoCloseable {
    private static final int W = CameraSensor.WIDTH, H = CameraSensor.HEIGHT, MARGIN = 10;
    private final CameraSensor sensor = CameraSensor.frontFacing();
    private final float[] frame = new float[W * H];
    private final ByteBuffer bytes = MemoryUtil.memAlloc(W * H);
    private final ScreenQuad quad;

    SensorInset() {
        quad = new ScreenQuad(W, H, GL_R8, GL_RED, true); // one gray channel shown as opaque RGB
    }

    void draw(CarState s, TrackScene scene, int width, int height) {
        sensor.frame(scene, s.x, s.y, s.yaw, 0, frame, 0);
        for (int i = 0; i < frame.length; i++) {
            bytes.put(i, (byte) Math.round(frame[i] * 255));
        }
        quad.upload(bytes);
        int scale = width >= 900 ? 2 : 1;
        float x0 = width - MARGIN - W * scale, y0 = height - MARGIN - H * scale, x1 = width - MARGIN, y1 = height - MARGIN;
        quad.draw(width, height, x0, y0, x1, y1, 1, 1, false);
    }

    @Override
    public void close() {
        quad.close();
        MemoryUtil.memFree(bytes);
    }
}
