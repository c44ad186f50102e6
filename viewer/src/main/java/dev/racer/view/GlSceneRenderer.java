package dev.racer.view;

import static org.lwjgl.opengl.GL33C.*;

import dev.racer.render.BoxModel;
import dev.racer.render.Cameras;
import dev.racer.render.CarModel;
import dev.racer.render.TrackScene;
import java.nio.FloatBuffer;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.joml.Vector4f;
import org.lwjgl.system.MemoryStack;

/**
 * Draws a {@link TrackScene} and every car with OpenGL: clear to the sky, the ground layers back to front with
 * the depth test off (they are coplanar and would z-fight at a 0.02 m near plane), a soft shadow under each car,
 * then the cars and the boxes of an object-avoidance race ({@link BoxModel}: DeepRacer's 0.4 × 0.3 × 0.25 m box)
 * with the depth test on, each car in its own shell colour. {@linkplain Look#SHADED Shaded}, the ground
 * gets a little grain and haze and the cars a sun and sky light; {@linkplain Look#FLAT flat}, every triangle is
 * its own colour with no shadows, exactly as {@link dev.racer.render.SceneRenderer} draws it for the camera
 * sensor. Needs a current context.
 */
final class GlSceneRenderer implements AutoCloseable {
    /** How the scene is drawn. */
    enum Look {
        /** lit cars, textured ground, shadows: the viewer's look */
        SHADED,
        /** flat colours, no shadows: what the camera sensor's rasterizer draws */
        FLAT
    }

    /** towards the sun: from the upper left behind a car heading +x, high up */
    private static final Vector3f SUN = new Vector3f(-0.35f, 0.45f, 0.82f).normalize();
    private static final float SHADOW = 0.42f;

    private final TrackScene scene;
    private final CarModel car;
    private final Look look;
    private final GlProgram program;
    private final int mvpLoc, modelLoc, styleLoc, eyeLoc;
    private final GlProgram shadowProgram;
    private final int shadowMvpLoc;
    private final int shadowVao, shadowVbo;
    private final GlMesh ground;
    private final GlMesh[] bodies = new GlMesh[CarModel.PALETTE.length];
    private final GlMesh wheel;
    private final GlMesh box;
    private final Matrix4f viewProj = new Matrix4f();
    private final Matrix4f inverse = new Matrix4f();
    private final Matrix4f model = new Matrix4f();
    private final Matrix4f mvp = new Matrix4f();
    private final Vector4f eye = new Vector4f();

    GlSceneRenderer(TrackScene scene, CarModel car, Look look) {
        this.scene = scene;
        this.car = car;
        this.look = look;
        program = new GlProgram("scene.vert", "scene.frag");
        mvpLoc = program.uniform("mvp");
        modelLoc = program.uniform("model");
        styleLoc = program.uniform("style");
        eyeLoc = program.uniform("eye");
        program.use();
        glUniform3f(program.uniform("lightDir"), SUN.x, SUN.y, SUN.z);
        uniformRgb(program.uniform("grass"), TrackScene.GRASS);
        uniformRgb(program.uniform("road"), TrackScene.ROAD);
        uniformRgb(program.uniform("sky"), TrackScene.SKY);
        shadowProgram = new GlProgram("shadow.vert", "shadow.frag");
        shadowMvpLoc = shadowProgram.uniform("mvp");
        shadowProgram.use();
        glUniform1f(shadowProgram.uniform("strength"), SHADOW);
        shadowVao = glGenVertexArrays();
        shadowVbo = glGenBuffers();
        glBindVertexArray(shadowVao);
        glBindBuffer(GL_ARRAY_BUFFER, shadowVbo);
        glBufferData(GL_ARRAY_BUFFER, new float[] {-1, -1, 1, -1, 1, 1, -1, -1, 1, 1, -1, 1}, GL_STATIC_DRAW);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, 2 * Float.BYTES, 0L);
        glEnableVertexAttribArray(0);
        glBindVertexArray(0);
        ground = new GlMesh(scene.ground());
        wheel = new GlMesh(car.wheel());
        box = new GlMesh(BoxModel.mesh());
    }

    private static void uniformRgb(int loc, int rgb) {
        glUniform3f(loc, ((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f);
    }

    TrackScene scene() {
        return scene;
    }

    /** The view-projection matrix of the last frame drawn (for labels over the cars). */
    Matrix4f viewProj() {
        return viewProj;
    }

    /**
     * Draws the frame into the bound framebuffer's {@code width × height} viewport, the camera on car
     * {@code follow}; from the on-board camera that car is left out (as its camera sensor sees the world).
     */
    void draw(ViewState s, int follow, Cameras.Mode mode, int width, int height) {
        double aspect = (double) width / height;
        CarState f = s.followed(follow);
        Cameras.of(mode, viewProj, scene, f.x, f.y, f.yaw, aspect);
        viewProj.invert(inverse);
        inverse.transform(eye.set(0, 0, -1, 0));
        if (Math.abs(eye.w) > 1e-7) {
            eye.div(eye.w);
            eye.w = 1;
        } else {
            float l = (float) Math.sqrt(eye.x * eye.x + eye.y * eye.y + eye.z * eye.z);
            eye.set(eye.x / l, eye.y / l, eye.z / l, 0);
        }
        glViewport(0, 0, width, height);
        float r = ((TrackScene.SKY >> 16) & 0xff) / 255f, g = ((TrackScene.SKY >> 8) & 0xff) / 255f;
        float b = (TrackScene.SKY & 0xff) / 255f;
        glClearColor(r, g, b, 1f);
        glDepthMask(true);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        glDisable(GL_BLEND);
        glDisable(GL_CULL_FACE);
        boolean shaded = look == Look.SHADED;
        program.use();
        glUniform4f(eyeLoc, eye.x, eye.y, eye.z, eye.w);
        // ground layers in painter's order
        glDisable(GL_DEPTH_TEST);
        glUniform1i(styleLoc, shaded ? 1 : 0);
        upload(model.identity(), viewProj);
        ground.draw();
        int skip = mode == Cameras.Mode.ONBOARD ? Math.floorMod(follow, s.count()) : -1;
        if (shaded) {
            shadows(s, skip);
            program.use();
        }
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LESS);
        glUniform1i(styleLoc, shaded ? 2 : 0);
        for (int i = 0; i < s.count(); i++) {
            if (i == skip) {
                continue;
            }
            CarState c = s.car(i);
            upload(car.bodyMatrix(model, c.x, c.y, c.yaw), viewProj.mul(model, mvp));
            body(c.colour).draw();
            for (int w = 0; w < 4; w++) {
                upload(car.wheelMatrix(model, w, c.x, c.y, c.yaw, c.steering), viewProj.mul(model, mvp));
                wheel.draw();
            }
        }
        for (int i = 0; i < s.boxCount(); i++) {
            upload(BoxModel.matrix(model, s.boxX(i), s.boxY(i), s.boxHeading(i)), viewProj.mul(model, mvp));
            box.draw();
        }
        glDisable(GL_DEPTH_TEST);
    }

    /** A soft blob under each car, pushed a little away from the sun, blended over the ground. */
    private void shadows(ViewState s, int skip) {
        shadowProgram.use();
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glBindVertexArray(shadowVao);
        double wb = car.spec().wheelbase();
        float halfLength = (float) (wb / 2 + 0.13), halfWidth = (float) (car.spec().axleTrack() / 2 + 0.05);
        for (int i = 0; i < s.count(); i++) {
            if (i == skip) {
                continue;
            }
            CarState c = s.car(i);
            car.bodyMatrix(model, c.x - SUN.x * 0.03, c.y - SUN.y * 0.03, c.yaw)
                    .translate((float) (wb / 2), 0, 0.001f).scale(halfLength, halfWidth, 1);
            try (MemoryStack stack = MemoryStack.stackPush()) {
                glUniformMatrix4fv(shadowMvpLoc, false, viewProj.mul(model, mvp).get(stack.mallocFloat(16)));
            }
            glDrawArrays(GL_TRIANGLES, 0, 6);
        }
        float boxHalfLength = (float) (dev.racer.world.TrackObject.BOX_VISUAL_LENGTH / 2 + 0.04);
        float boxHalfWidth = (float) (dev.racer.world.TrackObject.BOX_VISUAL_WIDTH / 2 + 0.04);
        for (int i = 0; i < s.boxCount(); i++) {
            BoxModel.matrix(model, s.boxX(i) - SUN.x * 0.06, s.boxY(i) - SUN.y * 0.06, s.boxHeading(i))
                    .translate(0, 0, 0.001f).scale(boxHalfLength, boxHalfWidth, 1);
            try (MemoryStack stack = MemoryStack.stackPush()) {
                glUniformMatrix4fv(shadowMvpLoc, false, viewProj.mul(model, mvp).get(stack.mallocFloat(16)));
            }
            glDrawArrays(GL_TRIANGLES, 0, 6);
        }
        glDisable(GL_BLEND);
    }

    private GlMesh body(int colour) {
        int i = Math.floorMod(colour, bodies.length);
        if (bodies[i] == null) {
            bodies[i] = new GlMesh(car.body(i));
        }
        return bodies[i];
    }

    private void upload(Matrix4f modelMatrix, Matrix4f m) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            FloatBuffer buf = stack.mallocFloat(16);
            glUniformMatrix4fv(mvpLoc, false, m.get(buf));
            glUniformMatrix4fv(modelLoc, false, modelMatrix.get(buf));
        }
    }

    @Override
    public void close() {
        ground.close();
        for (GlMesh m : bodies) {
            if (m != null) {
                m.close();
            }
        }
        wheel.close();
        box.close();
        glDeleteBuffers(shadowVbo);
        glDeleteVertexArrays(shadowVao);
        shadowProgram.close();
        program.close();
    }
}
