package dev.racer.view;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.GL_VERSION;
import static org.lwjgl.opengl.GL11C.glGetString;
import static org.lwjgl.system.MemoryUtil.NULL;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.Configuration;

/**
 * A GLFW window with an OpenGL 3.3 core context, current on the calling thread. Headless contexts use
 * GLFW's null platform with an EGL context (Mesa's llvmpipe needs no display); windowed ones use the
 * desktop's platform (X11 or Wayland; Xvfb works).
 *
 * <p>Explicit life cycle, as in lwjgl3-demos: create, use on one thread, {@link #close()}.
 */
public final class GlContext implements AutoCloseable {
    private final long window;
    private final boolean headless;
    private final GLFWErrorCallback errors;
    private final ByteArrayOutputStream errorLog;

    private GlContext(long window, boolean headless, GLFWErrorCallback errors, ByteArrayOutputStream log) {
        this.window = window;
        this.headless = headless;
        this.errors = errors;
        this.errorLog = log;
    }

    /** An off-screen context (GLFW null platform + EGL): renders with no display. Throws {@link GlException}. */
    public static GlContext headless(int width, int height) {
        return create(width, height, "racer", true, false);
    }

    /** A visible window; {@code vsync} limits the frame rate to the display's. Throws {@link GlException}. */
    public static GlContext window(int width, int height, String title, boolean vsync) {
        return window(width, height, title, vsync, 0);
    }

    /**
     * A visible window with {@code samples} multisamples per pixel (anti-aliasing); where the display cannot
     * give them, a window without. Throws {@link GlException}.
     */
    public static GlContext window(int width, int height, String title, boolean vsync, int samples) {
        if (samples > 1) {
            try {
                return create(width, height, title, false, vsync, samples);
            } catch (GlException e) {
                // no multisampled visual here: fall back to a plain one (its error says why if that fails too)
            }
        }
        return create(width, height, title, false, vsync, 0);
    }

    private static GlContext create(int width, int height, String title, boolean headless, boolean vsync) {
        return create(width, height, title, headless, vsync, 0);
    }

    private static synchronized GlContext create(int width, int height, String title, boolean headless, boolean vsync,
                                                 int samples) {
        try {
            return tryCreate(width, height, title, headless, vsync, samples);
        } catch (LinkageError e) {
            throw new GlException("the LWJGL/OpenGL native libraries cannot be loaded: " + e.getMessage()
                    + (headless ? " (needs libegl1 libegl-mesa0 libgl1-mesa-dri)" : ""), e);
        }
    }

    private static GlContext tryCreate(int width, int height, String title, boolean headless, boolean vsync,
                                       int samples) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logs = new PrintStream(log, true, StandardCharsets.UTF_8);
        GLFWErrorCallback cb = GLFWErrorCallback.create((error, description) ->
                logs.printf("GLFW error 0x%X: %s%n", error, GLFWErrorCallback.getDescription(description)));
        glfwSetErrorCallback(cb);
        if (headless) {
            // EGL for LWJGL's function lookup too, before the first GL call
            Configuration.OPENGL_CONTEXT_API.set("EGL");
            glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_NULL);
        } else {
            Configuration.OPENGL_CONTEXT_API.set(null);
            glfwInitHint(GLFW_PLATFORM, GLFW_ANY_PLATFORM);
        }
        if (!glfwInit()) {
            glfwSetErrorCallback(null);
            cb.free();
            throw new GlException((headless ? "headless (GLFW null platform)" : "windowed") + " GLFW init failed: "
                    + log.toString(StandardCharsets.UTF_8).strip()
                    + (headless ? "" : " (no display? use --screenshot for headless pictures, or xvfb-run)"));
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_API);
        if (headless) {
            glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
            glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        }
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_SAMPLES, samples); // headless contexts multisample in their own framebuffer
        long window = glfwCreateWindow(width, height, title, NULL, NULL);
        if (window == NULL) {
            String why = log.toString(StandardCharsets.UTF_8).strip();
            glfwTerminate();
            glfwSetErrorCallback(null);
            cb.free();
            throw new GlException("cannot create an OpenGL 3.3 context" + (headless ? " over EGL" : "") + ": "
                    + (why.isEmpty() ? "unknown reason" : why)
                    + (headless ? " (needs the Mesa EGL packages: apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri)" : ""));
        }
        glfwMakeContextCurrent(window);
        try {
            GL.createCapabilities();
        } catch (RuntimeException | LinkageError e) {
            glfwDestroyWindow(window);
            glfwTerminate();
            glfwSetErrorCallback(null);
            cb.free();
            throw new GlException("OpenGL functions cannot be loaded: " + e.getMessage(), e);
        }
        glfwSwapInterval(vsync ? 1 : 0);
        return new GlContext(window, headless, cb, log);
    }

    public long window() {
        return window;
    }

    public boolean headless() {
        return headless;
    }

    /** "OpenGL version, renderer", e.g. "4.5 (Core Profile) Mesa 22.3.6, llvmpipe (LLVM 15.0.6, 256 bits)". */
    public String describe() {
        return glGetString(GL_VERSION) + ", " + glGetString(GL_RENDERER);
    }

    /** GLFW errors reported so far. */
    public String errors() {
        return errorLog.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        GL.setCapabilities(null);
        glfwMakeContextCurrent(NULL);
        glfwDestroyWindow(window);
        glfwTerminate();
        glfwSetErrorCallback(null);
        errors.free();
    }

    /** OpenGL or GLFW could not start. */
    public static final class GlException extends RuntimeException {
        public GlException(String message) {
            super(message);
        }

        public GlException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
