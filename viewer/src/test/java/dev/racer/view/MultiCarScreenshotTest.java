package dev.racer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.render.Cameras;
import dev.racer.render.CarModel;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import java.nio.file.Path;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

/**
 * Three cars on one track, headless (as {@link ScreenshotTest}, skipped only where no EGL context can be made):
 * each car is drawn in its own shell colour, the HUD's standings list every name in that car's colour, and the
 * camera follows the car asked for.
 */
class MultiCarScreenshotTest {
    private static final TrackGeometry GEO = TrackGeometry.of(TrackLibrary.standard().get("reinvent_base"), false);
    private static final String[] NAMES = {"ALPHA", "BRAVO", "CHARLIE"};

    /** Car i at {@code along[i]} m down the centre line, {@code lateral[i]} m to its left, in colour i. */
    static ViewState race(double[] along, double[] lateral) {
        ViewState v = new ViewState();
        Projection p = new Projection();
        for (int i = 0; i < along.length; i++) {
            CarState c = v.add(new CarState(NAMES[i], i));
            c.yaw = GEO.headingAt(along[i], p);
            c.x = p.x - lateral[i] * Math.sin(c.yaw);
            c.y = p.y + lateral[i] * Math.cos(c.yaw);
            c.progress = 100 * along[i] / GEO.length();
            c.speed = 1.5;
        }
        new Standings().update(v);
        return v;
    }

    @Test
    void everyCarInItsColourWithItsNameAndTheCameraOnTheChosenOne() throws Exception {
        int w = 960, h = 540;
        ViewState v = race(new double[] {1.2, 1.9, 2.6}, new double[] {0.18, -0.18, 0.12});
        assertEquals(List.of(3, 2, 1), v.cars().stream().map(c -> c.position).toList(), "ranked by progress");
        String[] standings = Hud.standings(v);
        for (int i = 0; i < NAMES.length; i++) {
            assertTrue(standings[2 - i].contains(NAMES[i]), "standings list " + NAMES[i] + ": " + String.join(" | ", standings));
        }
        try (HeadlessRenderer r = ScreenshotTest.open(w, h, true)) {
            Path dir = Path.of("target", "screenshots");
            HeadlessRenderer.writePng(r.image(v, 0, Cameras.Mode.CHASE, true, false), dir.resolve("race-chase.png"));
            HeadlessRenderer.writePng(r.image(v, 2, Cameras.Mode.CHASE, true, false), dir.resolve("race-chase-leader.png"));
            HeadlessRenderer.writePng(r.image(v, 0, Cameras.Mode.TOP, true, false), dir.resolve("race-top.png"));

            // following the last car: every car ahead of it shows in its own colour
            int[] px = r.render(v, 0, Cameras.Mode.CHASE, false, false);
            Matrix4f vp = new Matrix4f();
            CarState f = v.car(0);
            Cameras.chase(vp, f.x, f.y, f.yaw, (double) w / h);
            for (int i = 0; i < v.count(); i++) {
                CarState c = v.car(i);
                int hits = colourNear(px, w, h, vp, c, i);
                System.out.printf("MultiCarScreenshotTest: car %d (%s): %d pixels of its colour round its roof%n", i, c.name, hits);
                assertTrue(hits >= 3, "car " + i + " drawn in its colour " + Integer.toHexString(CarModel.colour(i)));
            }

            // the HUD: each name written in its car's colour in the standings (top right)
            int[] hud = r.render(v, 0, Cameras.Mode.CHASE, true, false);
            for (int i = 0; i < v.count(); i++) {
                int text = Hud.textColour(i), n = 0;
                for (int y = 0; y < 120; y++) {
                    for (int x = w / 2; x < w; x++) {
                        n += hud[y * w + x] == text ? 1 : 0;
                    }
                }
                assertTrue(n >= 4 * 12 * NAMES[i].length(), "standings line of " + NAMES[i] + " in its colour: " + n + " pixels");
            }

            // following the leader: it is the car in the middle of the picture, just below the centre
            int[] lead = r.render(v, 2, Cameras.Mode.CHASE, false, false);
            CarState c2 = v.car(2);
            Cameras.chase(vp, c2.x, c2.y, c2.yaw, (double) w / h);
            assertTrue(colourNear(lead, w, h, vp, c2, 2) >= 3, "the camera follows car 2");
        }
    }

    /** Pixels round car i's roof whose chromaticity is nearest to car i's shell colour among the palette's. */
    private static int colourNear(int[] px, int w, int h, Matrix4f vp, CarState c, int i) {
        double cs = Math.cos(c.yaw), sn = Math.sin(c.yaw);
        Vector3f p = vp.transformProject((float) (c.x + 0.07 * cs), (float) (c.y + 0.07 * sn), 0.09f, new Vector3f());
        if (Math.abs(p.x) >= 1 || Math.abs(p.y) >= 1) {
            return 0;
        }
        int sx = (int) ((p.x + 1) / 2 * w), sy = (int) ((1 - p.y) / 2 * h), n = 0;
        for (int y = Math.max(0, sy - 6); y < Math.min(h, sy + 7); y++) {
            for (int x = Math.max(0, sx - 6); x < Math.min(w, sx + 7); x++) {
                n += nearestPalette(px[y * w + x]) == i ? 1 : 0;
            }
        }
        return n;
    }

    /** Index of the palette colour (first three) nearest in chromaticity, or -1 for grays. */
    private static int nearestPalette(int rgb) {
        double[] q = chroma(rgb);
        if (q == null) {
            return -1;
        }
        int best = -1;
        double bestD = 0.12;
        for (int k = 0; k < 3; k++) {
            double[] c = chroma(CarModel.colour(k));
            double d = Math.hypot(q[0] - c[0], q[1] - c[1]);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    private static double[] chroma(int rgb) {
        double r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff, sum = r + g + b;
        double max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
        if (sum < 30 || max - min < 40) {
            return null; // too dark or too gray to tell
        }
        return new double[] {r / sum, g / sum};
    }
}
