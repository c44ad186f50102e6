package dev.racer.multi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarSpec;
import dev.racer.car.MutableCarState;
import dev.racer.track.Projection;
import dev.racer.track.TestTracks;
import dev.racer.track.TrackGeometry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiCarRaceTest {
    /** A circle of radius 3 m, 1.2 m wide (centre line 18.8 m), that a centre-line follower drives cleanly. */
    static final TrackGeometry OVAL = TrackGeometry.of(TestTracks.circle(3, 1.2, 120), false);

    /** Follows the centre line at a fixed speed: pure pursuit on the point 0.6 m ahead of the front. */
    static MultiCarRace.Controller follower(double v) {
        Projection p = new Projection();
        return (w, car, steer, speed) -> {
            MutableCarState c = w.car(car);
            TrackGeometry g = w.geometry();
            double target = w.along(car) + 0.6;
            g.center().interpolate(target - g.length() * Math.floor(target / g.length()), p);
            double alpha = Math.atan2(p.y - c.y, p.x - c.x) - c.yaw;
            double ld = Math.hypot(p.y - c.y, p.x - c.x);
            steer[car] = Math.toDegrees(Math.atan(2 * w.spec().wheelbase() * Math.sin(alpha) / ld));
            speed[car] = v;
        };
    }

    @Test
    void fasterCarAheadWinsCleanly() {
        MultiCarWorld w = new MultiCarWorld(OVAL, CarSpec.DEFAULT, 2, BotConfig.NONE);
        var rules = new MultiCarRace.Rules(1, 2.0, 5.0, 120, 1 / 15.0);
        List<MultiCarRace.CarResult> r = new MultiCarRace(w, rules, follower(1.6), follower(0.8)).run(1);
        assertEquals(2, r.size());
        assertEquals(0, r.get(0).car(), r.toString());
        assertEquals(1, r.get(0).rank());
        assertEquals(2, r.get(1).rank());
        assertTrue(r.get(0).finished() && r.get(1).finished(), r.toString());
        assertEquals(1, r.get(0).laps());
        assertEquals(0, r.get(0).crashes() + r.get(1).crashes(), r.toString());
        // a lap at 1.6 m/s (plus the start from rest) and, for car 1, the extra 0.75 m from behind the line
        // (over two laps car 0 would lap car 1 and, behind it on the lap, pay for running into it)
        assertEquals(OVAL.length() / 1.6, r.get(0).time(), 0.5);
        assertEquals((OVAL.length() + 0.75) / 0.8, r.get(1).time(), 0.5);
    }

    @Test
    void aFasterCarStuckBehindPaysForEachCrash() {
        MultiCarWorld w = new MultiCarWorld(OVAL, CarSpec.DEFAULT, 2, BotConfig.NONE);
        var rules = new MultiCarRace.Rules(2, 2.0, 5.0, 120, 1 / 15.0);
        List<MultiCarRace.CarResult> r = new MultiCarRace(w, rules, follower(0.8), follower(1.6)).run(1);
        var ahead = r.get(0).car() == 0 ? r.get(0) : r.get(1);
        var behind = r.get(0).car() == 1 ? r.get(0) : r.get(1);
        // both follow the centre line: car 1 cannot pass, runs into car 0 and pays; car 0 never does
        assertTrue(behind.crashes() >= 1, r.toString());
        assertEquals(0, ahead.crashes(), r.toString());
        assertTrue(behind.time() >= behind.crashes() * 5.0 + (2 * OVAL.length() + 0.75) / 1.6, r.toString());
        assertTrue(r.get(0).time() <= r.get(1).time(), "ranked by finish time: " + r);
        // same seed, same race
        assertEquals(r, new MultiCarRace(new MultiCarWorld(OVAL, CarSpec.DEFAULT, 2, BotConfig.NONE), rules,
                follower(0.8), follower(1.6)).run(1));
    }

    @Test
    void offTrackCostsThePenaltyAndTheTimeLimitEndsTheRace() {
        MultiCarWorld w = new MultiCarWorld(OVAL, CarSpec.DEFAULT, 1, BotConfig.of(2, 0.3, true));
        MultiCarRace.Controller straight = (world, car, steer, speed) -> {
            steer[car] = 0;
            speed[car] = 1.0;
        };
        MultiCarRace race = new MultiCarRace(w, new MultiCarRace.Rules(1, 2.0, 5.0, 20, 0.1), straight);
        List<MultiCarRace.CarResult> r = race.run(3);
        assertFalse(r.get(0).finished());
        assertTrue(r.get(0).offTracks() >= 2, r.toString());
        assertEquals(20.0, race.clock(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new MultiCarRace.Rules(0, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MultiCarRace(w, new MultiCarRace.Rules(1, 1, 1, 1, 1)));
    }
}
