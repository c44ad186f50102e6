package dev.racer.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarSpec;
import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.reward.CenterLineReward;
import dev.racer.sensor.CameraSensor;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import java.lang.management.ManagementFactory;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;

class RasterizerTest {
    private static final int W = CameraSensor.WIDTH, H = CameraSensor.HEIGHT;

    private static RacingEnv env(String track, CameraSensor sensor) {
        RacingEnv env = new RacingEnv(TrackLibrary.standard().get(track), EnvConfig.DEFAULT, new CenterLineReward(), sensor);
        env.reset(1);
        return env;
    }

    @Test
    void sameInputSamePixels() {
        RacingEnv env = env("reinvent_base", CameraSensor.frontFacing());
        float[] a = env.last().observation().clone();
        CameraSensor other = CameraSensor.frontFacing();
        float[] b = new float[other.size()];
        other.observe(env, b);
        other.observe(env, b); // twice through the same rasterizer
        assertArrayEquals(a, b);
        env.step(10, 1);
        float[] c = new float[other.size()];
        other.observe(env, c);
        assertTrue(!java.util.Arrays.equals(a, c), "the view changes as the car moves");
    }

    @Test
    void frontCameraSeesTheTrackAheadAndTheSky() {
        RacingEnv env = env("reinvent_base", CameraSensor.frontFacing());
        float[] f = env.last().observation();
        float road = Mesh.luminance(TrackScene.ROAD) / 255f, sky = Mesh.luminance(TrackScene.SKY) / 255f;
        float grass = Mesh.luminance(TrackScene.GRASS) / 255f, line = Mesh.luminance(TrackScene.CENTER_LINE) / 255f;
        // straight ahead at the bottom: the road (or the centre line the car sits on)
        float bottom = f[(H - 6) * W + W / 2 - 12];
        assertTrue(bottom == road || bottom == line, "road ahead, got " + bottom);
        // the top row is sky
        for (int x = 0; x < W; x++) {
            assertEquals(sky, f[x], 1e-6, "sky at the top, x=" + x);
        }
        // every one of these appears somewhere
        int roads = 0, grasses = 0, lines = 0;
        for (float v : f) {
            roads += v == road ? 1 : 0;
            grasses += v == grass ? 1 : 0;
            lines += v == line ? 1 : 0;
        }
        assertTrue(roads > W * H / 10, "road pixels " + roads);
        assertTrue(grasses > 100, "grass pixels " + grasses);
        assertTrue(lines > 10, "centre-line pixels " + lines);
    }

    @Test
    void stereoStacksTwoDifferentFrames() {
        CameraSensor s = CameraSensor.stereo();
        assertEquals("STEREO_CAMERAS", s.name());
        assertEquals(2 * W * H, s.size());
        RacingEnv env = env("reinvent_base", s);
        float[] f = env.last().observation();
        float[] left = java.util.Arrays.copyOfRange(f, 0, W * H), right = java.util.Arrays.copyOfRange(f, W * H, 2 * W * H);
        assertTrue(!java.util.Arrays.equals(left, right), "the two cameras see slightly different things");
        float[] mono = new float[W * H];
        CameraSensor.frontFacing().observe(env, mono);
        int same = 0;
        for (int i = 0; i < W * H; i++) {
            same += left[i] == mono[i] ? 1 : 0;
        }
        assertTrue(same > W * H * 0.8, "stereo frames are close to the mono one: " + same);
    }

    @Test
    void observeAllocatesNothing() {
        CameraSensor s = CameraSensor.frontFacing();
        RacingEnv env = env("reInvent2019_track", s);
        float[] out = new float[s.size()];
        for (int i = 0; i < 200; i++) {
            s.observe(env, out);
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            s.observe(env, out);
        }
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes < 1000, "allocated " + bytes + " bytes in 1000 frames");
    }

    @Test
    void topViewShowsTheWholeTrackAndTheCar() {
        TrackGeometry geo = TrackGeometry.of(TrackLibrary.standard().get("reinvent_base"), false);
        TrackScene scene = TrackScene.of(geo);
        SceneRenderer r = new SceneRenderer(400, 300, CarSpec.DEFAULT);
        Cameras.top(r.viewProj(), scene, r.aspect());
        double x = geo.centerX(10), y = geo.centerY(10);
        int[] px = r.render(scene, false, true, x, y, 0, 0);
        // every centre-line waypoint projects onto the image, on road-ish colours
        org.joml.Vector3f v = new org.joml.Vector3f();
        int onRoad = 0;
        for (int k = 0; k < geo.size(); k++) {
            r.viewProj().transformProject((float) geo.centerX(k), (float) geo.centerY(k), 0, v);
            assertTrue(Math.abs(v.x) < 1 && Math.abs(v.y) < 1, "waypoint " + k + " in view");
            int sx = (int) ((v.x + 1) * 200), sy = (int) ((1 - v.y) * 150);
            int c = px[sy * 400 + sx];
            onRoad += c == TrackScene.ROAD || c == TrackScene.CENTER_LINE ? 1 : 0;
        }
        assertTrue(onRoad > geo.size() / 2, "waypoints on the road: " + onRoad);
        r.viewProj().transformProject((float) x + 0.08f, (float) y, 0.05f, v);
        int c = px[(int) ((1 - v.y) * 150) * 400 + (int) ((v.x + 1) * 200)];
        assertTrue(c == CarModel.SHELL_TOP || c == CarModel.CAMERA, "car at its place, got " + Integer.toHexString(c));
    }

    @Test
    void nearPlaneClippingKeepsGroundBehindTheCameraOut() {
        // a camera looking straight along +x at the ground: the ground triangle behind it must not smear
        Mesh.Builder b = new Mesh.Builder();
        b.quad(-50, -50, 50, -50, 50, 50, -50, 50, 0, 0x00ff00);
        Mesh m = b.build();
        Rasterizer r = new Rasterizer(W, H);
        Matrix4f vp = new Matrix4f().setPerspective(1f, 4f / 3f, 0.02f, 100f).lookAt(0, 0, 0.1f, 1, 0, 0.1f, 0, 0, 1);
        r.clear(0);
        r.drawGround(m, vp);
        int[] px = r.pixels();
        assertEquals(0, px[0], "sky above the horizon");
        assertEquals(0x00ff00, px[(H - 1) * W], "ground below it");
    }
}
