package dev.racer.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.track.TestTracks;
import dev.racer.track.TrackGeometry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Placement and params on the counter-clockwise 10 m × 6 m rectangle of width 1 (centre line 32 m, lanes
 * 0.25 m either side of it), worked by hand.
 */
class ObjectsTest {
    static final TrackGeometry RECT = TrackGeometry.of(TestTracks.rectangle(10, 6, 1, 0.5), false);

    static WorldObjects placed(ObjectConfig cfg, long seed) {
        WorldObjects o = new WorldObjects(8);
        new ObjectPlacer().place(cfg, RECT, seed, o);
        return o;
    }

    @Test
    void evenlySpacedAlternatingLanesAsTheSimapp() {
        // linspace(2% of 32 = 0.64, 32 - 1 = 31, 3) = 0.64, 15.82, 31; lanes inner, outer, inner
        WorldObjects o = placed(ObjectConfig.spaced(3, false), 1);
        assertEquals(3, o.count());
        // bottom side (heading +x), inner lane at y = +0.25
        assertEquals(0.64, o.x(0), 1e-9);
        assertEquals(0.25, o.y(0), 1e-9);
        assertEquals(0.0, o.heading(0), 1e-9);
        // right side at y = 5.82, outer lane x = 10.25, heading +y
        assertEquals(10.25, o.x(1), 1e-9);
        assertEquals(5.82, o.y(1), 1e-9);
        assertEquals(Math.PI / 2, o.heading(1), 1e-9);
        // left side (driven downwards) 5 m past (0, 6): y = 1, inner lane x = 0.25, heading -y
        assertEquals(0.25, o.x(2), 1e-9);
        assertEquals(1.0, o.y(2), 1e-9);
        assertEquals(-Math.PI / 2, o.heading(2), 1e-9);
        assertEquals(TrackObject.BOX_LENGTH, 2 * o.halfLength(0), 0);
        assertEquals(TrackObject.BOX_WIDTH, 2 * o.halfWidth(0), 0);
        // per-placement params
        assertEquals(0.64, o.pdist(0), 1e-9);
        assertEquals(15.82, o.pdist(1), 1e-9);
        assertEquals(31.0, o.pdist(2), 1e-9);
        assertEquals(0.25, o.centerDistance(1), 1e-9);
        assertTrue(o.leftOfCenter(0), "inner lane of a counter-clockwise loop is left");
        assertFalse(o.leftOfCenter(1));
        assertTrue(o.leftOfCenter(2));
    }

    @Test
    void fixedPositionsUseNdistAndLane() {
        WorldObjects o = placed(ObjectConfig.fixed(List.of(new ObjectConfig.Position(0.25, -1),
                new ObjectConfig.Position(0.125, 1))), 0);
        // 0.25 * 32 = 8 m: bottom side, outer lane y = -0.25
        assertEquals(8.0, o.x(0), 1e-9);
        assertEquals(-0.25, o.y(0), 1e-9);
        // 4 m, inner lane
        assertEquals(4.0, o.x(1), 1e-9);
        assertEquals(0.25, o.y(1), 1e-9);
        assertEquals(3, placed(ObjectConfig.TRAINING_DEFAULT, 0).count());
        assertEquals(6, placed(ObjectConfig.RACE_DEFAULT, 0).count());
    }

    @Test
    void drivenReversedTheInnerLaneIsOnTheRight() {
        TrackGeometry rev = TrackGeometry.of(TestTracks.rectangle(10, 6, 1, 0.5), true);
        WorldObjects o = new WorldObjects(4);
        new ObjectPlacer().place(ObjectConfig.fixed(List.of(new ObjectConfig.Position(0.5, 1),
                new ObjectConfig.Position(0.75, -1))), rev, 0, o);
        assertFalse(o.leftOfCenter(0));
        assertTrue(o.leftOfCenter(1));
    }

    @Test
    void randomisedPlacementIsSeededAndKeepsItsSpacing() {
        ObjectConfig cfg = ObjectConfig.spaced(6, true);
        WorldObjects a = placed(cfg, 42), b = placed(cfg, 42), c = placed(cfg, 43);
        double[] pa = pdists(a), pb = pdists(b), pc = pdists(c);
        assertArrayEquals(pa, pb, 0, "same seed, same boxes");
        assertFalse(java.util.Arrays.equals(pa, pc), "another seed moves them");
        double min = 0.02 * 32;
        for (int i = 0; i < 6; i++) {
            assertTrue(pa[i] >= min - 1e-9 && pa[i] <= 31 + 1e-9, "within [0.64, 31]: " + pa[i]);
            if (i > 0) {
                assertTrue(pa[i] - pa[i - 1] >= min - 1e-9, "spacing " + (pa[i] - pa[i - 1]));
            }
        }
        // over many seeds both lanes are used for the first object
        int left = 0;
        for (long s = 0; s < 40; s++) {
            left += placed(cfg, s).leftOfCenter(0) ? 1 : 0;
        }
        assertTrue(left > 5 && left < 35, "random lanes: " + left + "/40 left");
    }

    private static double[] pdists(WorldObjects o) {
        double[] p = new double[o.count()];
        for (int i = 0; i < p.length; i++) {
            p[i] = o.pdist(i);
        }
        return p;
    }

    @Test
    void badConfigurationsGiveOneLineErrors() {
        var neg = assertThrows(IllegalArgumentException.class, () -> ObjectConfig.spaced(-1, false));
        assertEquals("--objects must be >= 0, got -1", neg.getMessage());
        var fit = assertThrows(IllegalArgumentException.class, () -> ObjectPlacer.validate(ObjectConfig.spaced(80, false), RECT));
        assertTrue(fit.getMessage().startsWith("--objects 80 does not fit on track rectangle (32.00 m of centre line): at most 48 objects 0.64 m apart"),
                fit.getMessage());
        ObjectPlacer.validate(ObjectConfig.spaced(48, false), RECT); // 1 + floor((31 - 0.64) / 0.64) = 48
        var lane = assertThrows(IllegalArgumentException.class, () -> ObjectConfig.Position.parse("0.5,2", "--object-positions"));
        assertEquals("--object-positions: object position lane must be 1 (inner) or -1 (outer), got 2", lane.getMessage());
        var form = assertThrows(IllegalArgumentException.class, () -> ObjectConfig.Position.parse("half", "OBJECT_POSITIONS"));
        assertTrue(form.getMessage().startsWith("OBJECT_POSITIONS: expected \"ndist,lane\""));
        assertEquals(new ObjectConfig.Position(0.15, 1), ObjectConfig.Position.parse(" 0.15, 1", "x"));
        assertThrows(IllegalArgumentException.class, () -> new ObjectConfig.Position(1.5, 1));
        var cap = assertThrows(IllegalArgumentException.class,
                () -> new ObjectPlacer().place(ObjectConfig.spaced(5, false), RECT, 0, new WorldObjects(4)));
        assertEquals("--objects 5 is more than the 4 this environment was built for", cap.getMessage());
    }

    @Test
    void paramsHandWorked() {
        WorldObjects o = placed(ObjectConfig.spaced(3, false), 1); // pdist 0.64, 15.82, 31
        ObjectParams p = new ObjectParams(8);
        ObjectParamsCalculator calc = new ObjectParamsCalculator();
        // front point at (5, 0): between objects 0 and 1
        calc.compute(RECT, o, 5, 0, 4.86, 0, 0, p);
        assertEquals(3, p.count);
        assertEquals(0, p.prevObject);
        assertEquals(1, p.nextObject);
        assertEquals(10.25, p.locationX[1], 1e-9);
        assertEquals(5.82, p.locationY[1], 1e-9);
        assertEquals(15.82, p.distance[1], 1e-9);
        assertEquals(0.25, p.distanceFromCenter[2], 1e-9);
        assertTrue(p.leftOfCenter[0]);
        assertEquals(0.0, p.heading[1], 0, "boxes report heading 0, as the simapp");
        assertEquals(0.0, p.speed[1], 0);
        assertFalse(p.crashed);
        // before the first object: next 0, previous wraps to the last
        calc.compute(RECT, o, 0.2, 0, 0.06, 0, 0, p);
        assertEquals(2, p.prevObject);
        assertEquals(0, p.nextObject);
        // exactly at an object's distance: bisect_right puts it behind the car
        calc.compute(RECT, o, 0.64, 0, 0.5, 0, 0, p);
        assertEquals(0, p.prevObject);
        assertEquals(1, p.nextObject);
        // past the last object: next wraps to 0
        calc.compute(RECT, o, 0, 0.5, 0, 0.64, -Math.PI / 2, p);
        assertEquals(2, p.prevObject);
        assertEquals(0, p.nextObject);
        // the same with the car's centre-line distance given (31.5 m)
        calc.compute(RECT, o, 31.5, 0, 0.64, -Math.PI / 2, p);
        assertEquals(2, p.prevObject);
        assertEquals(0, p.nextObject);
        calc.compute(RECT, o, 15.82, 10, 5.68, Math.PI / 2, p);
        assertEquals(1, p.prevObject);
        assertEquals(2, p.nextObject);
    }

    @Test
    void objectInCameraFollowsTheSimappsIndexOffset() {
        WorldObjects o = placed(ObjectConfig.spaced(3, false), 1);
        ObjectParams simapp = new ObjectParams(8), next = new ObjectParams(8);
        // origin (0, 0.25) heading +x, front (0.14, 0.25): next object 0, 0.5 m ahead and in view
        new ObjectParamsCalculator(true).compute(RECT, o, 0.14, 0.25, 0, 0.25, 0, simapp);
        new ObjectParamsCalculator(false).compute(RECT, o, 0.14, 0.25, 0, 0.25, 0, next);
        assertEquals(0, simapp.nextObject);
        assertFalse(simapp.objectInCamera, "simapp tests table entry 0: the car itself");
        assertTrue(next.objectInCamera);
        // origin (1.5, 0) looking back (yaw π): next object 1 (behind), object 0 in view
        new ObjectParamsCalculator(true).compute(RECT, o, 1.36, 0, 1.5, 0, Math.PI, simapp);
        new ObjectParamsCalculator(false).compute(RECT, o, 1.36, 0, 1.5, 0, Math.PI, next);
        assertEquals(1, simapp.nextObject);
        assertTrue(simapp.objectInCamera, "simapp tests box next - 1 = 0, which is in view");
        assertFalse(next.objectInCamera);
    }

    @Test
    void cameraFrustumHandWorked() {
        // camera 0.145 m ahead, 0.130 m up, pitched 15° down: a point 0.3 m ahead on the floor is below the view
        assertFalse(CameraFrustum.visible(0, 0, 0, 0.3, 0, 0));
        // on the floor 1 m ahead: depth 0.855*cos + 0.130*sin = 0.860, up = 0.855*sin - 0.130*cos = 0.096 < 0.860*tan(0.565)*0.75
        assertTrue(CameraFrustum.visible(0, 0, 0, 1.0, 0, 0));
        // 1 m ahead but 0.6 m to the side: |right| 0.6 > 0.860 * 0.634
        assertFalse(CameraFrustum.visible(0, 0, 0, 1.0, 0.6, 0));
        assertTrue(CameraFrustum.visible(0, 0, 0, 1.0, 0.5, 0));
        assertFalse(CameraFrustum.visible(0, 0, 0, -1.0, 0, 0), "behind");
    }

    @Test
    void crashWhenACarCornerEntersTheBufferedBox() {
        WorldObjects o = placed(ObjectConfig.spaced(3, false), 1); // box 0 spans x 0.39..0.89, y 0.05..0.45
        // car 0.3235 long centred on its origin: front corners at origin + 0.16176
        assertEquals(0, ObjectParamsCalculator.crashedObject(o, 0.28, 0.25, 0), "0.4418 > 0.39");
        assertEquals(-1, ObjectParamsCalculator.crashedObject(o, 0.22, 0.25, 0), "0.3818 < 0.39");
        // side by side in the other lane: corners at y <= -0.25 + 0.098 < 0.05
        assertEquals(-1, ObjectParamsCalculator.crashedObject(o, 0.64, -0.25, 0));
        assertEquals(-1, ObjectParamsCalculator.crashedObject(o, 0.64, -0.05, 0), "corner at y 0.048 just outside");
        assertEquals(0, ObjectParamsCalculator.crashedObject(o, 0.64, -0.045, 0), "corner at y 0.053 inside");
        ObjectParams p = new ObjectParams(8);
        new ObjectParamsCalculator().compute(RECT, o, 0.42, 0.25, 0.28, 0.25, 0, p);
        assertTrue(p.crashed);
        assertEquals(0, p.crashedObject);
    }

    @Test
    void noObjectsLeaveDeepRacersDefaults() {
        WorldObjects o = new WorldObjects(4);
        ObjectParams p = new ObjectParams(4);
        p.nextObject = 3;
        new ObjectParamsCalculator().compute(RECT, o, 1, 0, 0.86, 0, 0, p);
        assertEquals(0, p.count);
        assertEquals(0, p.prevObject);
        assertEquals(0, p.nextObject);
        assertFalse(p.objectInCamera);
        assertFalse(p.crashed);
    }

    @Test
    void computeAndPlaceAllocateNothing() {
        WorldObjects o = new WorldObjects(6);
        ObjectPlacer placer = new ObjectPlacer();
        ObjectConfig cfg = ObjectConfig.spaced(6, true);
        placer.place(cfg, RECT, 1, o);
        ObjectParams p = new ObjectParams(6);
        ObjectParamsCalculator calc = new ObjectParamsCalculator();
        calc.compute(RECT, o, 5, 0, 4.86, 0, 0, p);
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            calc.compute(RECT, o, 5 + i * 1e-4, 0, 4.86 + i * 1e-4, 0, 0, p);
            if (i % 100 == 0) {
                placer.place(cfg, RECT, i, o);
            }
        }
        long after = bean.getThreadAllocatedBytes(tid);
        assertTrue(after - before < 10_000, "allocated " + (after - before) + " bytes");
        assertNotEquals(-1, p.nextObject);
    }

    /** The settings racer's flags and a league's rules give: fixed positions, else a spaced count, else the default. */
    @Test
    void objectSettingsPickTheLayoutAsDeepRacersParamsDo() {
        List<ObjectConfig.Position> two = ObjectConfig.parsePositions("0.2,1; ;0.6,-1", "--object-positions");
        assertEquals(List.of(new ObjectConfig.Position(0.2, 1), new ObjectConfig.Position(0.6, -1)), two);
        assertEquals("0.2,1;0.6,-1", ObjectConfig.formatPositions(two));
        assertEquals(two, ObjectConfig.parsePositions(ObjectConfig.formatPositions(two), "x"));
        assertEquals(ObjectConfig.fixed(two), ObjectConfig.of(null, false, two, ObjectConfig.RACE_DEFAULT));
        assertEquals(ObjectConfig.spaced(4, false), ObjectConfig.of(4, false, null, ObjectConfig.RACE_DEFAULT));
        assertEquals(ObjectConfig.spaced(6, true), ObjectConfig.of(null, true, null, ObjectConfig.RACE_DEFAULT));
        assertEquals(ObjectConfig.spaced(3, true), ObjectConfig.of(null, true, null, ObjectConfig.TRAINING_DEFAULT));
        assertEquals(ObjectConfig.RACE_DEFAULT, ObjectConfig.of(null, false, null, ObjectConfig.RACE_DEFAULT));
        assertEquals(0, ObjectConfig.of(null, false, List.of(), ObjectConfig.RACE_DEFAULT).objects());
        assertThrows(IllegalArgumentException.class, () -> ObjectConfig.of(2, false, two, ObjectConfig.RACE_DEFAULT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ObjectConfig.parsePositions("0.2,1;0.5,2", "object_positions"));
        assertTrue(e.getMessage().startsWith("object_positions: "), e.getMessage());
    }
}
