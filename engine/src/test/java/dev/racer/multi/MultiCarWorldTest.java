package dev.racer.multi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarSpec;
import dev.racer.track.TestTracks;
import dev.racer.track.TrackGeometry;
import dev.racer.world.ObjectParams;
import dev.racer.world.ObjectParamsCalculator;
import dev.racer.world.WorldObjects;
import org.junit.jupiter.api.Test;

/** The world of several cars on the 10 m × 6 m rectangle of {@link BotCarsTest}, worked by hand. */
class MultiCarWorldTest {
    static final TrackGeometry RECT = BotCarsTest.RECT;

    @Test
    void botsAppearInTheParamsWithTheirHeadingAndTheConfiguredSpeed() {
        MultiCarWorld w = new MultiCarWorld(RECT, CarSpec.DEFAULT, 1, BotConfig.of(3, 0.2, false));
        w.reset(5);
        // one racing car: centre line at the start, front point 0.14 m ahead
        assertEquals(0.0, w.car(0).x, 1e-12);
        assertEquals(0.14, w.along(0), 1e-12);
        ObjectParams p = w.params(0);
        assertEquals(3, p.count);
        assertEquals(2, p.prevObject);   // bot 2 at 31 m is behind the car at 0.14 m (wrapping)
        assertEquals(0, p.nextObject);   // bot 0 at 2 m is next
        assertEquals(2.0, p.locationX[0], 1e-9);
        assertEquals(0.25, p.locationY[0], 1e-9);
        assertEquals(2.0, p.distance[0], 1e-9);
        assertEquals(16.5, p.distance[1], 1e-9);
        assertEquals(31.0, p.distance[2], 1e-9);
        assertEquals(0.25, p.distanceFromCenter[1], 1e-9);
        assertTrue(p.leftOfCenter[0]);
        assertFalse(p.leftOfCenter[1]);
        assertTrue(p.leftOfCenter[2]);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.2, p.speed[i], 0, "objects_speed is BOT_CAR_SPEED");
        }
        assertEquals(0.0, p.heading[0], 1e-9);
        assertEquals(Math.PI, Math.abs(p.heading[1]), 1e-9);   // radians, not degrees
        assertEquals(-Math.PI / 2, p.heading[2], 1e-9);
        assertFalse(w.crashed(0));

        // 15 s later bot 0 is at 5 m: still next; a car moved past it sees bot 1 next and bot 0 before
        double[] steer = {0}, speed = {0};
        for (int i = 0; i < 151; i++) {
            w.step(steer, speed, 0.1);
        }
        assertEquals(5.0, w.params(0).locationX[0], 1e-9);
        assertEquals(5.0, w.params(0).distance[0], 1e-9);
        w.place(0, 6.0, 0.0, 0.0);
        w.refreshViews();
        assertEquals(0, w.params(0).prevObject);
        assertEquals(1, w.params(0).nextObject);
    }

    @Test
    void withoutBotsTheOtherCarsReportNoMotionAsTheSimapp() {
        MultiCarWorld w = new MultiCarWorld(RECT, CarSpec.DEFAULT, 2, BotConfig.NONE);
        w.reset(1);
        double[] steer = {0, 0}, speed = {1, 1};
        for (int i = 0; i < 10; i++) {
            w.step(steer, speed, 0.1);
        }
        assertTrue(w.car(0).speed > 0.5);
        assertEquals(0.0, w.params(1).speed[0], 0);
        assertEquals(0.0, w.params(1).heading[0], 0);
        // the moving calculator value is there when asked for
        WorldObjects v = w.view(1);
        v.setReportsMotion(true);
        ObjectParams p = new ObjectParams(1);
        new ObjectParamsCalculator().compute(RECT, v, w.along(1), w.car(1).x, w.car(1).y, w.car(1).yaw, p);
        assertEquals(w.car(0).yaw, p.heading[0], 1e-12);
    }

    @Test
    void staggeredGridAsDeepRacerStartsHeadToModel() {
        MultiCarWorld w = new MultiCarWorld(RECT, CarSpec.DEFAULT, 2, BotConfig.NONE);
        w.reset(0);
        // car 0: outer lane at the start line: the corner row's lane point (-0.25, -0.25), heading to the next
        // lane point (0.5, -0.25); car 1: inner lane polyline 0.75 m before its end: 0.25 m down the last
        // segment from (0.25, 0.5) to the corner point (0.25, 0.25), then 0.5 m: (0.25, 1.0), heading down
        assertEquals(-0.25, w.car(0).x, 1e-9);
        assertEquals(-0.25, w.car(0).y, 1e-9);
        assertEquals(0.0, w.car(0).yaw, 1e-9);
        assertEquals(0.25, w.car(1).x, 1e-9);
        assertEquals(1.0, w.car(1).y, 1e-9);
        assertEquals(-Math.PI / 2, w.car(1).yaw, 1e-9);
        // front point (0.25, 0.86): 0.86 m before the line
        assertEquals(-0.86, w.distance(1), 1e-9);
        assertEquals(w.distance(1), w.startDistance(1), 0);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MultiCarWorld(RECT, CarSpec.DEFAULT, 25, BotConfig.NONE));
        assertTrue(e.getMessage().startsWith("25 cars: the start grid"), e.getMessage());
        var fast = assertThrows(IllegalArgumentException.class,
                () -> new MultiCarWorld(RECT, CarSpec.DEFAULT, 1, BotConfig.of(2, 5.0, false)));
        assertTrue(fast.getMessage().startsWith("--bot-speed 5.0"));
        // the last of 3 bots starts 1 m before the line in the inner lane, where car 1 of the grid stands
        var full = assertThrows(IllegalArgumentException.class,
                () -> new MultiCarWorld(RECT, CarSpec.DEFAULT, 2, BotConfig.of(3, 0.2, false)).reset(0));
        assertEquals("track rectangle does not hold 2 racing cars and 3 bot cars at the start: car 1 and bot 2"
                + " overlap; use fewer cars or bots", full.getMessage());
    }

    @Test
    void theCarBehindPaysAndAFrozenCarIsNotSeen() {
        MultiCarWorld w = new MultiCarWorld(RECT, CarSpec.DEFAULT, 2, BotConfig.NONE);
        w.reset(0);
        w.place(0, 5.0, 0.0, 0.0);
        w.place(1, 4.70, 0.02, 0.0); // its front corners 2.4 cm into car 0's rear
        w.refreshViews();
        assertTrue(w.crashed(1));
        assertEquals(0, w.crashedInto(1));
        assertFalse(w.crashed(0), "car 0's corners are inside car 1 too, but car 0 is ahead");
        assertTrue(w.params(0).crashed, "the raw corner test fires for car 0; the rule clears it");
        w.setFrozen(0, true);
        w.refreshViews();
        assertFalse(w.crashed(1));
        w.setFrozen(0, false);
        w.place(1, 4.70, 0.0, 0.0); // exactly level: corners on the border, not strictly inside
        w.refreshViews();
        assertFalse(w.crashed(1));
    }

    @Test
    void aBotRunningIntoACarAheadStopsTheBots() {
        MultiCarWorld w = new MultiCarWorld(RECT, CarSpec.DEFAULT, 1, BotConfig.of(1, 0.2, false));
        w.reset(0);
        assertEquals(2.0, w.bots().x(0), 1e-9);
        w.place(0, 2.30, 0.27, 0.0); // the car's rear corner inside the bot's front
        w.refreshViews();
        assertTrue(w.params(0).crashed);
        assertFalse(w.crashed(0));
        assertTrue(w.botsRanIntoCar());
        assertTrue(w.bots().paused());
        assertEquals(1, w.bots().crashCount());
        w.place(0, 1.75, 0.27, 0.0); // now the car's front corner in the bot's back: the car pays
        w.refreshViews();
        assertTrue(w.crashed(0));
        assertEquals(1, w.crashedInto(0)); // cars() + bot 0
    }

    @Test
    void steppingAllocatesNothing() {
        MultiCarWorld w = new MultiCarWorld(RECT, CarSpec.DEFAULT, 2, BotConfig.of(2, 0.4, true));
        w.reset(9);
        double[] steer = {5, -5}, speed = {1, 1};
        for (int i = 0; i < 2000; i++) {
            w.step(steer, speed, 1 / 15.0);
        }
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            steer[0] = (i % 50) - 25;
            w.step(steer, speed, 1 / 15.0);
        }
        long after = bean.getThreadAllocatedBytes(tid);
        assertTrue(after - before < 10_000, "allocated " + (after - before) + " bytes");
    }
}
