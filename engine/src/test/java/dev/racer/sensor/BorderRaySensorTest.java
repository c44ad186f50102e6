package dev.racer.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarState;
import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.track.Direction;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BorderRaySensorTest {

    /**
     * A square loop, counter-clockwise, centre line from (-10,-10) to (10,10) with rows every metre, road
     * 1 m wide: on the bottom straight (y = -10) the inner border is y = -9.5, the outer y = -10.5.
     */
    static Track square() {
        List<double[]> rows = new ArrayList<>();
        double h = 10, w = 0.5;
        // bottom: x from -10 to 10 at y=-10, then right, top, left
        for (int i = 0; i < 80; i++) {
            int side = i / 20, t = i % 20;
            double cx, cy, nx, ny; // n = inward normal (to the left when driving ccw)
            switch (side) {
                case 0 -> { cx = -h + t; cy = -h; nx = 0; ny = 1; }
                case 1 -> { cx = h; cy = -h + t; nx = -1; ny = 0; }
                case 2 -> { cx = h - t; cy = h; nx = 0; ny = -1; }
                default -> { cx = -h; cy = h - t; nx = 1; ny = 0; }
            }
            // corners: borders on the diagonal
            if (t == 0) {
                double[] prevN = switch (side) {
                    case 0 -> new double[] {1, 0};
                    case 1 -> new double[] {0, 1};
                    case 2 -> new double[] {-1, 0};
                    default -> new double[] {0, -1};
                };
                nx += prevN[0];
                ny += prevN[1];
            }
            rows.add(new double[] {cx, cy, cx + w * nx, cy + w * ny, cx - w * nx, cy - w * ny});
        }
        rows.add(rows.get(0).clone());
        // start the loop mid-way along the bottom straight so row 0 is not a corner
        List<double[]> rot = new ArrayList<>(rows.subList(10, 80));
        rot.addAll(rows.subList(0, 10));
        rot.add(rot.get(0).clone());
        return new Track("square", "Square", Direction.COUNTERCLOCKWISE, "test", rot.toArray(double[][]::new));
    }

    @Test
    void distancesOnAStraightMatchTheGeometry() {
        TrackGeometry g = TrackGeometry.of(square(), false);
        BorderRaySensor s = new BorderRaySensor(5, 5.0);
        double[] d = new double[5];
        // front point at (0, -10) (row 0), heading +x: the left border is 0.5 m away, the right 0.5 m
        s.cast(g, 0, -10, 0, 0, d);
        double half = BorderRaySensor.FOV / 2;
        assertEquals(0.5 / Math.sin(half), d[0], 1e-9, "rightmost ray hits the outer border");
        assertEquals(0.5 / Math.sin(half / 2), d[1], 1e-9);
        assertEquals(5.0, d[2], 1e-9, "straight ahead: nothing within range");
        assertEquals(0.5 / Math.sin(half / 2), d[3], 1e-9);
        assertEquals(0.5 / Math.sin(half), d[4], 1e-9, "leftmost ray hits the inner border");

        // off-centre by 0.2 m to the left, heading +x
        s.cast(g, 0, -9.8, 0, 0, d);
        assertEquals(0.7 / Math.sin(half), d[0], 1e-9);
        assertEquals(0.3 / Math.sin(half), d[4], 1e-9);
    }

    @Test
    void aRayAheadHitsTheFarBorderOfTheCorner() {
        TrackGeometry g = TrackGeometry.of(square(), false);
        BorderRaySensor s = new BorderRaySensor(3, 5.0);
        double[] d = new double[3];
        // from x = 7 the outer wall of the corner (x = 10.5) is 3.5 m straight ahead
        s.cast(g, 7, -10, 0, 7, d);
        assertEquals(3.5, d[1], 1e-9);
        // heading straight at the inner border from the centre line: 0.5 m
        s.cast(g, 0, -10, Math.PI / 2, 0, d);
        assertEquals(0.5, d[1], 1e-9);
    }

    @Test
    void observeWritesNormalisedRaysSpeedAndSteering() {
        Track t = square();
        BorderRaySensor s = new BorderRaySensor(5, 2.0);
        RacingEnv env = new RacingEnv(t, EnvConfig.DEFAULT, p -> 1.0, s);
        env.reset(1);
        // rear axle 0.14 m behind (0,-10), heading +x, at rest
        env.placeCar(CarState.atRest(-0.14, -10, 0), 0);
        float[] out = new float[s.size()];
        s.observe(env, out);
        assertEquals(7, s.size());
        double half = BorderRaySensor.FOV / 2;
        assertEquals(0.5 / Math.sin(half) / 2.0, out[0], 1e-6);
        assertEquals(1.0, out[2], 1e-6);
        assertEquals(0.0, out[5], 1e-6, "speed at rest");
        assertEquals(0.0, out[6], 1e-6, "steering straight");
        for (int i = 0; i < 20; i++) {
            env.step(30, 1.0);
        }
        s.observe(env, out);
        assertTrue(out[5] > 0.1 && out[5] <= 0.25, "speed / max speed, got " + out[5]);
        assertEquals(1.0, out[6], 1e-6, "full left steering");
    }

    @Test
    void observeAllocatesNothingAfterTheFirstCall() {
        Track t = square();
        BorderRaySensor s = new BorderRaySensor();
        RacingEnv env = new RacingEnv(t, EnvConfig.DEFAULT, p -> 1.0, s);
        env.reset(1);
        float[] out = new float[s.size()];
        s.observe(env, out);
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            s.observe(env, out);
        }
        long after = bean.getThreadAllocatedBytes(tid);
        assertTrue(after - before < 10_000, "allocated " + (after - before) + " bytes in 10,000 observes");
    }
}
