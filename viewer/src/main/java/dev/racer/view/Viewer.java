package dev.racer.view;

import static org.lwjgl.glfw.GLFW.*;

import dev.racer.car.CarSpec;
import dev.racer.render.Cameras;
import dev.racer.render.CarModel;
import dev.racer.render.TrackScene;
import java.io.PrintStream;
import java.nio.IntBuffer;
import java.util.Locale;
import org.lwjgl.glfw.GLFWKeyCallback;
import org.lwjgl.system.MemoryStack;

/**
 * The viewer window: init, loop, cleanup (lwjgl3-demos style). Keys: 1 chase, 2 top-down, 3 on-board,
 * C next camera, V the camera sensor's own 160×120 frame in a corner; Tab (Shift+Tab) the camera on the next
 * (previous) car, F1..F9 on car 1..9; Space pause, Right arrow (or N) one step, Up/+ faster, Down/- slower,
 * 0 real time; Esc or Q quits. The window only reads the {@link Source}'s state. Anti-aliased with
 * {@value #SAMPLES}x multisampling where the display offers it.
 */
public final class Viewer {
    /**
     * @param width     window width [px]
     * @param height    window height [px]
     * @param camera    the camera to start with
     * @param vsync     limit the frame rate to the display's
     * @param maxFrames quit after this many frames (0: run until closed)
     * @param printFps  print the frame rate every second
     * @param inset     start with the camera sensor's frame shown (key V toggles it)
     */
    public record Options(int width, int height, Cameras.Mode camera, boolean vsync, long maxFrames, boolean printFps,
                          boolean inset, int follow) {
        /** The camera on car 0. */
        public Options(int width, int height, Cameras.Mode camera, boolean vsync, long maxFrames, boolean printFps,
                       boolean inset) {
            this(width, height, camera, vsync, maxFrames, printFps, inset, 0);
        }
    }

    /** multisamples per pixel asked of the window */
    public static final int SAMPLES = 4;

    /** What a run measured. */
    public record Stats(long frames, double seconds, String renderer) {
        public double fps() {
            return frames / seconds;
        }
    }

    private final TrackScene scene;
    private final CarSpec spec;
    private final Source source;
    private final Options options;
    private final PrintStream out;
    private Cameras.Mode camera;
    private int follow;

    private GlContext context;
    private GlSceneRenderer renderer;
    private Hud hud;
    private SensorInset inset;
    private boolean showInset;
    private GLFWKeyCallback keys;

    public Viewer(TrackScene scene, CarSpec spec, Source source, Options options, PrintStream out) {
        this.scene = scene;
        this.spec = spec;
        this.source = source;
        this.options = options;
        this.out = out;
        this.camera = options.camera();
        this.showInset = options.inset();
        this.follow = options.follow();
    }

    /** Opens the window, runs until it is closed (or {@code maxFrames}), cleans up; returns the frame rate. */
    public Stats run() {
        init();
        try {
            return loop();
        } finally {
            cleanup();
        }
    }

    private void init() {
        context = GlContext.window(options.width(), options.height(), "Racer - " + scene.geometry().track().name(),
                options.vsync(), SAMPLES);
        renderer = new GlSceneRenderer(scene, new CarModel(spec), GlSceneRenderer.Look.SHADED);
        hud = new Hud();
        inset = new SensorInset();
        keys = GLFWKeyCallback.create((window, key, scancode, action, mods) -> {
            if (action != GLFW_PRESS && action != GLFW_REPEAT) {
                return;
            }
            switch (key) {
                case GLFW_KEY_ESCAPE, GLFW_KEY_Q -> glfwSetWindowShouldClose(window, true);
                case GLFW_KEY_1, GLFW_KEY_KP_1 -> camera = Cameras.Mode.CHASE;
                case GLFW_KEY_2, GLFW_KEY_KP_2 -> camera = Cameras.Mode.TOP;
                case GLFW_KEY_3, GLFW_KEY_KP_3 -> camera = Cameras.Mode.ONBOARD;
                case GLFW_KEY_C -> camera = camera.next();
                case GLFW_KEY_V -> showInset = !showInset;
                case GLFW_KEY_TAB -> follow = Math.floorMod(follow + ((mods & GLFW_MOD_SHIFT) != 0 ? -1 : 1),
                        source.state().count());
                case GLFW_KEY_F1, GLFW_KEY_F2, GLFW_KEY_F3, GLFW_KEY_F4, GLFW_KEY_F5, GLFW_KEY_F6, GLFW_KEY_F7,
                     GLFW_KEY_F8, GLFW_KEY_F9 -> {
                    int car = key - GLFW_KEY_F1;
                    if (car < source.state().count()) {
                        follow = car;
                    }
                }
                case GLFW_KEY_SPACE, GLFW_KEY_P -> source.togglePause();
                case GLFW_KEY_RIGHT, GLFW_KEY_N, GLFW_KEY_PERIOD -> source.step();
                case GLFW_KEY_UP, GLFW_KEY_EQUAL, GLFW_KEY_KP_ADD -> source.faster();
                case GLFW_KEY_DOWN, GLFW_KEY_MINUS, GLFW_KEY_KP_SUBTRACT -> source.slower();
                case GLFW_KEY_0, GLFW_KEY_KP_0 -> source.realTime();
                default -> { }
            }
        });
        glfwSetKeyCallback(context.window(), keys);
        glfwShowWindow(context.window());
    }

    private Stats loop() {
        long window = context.window();
        double start = glfwGetTime(), last = start, second = start;
        long frames = 0, framesThisSecond = 0;
        while (!glfwWindowShouldClose(window)) {
            double now = glfwGetTime();
            source.advance(now - last);
            last = now;
            int w, h;
            try (MemoryStack stack = MemoryStack.stackPush()) {
                IntBuffer pw = stack.mallocInt(1), ph = stack.mallocInt(1);
                glfwGetFramebufferSize(window, pw, ph);
                w = pw.get(0);
                h = ph.get(0);
            }
            if (w > 0 && h > 0) {
                ViewState state = source.state();
                renderer.draw(state, follow, camera, w, h);
                hud.draw(state, follow, camera, renderer.viewProj(), w, h);
                if (showInset) {
                    inset.draw(state.followed(follow), scene, w, h);
                }
            }
            glfwSwapBuffers(window);
            glfwPollEvents();
            frames++;
            framesThisSecond++;
            if (now - second >= 1) {
                double fps = framesThisSecond / (now - second);
                glfwSetWindowTitle(window, String.format(Locale.ROOT, "Racer - %s - %.0f fps",
                        scene.geometry().track().name(), fps));
                if (options.printFps()) {
                    out.printf(Locale.ROOT, "%.1f frames/s at %dx%d%n", fps, w, h);
                }
                second = now;
                framesThisSecond = 0;
            }
            if (options.maxFrames() > 0 && frames >= options.maxFrames()) {
                break;
            }
        }
        return new Stats(frames, glfwGetTime() - start, context.describe());
    }

    private void cleanup() {
        if (inset != null) {
            inset.close();
        }
        if (hud != null) {
            hud.close();
        }
        if (renderer != null) {
            renderer.close();
        }
        if (context != null) {
            glfwSetKeyCallback(context.window(), null);
            context.close();
        }
        if (keys != null) {
            keys.free();
        }
    }
}
