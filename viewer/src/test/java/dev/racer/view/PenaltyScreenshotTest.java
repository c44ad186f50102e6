package dev.racer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarSpec;
import dev.racer.race.EnvConfig;
import dev.racer.render.Cameras;
import dev.racer.render.TrackScene;
import dev.racer.reward.Rewards;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A headless screenshot of the live viewer while the car serves an off-track penalty: the HUD shows the red
 * "OFF TRACK +2.0 S" line, and the car stands off the road where it went off. Skipped, saying why, only where
 * no EGL context can be made (as {@link ScreenshotTest}).
 */
class PenaltyScreenshotTest {

    @Test
    void theHudShowsThePenaltyWhileTheCarIsFrozenOffTheTrack() throws Exception {
        var track = TrackLibrary.standard().get("reinvent_base");
        TrackGeometry geo = TrackGeometry.of(track, false);
        int w = 640, h = 480;
        HeadlessRenderer r;
        try {
            r = HeadlessRenderer.open(TrackScene.of(geo), CarSpec.DEFAULT, w, h);
        } catch (GlContext.GlException | LinkageError e) {
            System.out.println("PenaltyScreenshotTest skipped: no headless OpenGL (EGL) context: " + e.getMessage());
            Assumptions.abort("no headless OpenGL (EGL) context: " + e.getMessage());
            return;
        }
        try (r; LiveSource live = new LiveSource(track, EnvConfig.DEFAULT, new OffTrackOnce(),
                Rewards.load("center_line"), "LIVE")) {
            ViewState s = live.state();
            for (int i = 0; i < 200 && !s.inPenalty; i++) {
                live.seek(1);
            }
            assertTrue(s.inPenalty, "went off within 200 steps");
            live.seek(10); // a third of the way into the pause
            assertTrue(s.inPenalty);
            assertTrue(!geo.onTrack(s.x, s.y) || live.env().params().wheelsOnTrack() == 0,
                    "the car stands where it went off");

            int[] during = r.render(s, Cameras.Mode.TOP, true);
            HeadlessRenderer.writePng(r.image(s, Cameras.Mode.TOP, true),
                    Path.of("target", "screenshots", "penalty.png"));
            ViewState calm = new ViewState();
            calm.copyFrom(s);
            calm.inPenalty = false;
            int[] without = r.render(calm, Cameras.Mode.TOP, true);

            int line = Hud.lines(s, Cameras.Mode.TOP).length - 1;
            int red = redPixels(during, w, line);
            int redWithout = redPixels(without, w, line);
            System.out.printf("PenaltyScreenshotTest: %d red HUD pixels during the penalty, %d without%n", red,
                    redWithout);
            assertEquals(0, redWithout, "no penalty line outside a penalty");
            int glyphs = Hud.penaltyLine(s).replace(" ", "").length();
            assertTrue(red >= glyphs * 6, "the penalty line is drawn in red: " + red + " pixels for " + glyphs
                    + " glyphs");
        }
    }

    /** Pixels of the penalty colour in HUD text line {@code line} (at either HUD scale). */
    private static int redPixels(int[] px, int w, int line) {
        int n = 0;
        int y0 = 4 + line * BitmapFont.LINE, y1 = 2 * (y0 + BitmapFont.LINE);
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < w / 2; x++) {
                int p = px[y * w + x];
                int rr = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
                if (rr >= Hud.PENALTY_R - 8 && Math.abs(g - Hud.PENALTY_G) <= 8 && Math.abs(b - Hud.PENALTY_B) <= 8) {
                    n++;
                }
            }
        }
        return n;
    }
}
