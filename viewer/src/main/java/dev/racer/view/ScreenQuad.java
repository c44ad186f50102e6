package dev.racer.view;

import static org.lwjgl.opengl.GL33.*;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.lwjgl.system.MemoryStack;

/**
 * A texture drawn as a screen-aligned quad in pixel coordinates (the HUD's text panel, the sensor inset):
 * one {@code hud} shader program, one texture, one dynamic quad. Explicit init in the constructor, cleanup in
 * {@link #close()}.
 */
final class ScreenQuad implements AutoCloseable {
    private final GlProgram program;
    private final int viewportLocation;
    private final int texture;
    private final int vao;
    private final int vbo;
    private final int width;
    private final int height;
    private final int format;

    /**
     * @param internalFormat GL internal format of the texture ({@code GL_RGBA8}, {@code GL_R8})
     * @param format         pixel format of uploads ({@code GL_RGBA}, {@code GL_RED})
     * @param grayAsRgb      show a one-channel texture as opaque gray
     */
    ScreenQuad(int width, int height, int internalFormat, int format, boolean grayAsRgb) {
        this.width = width;
        this.height = height;
        this.format = format;
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
        if (grayAsRgb) {
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, GL_RED);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_B, GL_RED);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_A, GL_ONE);
        }
        glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, width, height, 0, format, GL_UNSIGNED_BYTE, (ByteBuffer) null);
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

    /** Replaces the whole texture image. */
    void upload(ByteBuffer pixels) {
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, format, GL_UNSIGNED_BYTE, pixels);
    }

    /**
     * Draws texture coordinates (0,0)-(u,v) onto the window rectangle (x0,y0)-(x1,y1) [px, top-left origin] of a
     * {@code viewW × viewH} viewport, alpha-blended or opaque, with no depth test.
     */
    void draw(int viewW, int viewH, float x0, float y0, float x1, float y1, float u, float v, boolean blend) {
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, texture);
        program.use();
        glUniform2f(viewportLocation, viewW, viewH);
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            FloatBuffer q = stack.mallocFloat(24);
            q.put(x0).put(y0).put(0).put(0).put(x1).put(y0).put(u).put(0).put(x1).put(y1).put(u).put(v)
                    .put(x0).put(y0).put(0).put(0).put(x1).put(y1).put(u).put(v).put(x0).put(y1).put(0).put(v).flip();
            glBufferSubData(GL_ARRAY_BUFFER, 0, q);
        }
        glDisable(GL_DEPTH_TEST);
        if (blend) {
            glEnable(GL_BLEND);
            glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        } else {
            glDisable(GL_BLEND);
        }
        glDrawArrays(GL_TRIANGLES, 0, 6);
        glDisable(GL_BLEND);
    }

    @Override
    public void close() {
        glDeleteTextures(texture);
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
        program.close();
    }
}
