package dev.racer.view;

import static org.lwjgl.opengl.GL30C.*;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * A framebuffer object (RGBA8 colour + 24-bit depth) to render screenshots into, and read them back. With
 * {@code samples > 1} it renders multisampled (anti-aliased edges) and resolves into a plain framebuffer to
 * read; where the driver offers fewer samples (or none), it takes what there is, down to none.
 */
final class Offscreen implements AutoCloseable {
    private final int fbo;        // what is drawn into
    private final int color;
    private final int depth;
    private final int resolveFbo; // single-sampled copy to read (0 without multisampling)
    private final int resolveColor;
    final int width;
    final int height;
    final int samples;

    Offscreen(int width, int height, int samples) {
        this.width = width;
        this.height = height;
        int max = glGetInteger(GL_MAX_SAMPLES);
        int s = Math.max(0, Math.min(samples, max));
        int[] made = s > 1 ? tryMake(width, height, s) : null;
        if (made == null) {
            s = 0;
            made = tryMake(width, height, 0);
            if (made == null) {
                throw new IllegalStateException("off-screen framebuffer " + width + "x" + height + " incomplete");
            }
        }
        this.samples = s;
        fbo = made[0];
        color = made[1];
        depth = made[2];
        if (s > 1) {
            resolveFbo = glGenFramebuffers();
            glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo);
            resolveColor = glGenRenderbuffers();
            glBindRenderbuffer(GL_RENDERBUFFER, resolveColor);
            glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolveColor);
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
        } else {
            resolveFbo = 0;
            resolveColor = 0;
        }
    }

    /** {fbo, colour, depth} with {@code samples} samples (0: plain), or null where that is incomplete. */
    private static int[] tryMake(int width, int height, int samples) {
        int fbo = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        int color = glGenRenderbuffers();
        glBindRenderbuffer(GL_RENDERBUFFER, color);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
        int depth = glGenRenderbuffers();
        glBindRenderbuffer(GL_RENDERBUFFER, depth);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH_COMPONENT24, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (status != GL_FRAMEBUFFER_COMPLETE || glGetError() != GL_NO_ERROR) {
            glDeleteRenderbuffers(color);
            glDeleteRenderbuffers(depth);
            glDeleteFramebuffers(fbo);
            return null;
        }
        return new int[] {fbo, color, depth};
    }

    void bind() {
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    }

    static void unbind() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }

    /** Reads the colour buffer as {@code 0xRRGGBB} pixels, row 0 at the top (resolving the samples first). */
    int[] readRgb() {
        if (resolveFbo != 0) {
            glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo);
            glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
            glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo);
        } else {
            bind();
        }
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

    @Override
    public void close() {
        glDeleteRenderbuffers(color);
        glDeleteRenderbuffers(depth);
        glDeleteFramebuffers(fbo);
        if (resolveFbo != 0) {
            glDeleteRenderbuffers(resolveColor);
            glDeleteFramebuffers(resolveFbo);
        }
    }
}
