package dev.racer.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarSpec;
import dev.racer.car.CarState;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.Sensor;
import dev.racer.track.TestTracks;
import dev.racer.track.Track;
import org.junit.jupiter.api.Test;

/** The params, worked out by hand on tracks whose geometry is exact. */
class ParamsTest {
    private static final double F = CarSpec.DEFAULT.frontPointOffset();

    /** Params with the front point at (x, y) heading h [deg]. */
    static RewardParams probe(Track t, EnvConfig cfg, double x, double y, double headingDeg) {
        double yaw = Math.toRadians(headingDeg);
        CarState s = new CarState(x - F * Math.cos(yaw), y - F * Math.sin(yaw), yaw, 1.0, 0);
        return new RacingEnv(t, cfg, p -> 0, Sensor.none()).probe(s, 5.0, 1.5).copy();
    }

    @Test
    void rectangleStraightByHand() {
        // 10 x 6 rectangle, width 1, rows every 0.5 m: the bottom side runs from (0,0) to (10,0)
        Track t = TestTracks.rectangle(10, 6, 1.0, 0.5);
        RewardParams p = probe(t, EnvConfig.DEFAULT, 3.3, 0.2, 0);
        assertEquals(3.3, p.x(), 1e-12);
        assertEquals(0.2, p.y(), 1e-12);
        assertEquals(0.0, p.heading(), 1e-12);
        assertEquals(0.2, p.distanceFromCenter(), 1e-12);
        assertTrue(p.isLeftOfCenter(), "+y is the infield side, left of a counter-clockwise loop");
        assertEquals(1.0, p.trackWidth(), 1e-12);
        assertEquals(32.0, p.trackLength(), 1e-12);
        assertEquals(3.3, p.projectionDistance(), 1e-12);
        assertEquals(100 * 3.3 / 32.0, p.progress(), 1e-9);
        // rows every 0.5 m: 3.3 m lies between row 6 (3.0 m) and row 7 (3.5 m)
        assertEquals(6, p.closestWaypointPrev());
        assertEquals(7, p.closestWaypointNext());
        assertEquals(1, p.steps());
        assertEquals(1.5, p.speed(), 0);
        assertEquals(5.0, p.steeringAngle(), 0);
        assertTrue(p.allWheelsOnTrack());
        assertFalse(p.isOfftrack());
        assertFalse(p.isReversed());
        assertFalse(p.isCrashed());
        assertEquals(65, p.waypoints().length);
    }

    @Test
    void rightOfCentreAndOffTheRoad() {
        Track t = TestTracks.rectangle(10, 6, 1.0, 0.5);
        RewardParams p = probe(t, EnvConfig.DEFAULT, 5.0, -0.3, 0);
        assertFalse(p.isLeftOfCenter());
        assertEquals(0.3, p.distanceFromCenter(), 1e-12);
        assertTrue(p.allWheelsOnTrack(), "wheels reach 0.3 + 0.081 below the centre line, inside 0.5");
        p = probe(t, EnvConfig.DEFAULT, 5.0, -0.45, 0);
        assertFalse(p.allWheelsOnTrack(), "right wheels at -0.531 are past the outer border at -0.5");
        assertFalse(p.isOfftrack(), "left wheels still on the road");
        p = probe(t, EnvConfig.DEFAULT, 5.0, -1.5, 0);
        assertTrue(p.isOfftrack());
        assertEquals(1.5, p.distanceFromCenter(), 1e-12, "distance may exceed half the width");
    }

    @Test
    void circleByHand() {
        int n = 120;
        double r = 3.0, w = 0.8;
        Track t = TestTracks.circle(r, w, n);
        // front point on the centre line at row 30 (90 degrees), heading along the track (180 degrees)
        RewardParams p = probe(t, EnvConfig.DEFAULT, 0, r, 180);
        assertEquals(0.0, p.distanceFromCenter(), 1e-12);
        assertEquals(25.0, p.progress(), 1e-9);
        assertEquals(30, p.closestWaypointPrev());
        assertEquals(31, p.closestWaypointNext());
        // nearest inner point: the inner vertex (0, r - w/2); nearest outer point: the foot of the perpendicular
        // on the outer edge from row 29 to row 30 (the outer polygon's edges are closer than its vertices)
        double ro = r + w / 2, a29 = 2 * Math.PI * 29 / n, a30 = 2 * Math.PI * 30 / n;
        double ax = ro * Math.cos(a29), ay = ro * Math.sin(a29), bx = ro * Math.cos(a30), by = ro * Math.sin(a30);
        double tt = ((0 - ax) * (bx - ax) + (r - ay) * (by - ay)) / ((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
        double fx = ax + tt * (bx - ax), fy = ay + tt * (by - ay);
        assertEquals(Math.hypot(fx - 0, fy - (r - w / 2)), p.trackWidth(), 1e-12);
        assertEquals(w, p.trackWidth(), 1e-3);
        assertEquals(180.0, Math.abs(p.heading()), 1e-9);
        // 0.1 m towards the centre of the circle is the infield: left
        p = probe(t, EnvConfig.DEFAULT, 0, r - 0.1, 180);
        assertTrue(p.isLeftOfCenter());
        // from inside the polygon the nearest centre-line point is on the adjacent chord: 0.1 cos(pi/n)
        assertEquals(0.1 * Math.cos(Math.PI / n), p.distanceFromCenter(), 1e-12);
        p = probe(t, EnvConfig.DEFAULT, 0, r + 0.1, 180);
        assertFalse(p.isLeftOfCenter());
    }

    @Test
    void progressIsMeasuredFromTheStartWaypoint() {
        Track t = TestTracks.circle(3.0, 0.8, 120);
        RewardParams p = probe(t, EnvConfig.DEFAULT.withStartWaypoint(30), 0, 3.0, 180);
        assertEquals(0.0, p.progress(), 1e-9, "at the start line itself");
        p = probe(t, EnvConfig.DEFAULT.withStartWaypoint(30), -3.0, 0, -90);
        assertEquals(25.0, p.progress(), 1e-9);
        p = probe(t, EnvConfig.DEFAULT.withStartWaypoint(90), 0, 3.0, 180); // 90 -> 30 wraps around
        assertEquals(50.0, p.progress(), 1e-9);
    }

    @Test
    void reversedUsesTheReversedRows() {
        int n = 120;
        Track t = TestTracks.circle(3.0, 0.8, n);
        EnvConfig rev = EnvConfig.DEFAULT.withReversed(true);
        // driving clockwise from (3, 0): after a quarter lap the car is at (0, -3) heading -x (180)
        RewardParams p = probe(t, rev, 0, -3.0, 180);
        assertTrue(p.isReversed());
        assertEquals(25.0, p.progress(), 1e-9);
        // half a row further on (file row 89.5 = reversed row 30.5)
        double a = 2 * Math.PI * 89.5 / n;
        p = probe(t, rev, 3.0 * Math.cos(a), 3.0 * Math.sin(a), Math.toDegrees(a) - 90);
        assertEquals(30, p.closestWaypointPrev());
        assertEquals(31, p.closestWaypointNext());
        // reversed waypoints: row k of the reversed list is row n - k of the file
        assertEquals(Math.cos(2 * Math.PI * (n - 30) / n) * 3.0, p.waypoints()[30][0], 1e-12);
        // left of the driving direction is now the outside of the circle
        p = probe(t, rev, 0, -3.1, 180);
        assertTrue(p.isLeftOfCenter());
    }

    @Test
    void progressFunctionMatchesDeepRacer() {
        assertEquals(10.0, RacingEnv.progressOf(0.10, 0), 1e-12);
        assertEquals(-5.0, RacingEnv.progressOf(-0.05, 0), 1e-12, "backwards over the start line");
        assertEquals(100.0, RacingEnv.progressOf(0.005, 99.0), 1e-12, "forwards over the line: capped at 100");
        assertEquals(95.0, RacingEnv.progressOf(-0.05, 96.0), 1e-12);
        assertEquals(0.0, RacingEnv.progressOf(0.0, 0), 1e-12, "exactly at the start: +100 then -100, as in DeepRacer");
    }

    @Test
    void toMapHasEveryDeepRacerKeyInOrder() {
        Track t = TestTracks.circle(3.0, 0.8, 60);
        RewardParams p = probe(t, EnvConfig.DEFAULT, 0, 3.0, 180);
        assertEquals(RewardParams.KEYS, java.util.List.copyOf(p.toMap().keySet()));
        assertEquals(java.util.List.of(15, 16), p.toMap().get("closest_waypoints"));
        assertEquals(java.util.List.of(0, 0), p.toMap().get("closest_objects"));
    }
}
