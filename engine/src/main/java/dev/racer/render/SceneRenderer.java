package dev.racer.render;

import dev.racer.car.CarSpec;
import dev.racer.world.WorldObjects;
import org.joml.Matrix4f;

/**
 * Renders a {@link TrackScene} (and optionally the car) with the pure-Java {@link Rasterizer}, exactly as the
 * OpenGL viewer draws it: clear to the sky, ground layers with the depth test off, then the car with it on.
 *
 * <p>Not thread-safe: one per worker thread. Allocates nothing per frame.
 */
public final class SceneRenderer {
    private final Rasterizer raster;
    private final CarModel car;
    private final Matrix4f viewProj = new Matrix4f();
    private final Matrix4f model = new Matrix4f();
    private final Matrix4f mvp = new Matrix4f();

    public SceneRenderer(int width, int height, CarSpec spec) {
        this.raster = new Rasterizer(width, height);
        this.car = new CarModel(spec);
    }

    public Rasterizer rasterizer() {
        return raster;
    }

    public int width() {
        return raster.width();
    }

    public int height() {
        return raster.height();
    }

    /** The view-projection matrix to set before {@link #render} (for {@link Cameras}' methods). */
    public Matrix4f viewProj() {
        return viewProj;
    }

    /** Aspect ratio (width / height). */
    public double aspect() {
        return (double) raster.width() / raster.height();
    }

    /**
     * Renders {@code scene} through {@link #viewProj()}; draws the car at (x, y, yaw, steering) when
     * {@code drawCar}. Colours, or 0..255 luminance when {@code gray}.
     */
    public int[] render(TrackScene scene, boolean gray, boolean drawCar, double x, double y, double yaw, double steering) {
        return render(scene, null, gray, drawCar, x, y, yaw, steering);
    }

    /** As {@link #render(TrackScene, boolean, boolean, double, double, double, double)}, with the boxes of {@code objects} (may be null). */
    public int[] render(TrackScene scene, WorldObjects objects, boolean gray, boolean drawCar, double x, double y,
                        double yaw, double steering) {
        raster.setGray(gray);
        raster.clear(gray ? Mesh.luminance(TrackScene.SKY) : TrackScene.SKY);
        raster.drawGround(scene.ground(), viewProj);
        if (objects != null) {
            for (int i = 0; i < objects.count(); i++) {
                raster.drawSolid(BoxModel.mesh(), viewProj.mul(BoxModel.matrix(model, objects.x(i), objects.y(i),
                        objects.heading(i)), mvp));
            }
        }
        if (drawCar) {
            raster.drawSolid(car.body(), viewProj.mul(car.bodyMatrix(model, x, y, yaw), mvp));
            for (int w = 0; w < 4; w++) {
                raster.drawSolid(car.wheel(), viewProj.mul(car.wheelMatrix(model, w, x, y, yaw, steering), mvp));
            }
        }
        return raster.pixels();
    }
}
