package dev.racer.view;

import static org.lwjgl.opengl.GL30C.*;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/** A framebuffer object (RGBA8 colour + 24-bit depth) to render screenshots into, and read them back. */
final class Offscreen implements AutoCloseable {
    private final int fbo;
    private final int color;
    private final int depth;
    final int width;
    final int height;

    Offscreen(int width, int height) {
        this.width = width;
        this.height = height;
        fbo = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        color = glGenRenderbuffers();
        glBindRenderbuffer(GL_RENDERBUFFER, color);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
        depth = glGenRenderbuffers();
        glBindRenderbuffer(GL_RENDERBUFFER, depth);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            close();
            throw new IllegalStateException("off-screen framebuffer " + width + "x" + height + " incomplete: 0x"
                    + Integer.toHexString(status));
        }
    }

    void bind() {
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    }

    static void unbind() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }

    /** Reads the colour buffer as {@code 0xRRGGBB} pixels, row 0 at the top. */
    int[] readRgb() {
        bind();
        ByteBuffer buf = MemoryUtil.memAlloc(width * height * 4);
        try {
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, buf);
            int[] out = new int[width * height];
            for (int row = 0; row < height; row++) {
                int src = (height - 1 - row) * width * 4; // OpenGL's row 0 is the bottom
                for (int x = 0; x < width; x++) {
                    int o = src + 4 * x;
                    out[row * width + x] = ((buf.get(o) & 0xff) << 16) | ((buf.get(o + 1) & 0xff) << 8) | (buf.get(o + 2) & 0xff);
                }
            }
            return out;
        } finally {
            MemoryUtil.memFree(buf);
        }
    }

    BufferedImage readImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, readRgb(), 0, width);
        return img;
    }

    @Override
    public void close() {
        glDeleteRenderbuffers(color);
        glDeleteRenderbuffers(depth);
        glDeleteFramebuffers(fbo);
    }
}
