package dev.racer.multi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.track.TestTracks;
import dev.racer.track.TrackGeometry;
import org.junit.jupiter.api.Test;

/**
 * Lanes and bots on the counter-clockwise 10 m × 6 m rectangle of width 1 (centre line 32 m, rows every 0.5 m,
 * inner lane 0.25 m inside the centre line, outer 0.25 m outside), worked by hand.
 */
class BotCarsTest {
    static final TrackGeometry RECT = TrackGeometry.of(TestTracks.rectangle(10, 6, 1, 0.5), false);

    @Test
    void lanesAreParameterisedByCentreLineDistance() {
        LaneSpline.LanePoint p = new LaneSpline.LanePoint();
        new LaneSpline(RECT, LaneSpline.Lane.INNER).eval(4.0, p);
        assertEquals(4.0, p.x, 1e-9);
        assertEquals(0.25, p.y, 1e-9);
        assertEquals(0.0, Math.atan2(p.dy, p.dx), 1e-9);
        new LaneSpline(RECT, LaneSpline.Lane.OUTER).eval(4.25, p); // between rows: straight, exact
        assertEquals(4.25, p.x, 1e-9);
        assertEquals(-0.25, p.y, 1e-9);
        // top side is driven from (10, 6) to (0, 6): 16.5 m is (9.5, 6); the outer lane is above it
        new LaneSpline(RECT, LaneSpline.Lane.OUTER).eval(16.5 + 32, p); // wraps
        assertEquals(9.5, p.x, 1e-9);
        assertEquals(6.25, p.y, 1e-9);
        assertEquals(Math.PI, Math.abs(Math.atan2(p.dy, p.dx)), 1e-9);
        new LaneSpline(RECT, LaneSpline.Lane.CENTER).eval(7.0, p);
        assertEquals(7.0, p.x, 1e-9);
        assertEquals(0.0, p.y, 1e-9);
    }

    @Test
    void placedAsTheSimappSpacesThemAndDrivenAtTheSetSpeed() {
        // linspace(2, 32 - 1, 3) = 2, 16.5, 31; lanes inner, outer, inner
        BotCars b = new BotCars(RECT, BotConfig.of(3, 0.2, false));
        b.reset(7);
        assertEquals(2.0, b.x(0), 1e-9);
        assertEquals(0.25, b.y(0), 1e-9);
        assertEquals(9.5, b.x(1), 1e-9);
        assertEquals(6.25, b.y(1), 1e-9);
        assertEquals(Math.PI, Math.abs(b.yaw(1)), 1e-9);
        assertEquals(0.25, b.x(2), 1e-9);   // left side, driven downwards, inner lane at x = +0.25
        assertEquals(1.0, b.y(2), 1e-9);
        assertEquals(-Math.PI / 2, b.yaw(2), 1e-9);
        assertFalse(b.outerLane(0));
        assertTrue(b.outerLane(1));
        // the first step ends the start wait without moving (send_action runs before judge_action)
        b.step(0.1);
        assertEquals(2.0, b.x(0), 1e-12);
        for (int i = 0; i < 100; i++) {
            b.step(0.1);
        }
        assertEquals(10.0, b.runTime(), 1e-9);
        assertEquals(4.0, b.x(0), 1e-9); // 2 m + 10 s × 0.2 m/s
        assertEquals(0.25, b.y(0), 1e-9);
        assertEquals(4.0, b.centerDistance(0), 1e-9);
        // progress of the front point, 0.14 m ahead of the origin
        assertEquals(100 * 4.14 / 32, b.progress(0), 1e-9);
    }

    @Test
    void aPauseStopsEveryBotForThePenalty() {
        BotCars b = new BotCars(RECT, BotConfig.of(2, 0.5, false));
        b.reset(1);
        b.step(0.1);
        b.step(0.1);
        double x0 = b.x(0);
        b.pause(); // 2 s
        for (int i = 0; i < 20; i++) {
            b.step(0.1);
            assertEquals(x0, b.x(0), 1e-12, "paused at step " + i);
        }
        assertTrue(!b.paused());
        b.step(0.1);
        assertEquals(x0 + 0.05, b.x(0), 1e-9);
        assertEquals(1, b.crashCount());
    }

    @Test
    void laneChangeFollowsTheSmoothCurveBetweenTheLanes() {
        // lower = upper = 3 s, 1 m at 0.2 m/s = 5 s: with dt 0.1 the first running step (run time 0.1) draws a
        // change from 3.1 s to 8.1 s; half way (5.6 s) the bot is on the centre line, after it in the outer lane
        BotConfig cfg = new BotConfig(1, 0.2, true, 3, 3, 1.0, 2.0, false, 2.0, 0.0);
        BotCars b = new BotCars(RECT, cfg);
        b.reset(3);
        b.step(0.1); // start wait ends
        int steps = 0;
        while (b.runTime() < 3.1 - 1e-9) {
            b.step(0.1);
            steps++;
        }
        assertEquals(0.25, b.y(0), 1e-9, "still in the inner lane when the change starts");
        while (b.runTime() < 5.6 - 1e-9) {
            b.step(0.1);
        }
        assertEquals(0.0, b.y(0), 1e-9);
        assertTrue(b.changingLane(0));
        assertTrue(b.yaw(0) < -0.1, "heading towards the outer lane, got " + b.yaw(0));
        while (b.runTime() < 8.2 - 1e-9) {
            b.step(0.1);
        }
        assertEquals(-0.25, b.y(0), 1e-9);
        assertTrue(b.outerLane(0));
        assertEquals(31, steps); // run time 0.1 × 31 = 3.1 s
    }

    @Test
    void sameSeedSameBotsAndRandomisedPlacementKeepsTheGaps() {
        BotConfig cfg = BotConfig.of(4, 0.3, true).withRandomize(true);
        BotCars a = new BotCars(RECT, cfg), b = new BotCars(RECT, cfg), c = new BotCars(RECT, cfg);
        a.reset(11);
        b.reset(11);
        c.reset(12);
        boolean differs = false;
        for (int s = 0; s < 400; s++) {
            a.step(1 / 15.0);
            b.step(1 / 15.0);
            c.step(1 / 15.0);
            for (int i = 0; i < 4; i++) {
                assertEquals(a.x(i), b.x(i), 0);
                assertEquals(a.y(i), b.y(i), 0);
                differs |= a.x(i) != c.x(i) || a.y(i) != c.y(i);
            }
        }
        assertTrue(differs);
        for (long seed = 0; seed < 20; seed++) {
            a.reset(seed);
            for (int i = 1; i < 4; i++) {
                double gap = a.centerDistance(i) - a.centerDistance(i - 1);
                assertTrue(gap >= 2.0 - 1e-9, "seed " + seed + " gap " + gap);
            }
        }
    }

    @Test
    void badConfigsAreClearErrors() {
        var fast = assertThrows(IllegalArgumentException.class,
                () -> BotConfig.of(3, 4.5, false).validate(32, 4.0, "rect"));
        assertEquals("--bot-speed 4.5 m/s is faster than the car's top speed 4.0 m/s", fast.getMessage());
        // span 31 - 2 = 29 m holds 1 + floor(29 / 2) = 15 bots 2 m apart
        BotConfig.of(15, 0.2, false).validate(32, 4.0, "rect");
        var many = assertThrows(IllegalArgumentException.class,
                () -> BotConfig.of(16, 0.2, false).validate(32, 4.0, "rect"));
        assertEquals("--bots 16: track rect (32.00 m) holds at most 15 bot cars 2.0 m apart", many.getMessage());
        var neg = assertThrows(IllegalArgumentException.class, () -> BotConfig.of(-1, 0.2, false));
        assertTrue(neg.getMessage().startsWith("--bots must be >= 0"));
        assertThrows(IllegalArgumentException.class, () -> BotConfig.of(1, 0, false));
        assertNotEquals(0, BotConfig.of(1, 0.2, false).laneChangeDuration());
    }
}
