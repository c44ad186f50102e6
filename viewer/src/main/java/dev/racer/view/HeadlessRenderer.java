package dev.racer.view;

import dev.racer.car.CarSpec;
import dev.racer.render.Cameras;
import dev.racer.render.CarModel;
import dev.racer.render.TrackScene;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Renders frames with OpenGL and no display (GLFW null platform + EGL, e.g. Mesa's llvmpipe) into an
 * off-screen framebuffer: screenshots and tests. Use on one thread; {@link #close()} when done.
 */
public final class HeadlessRenderer implements AutoCloseable {
    private final GlContext context;
    private final GlSceneRenderer scene;
    private final Hud hud;
    private final Offscreen target;
    private SensorInset inset;

    private HeadlessRenderer(GlContext context, GlSceneRenderer scene, Hud hud, Offscreen target) {
        this.context = context;
        this.scene = scene;
        this.hud = hud;
        this.target = target;
    }

    /** multisamples per pixel of the viewer's look (anti-aliasing); fewer where the driver offers fewer */
    public static final int SAMPLES = 4;

    /**
     * Opens an OpenGL context with no display, drawing the viewer's shaded, anti-aliased look; throws
     * {@link GlContext.GlException} saying why it cannot.
     */
    public static HeadlessRenderer open(TrackScene scene, CarSpec spec, int width, int height) {
        return open(scene, spec, width, height, true);
    }

    /**
     * As {@link #open(TrackScene, CarSpec, int, int)}; {@code shaded} false draws flat colours with no
     * anti-aliasing and no shadows, exactly as the camera sensor's rasterizer does (to compare the two).
     */
    public static HeadlessRenderer open(TrackScene scene, CarSpec spec, int width, int height, boolean shaded) {
        if (width < 16 || height < 16 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("image size must be 16..8192 pixels each way, got " + width + "x" + height);
        }
        GlContext ctx = GlContext.headless(width, height);
        try {
            return new HeadlessRenderer(ctx, new GlSceneRenderer(scene, new CarModel(spec),
                    shaded ? GlSceneRenderer.Look.SHADED : GlSceneRenderer.Look.FLAT), new Hud(),
                    new Offscreen(width, height, shaded ? SAMPLES : 0));
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** The OpenGL version and renderer in use, and the anti-aliasing. */
    public String describe() {
        return context.describe() + ", " + (target.samples > 1 ? target.samples + "x MSAA" : "no MSAA");
    }

    /** Multisamples per pixel of the off-screen image (0 or 1: none). */
    public int samples() {
        return target.samples;
    }

    public int width() {
        return target.width;
    }

    public int height() {
        return target.height;
    }

    /** Renders a frame, the camera on car 0, and returns its pixels as {@code 0xRRGGBB}, row 0 at the top. */
    public int[] render(ViewState state, Cameras.Mode mode, boolean withHud) {
        return render(state, 0, mode, withHud, false);
    }

    /**
     * Renders a frame with the camera on car {@code follow}, with the camera sensor's own frame (of that car) in
     * the bottom-right corner when {@code withInset}.
     */
    public int[] render(ViewState state, int follow, Cameras.Mode mode, boolean withHud, boolean withInset) {
        target.bind();
        scene.draw(state, follow, mode, target.width, target.height);
        if (withHud) {
            hud.draw(state, follow, mode, scene.viewProj(), target.width, target.height);
        }
        if (withInset) {
            if (inset == null) {
                inset = new SensorInset();
            }
            inset.draw(state.followed(follow), scene.scene(), target.width, target.height);
        }
        int[] px = target.readRgb();
        Offscreen.unbind();
        return px;
    }

    /** Renders a frame (the camera on car 0) as an image. */
    public BufferedImage image(ViewState state, Cameras.Mode mode, boolean withHud) {
        return image(state, 0, mode, withHud, false);
    }

    /** Renders a frame as an image, the camera on car {@code follow}, optionally with the camera sensor's frame inset. */
    public BufferedImage image(ViewState state, int follow, Cameras.Mode mode, boolean withHud, boolean withInset) {
        BufferedImage img = new BufferedImage(target.width, target.height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, target.width, target.height, render(state, follow, mode, withHud, withInset), 0, target.width);
        return img;
    }

    /** Writes a PNG (creating parent folders). */
    public static void writePng(BufferedImage img, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    @Override
    public void close() {
        if (inset != null) {
            inset.close();
        }
        target.close();
        hud.close();
        scene.close();
        context.close();
    }
}
