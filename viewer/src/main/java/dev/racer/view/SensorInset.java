package dev.racer.view;

import static org.lwjgl.opengl.GL33C.*;

import dev.racer.render.TrackScene;
import dev.racer.sensor.CameraSensor;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.lwjgl.system.MemoryStack;
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
    private final GlProgram program;
    private final int viewportLocation;
    private final int texture;
    private final int vao;
    private final int vbo;

    SensorInset() {
        program = new GlProgram("hud.vert", "hud.frag");
        viewportLocation = program.uniform("viewport");
        program.use();
        glUniform1i(program.uniform("text"), 0);
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        // one gray channel shown as RGB, opaque
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, GL_RED);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_B, GL_RED);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_A, GL_ONE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, W, H, 0, GL_RED, GL_UNSIGNED_BYTE, (ByteBuffer) null);
        vao = glGenVertexArrays();
        vbo = glGenBuffers();
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBufferData(GL_ARRAY_BUFFER, 6L * 4 * Float.BYTES, GL_DYNAMIC_DRAW);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, 4 * Float.BYTES, 0L);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, 4 * Float.BYTES, 2L * Float.BYTES);
        glEnableVertexAttribArray(1);
        glBindVertexArray(0);
    }

    void draw(ViewState s, TrackScene scene, int width, int height) {
        sensor.frame(scene, s.x, s.y, s.yaw, 0, frame, 0);
        for (int i = 0; i < frame.length; i++) {
            bytes.put(i, (byte) Math.round(frame[i] * 255));
        }
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, W, H, GL_RED, GL_UNSIGNED_BYTE, bytes);
        int scale = width >= 900 ? 2 : 1;
        float x0 = width - MARGIN - W * scale, y0 = height - MARGIN - H * scale, x1 = width - MARGIN, y1 = height - MARGIN;
        program.use();
        glUniform2f(viewportLocation, width, height);
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            FloatBuffer q = stack.mallocFloat(24);
            q.put(x0).put(y0).put(0).put(0).put(x1).put(y0).put(1).put(0).put(x1).put(y1).put(1).put(1)
                    .put(x0).put(y0).put(0).put(0).put(x1).put(y1).put(1).put(1).put(x0).put(y1).put(0).put(1).flip();
            glBufferSubData(GL_ARRAY_BUFFER, 0, q);
        }
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_BLEND);
        glDrawArrays(GL_TRIANGLES, 0, 6);
    }

    @Override
    public void close() {
        glDeleteTextures(texture);
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
        program.close();
        MemoryUtil.memFree(bytes);
    }
}
