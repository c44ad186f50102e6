package dev.racer.view;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL20C.glUniformMatrix4fv;

import dev.racer.render.Cameras;
import dev.racer.render.CarModel;
import dev.racer.render.TrackScene;
import org.joml.Matrix4f;
import org.lwjgl.system.MemoryStack;

/**
 * Draws a {@link TrackScene} and the car with OpenGL, exactly as {@link dev.racer.render.SceneRenderer} does
 * in Java: clear to the sky, the ground layers back to front with the depth test off (they are coplanar and
 * would z-fight at a 0.02 m near plane), then the car with the depth test on. Needs a current context.
 */
final class GlSceneRenderer implements AutoCloseable {
    private final TrackScene scene;
    private final CarModel car;
    private final GlProgram program;
    private final int mvpLocation;
    private final GlMesh ground;
    private final GlMesh body;
    private final GlMesh wheel;
    private final Matrix4f viewProj = new Matrix4f();
    private final Matrix4f model = new Matrix4f();
    private final Matrix4f mvp = new Matrix4f();

    GlSceneRenderer(TrackScene scene, CarModel car) {
        this.scene = scene;
        this.car = car;
        program = new GlProgram("scene.vert", "scene.frag");
        mvpLocation = program.uniform("mvp");
        ground = new GlMesh(scene.ground());
        body = new GlMesh(car.body());
        wheel = new GlMesh(car.wheel());
    }

    TrackScene scene() {
        return scene;
    }

    /** Draws the frame into the bound framebuffer's {@code width × height} viewport. */
    void draw(ViewState s, Cameras.Mode mode, int width, int height) {
        double aspect = (double) width / height;
        Cameras.of(mode, viewProj, scene, s.x, s.y, s.yaw, aspect);
        glViewport(0, 0, width, height);
        float r = ((TrackScene.SKY >> 16) & 0xff) / 255f, g = ((TrackScene.SKY >> 8) & 0xff) / 255f;
        float b = (TrackScene.SKY & 0xff) / 255f;
        glClearColor(r, g, b, 1f);
        glDepthMask(true);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        glDisable(GL_BLEND);
        glDisable(GL_CULL_FACE);
        program.use();
        // ground layers in painter's order
        glDisable(GL_DEPTH_TEST);
        upload(viewProj);
        ground.draw();
        // the car, except from its own camera (as the camera sensor sees it)
        if (mode != Cameras.Mode.ONBOARD) {
            glEnable(GL_DEPTH_TEST);
            glDepthFunc(GL_LESS);
            upload(viewProj.mul(car.bodyMatrix(model, s.x, s.y, s.yaw), mvp));
            body.draw();
            for (int w = 0; w < 4; w++) {
                upload(viewProj.mul(car.wheelMatrix(model, w, s.x, s.y, s.yaw, s.steering), mvp));
                wheel.draw();
            }
            glDisable(GL_DEPTH_TEST);
        }
    }

    private void upload(Matrix4f m) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            glUniformMatrix4fv(mvpLocation, false, m.get(stack.mallocFloat(16)));
        }
    }

    @Override
    public void close() {
        ground.close();
        body.close();
        wheel.close();
        program.close();
    }
}
