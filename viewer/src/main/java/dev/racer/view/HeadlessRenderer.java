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

    /** Opens an OpenGL context with no display; throws {@link GlContext.GlException} saying why it cannot. */
    public static HeadlessRenderer open(TrackScene scene, CarSpec spec, int width, int height) {
        if (width < 16 || height < 16 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("image size must be 16..8192 pixels each way, got " + width + "x" + height);
        }
        GlContext ctx = GlContext.headless(width, height);
        try {
            return new HeadlessRenderer(ctx, new GlSceneRenderer(scene, new CarModel(spec)), new Hud(),
                    new Offscreen(width, height));
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** The OpenGL version and renderer in use. */
    public String describe() {
        return context.describe();
    }

    public int width() {
        return target.width;
    }

    public int height() {
        return target.height;
    }

    /** Renders a frame and returns its pixels as {@code 0xRRGGBB}, row 0 at the top. */
    public int[] render(ViewState state, Cameras.Mode mode, boolean withHud) {
        return render(state, mode, withHud, false);
    }

    /** Renders a frame, with the camera sensor's own frame in the bottom-right corner when {@code withInset}. */
    public int[] render(ViewState state, Cameras.Mode mode, boolean withHud, boolean withInset) {
        target.bind();
        scene.draw(state, mode, target.width, target.height);
        if (withHud) {
            hud.draw(state, mode, target.width, target.height);
        }
        if (withInset) {
            if (inset == null) {
                inset = new SensorInset();
            }
            inset.draw(state, scene.scene(), target.width, target.height);
        }
        int[] px = target.readRgb();
        Offscreen.unbind();
        return px;
    }

    /** Renders a frame as an image. */
    public BufferedImage image(ViewState state, Cameras.Mode mode, boolean withHud) {
        return image(state, mode, withHud, false);
    }

    /** Renders a frame as an image, optionally with the camera sensor's frame inset. */
    public BufferedImage image(ViewState state, Cameras.Mode mode, boolean withHud, boolean withInset) {
        BufferedImage img = new BufferedImage(target.width, target.height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, target.width, target.height, render(state, mode, withHud, withInset), 0, target.width);
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
