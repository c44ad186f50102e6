package dev.racer.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrackGeometryTest {
    private static final double EPS = 1e-9;

    @Test
    void circleLengthIsThePolygonPerimeter() {
        int n = 60;
        double r = 2.0;
        TrackGeometry g = TrackGeometry.of(TestTracks.circle(r, 0.6, n), false);
        assertEquals(n * 2 * r * Math.sin(Math.PI / n), g.length(), EPS);
        assertTrue(g.ccw());
        assertEquals(n + 1, g.size());
        // DeepRacer's ndists: k/n for the distinct rows, 1.0 for the closing row
        assertEquals(0.0, g.ndist(0), EPS);
        assertEquals(0.25, g.ndist(15), EPS);
        assertEquals(1.0, g.ndist(n), EPS);
    }

    @Test
    void prevNextIsBisectRight() {
        TrackGeometry g = TrackGeometry.of(TestTracks.circle(2.0, 0.6, 60), false);
        // ndist 0.25 is exactly row 15: bisect_right puts next after it
        long pn = g.prevNext(0.25);
        assertEquals(15, TrackGeometry.prevOf(pn));
        assertEquals(16, TrackGeometry.nextOf(pn));
        pn = g.prevNext(0.0);
        assertEquals(0, TrackGeometry.prevOf(pn));
        assertEquals(1, TrackGeometry.nextOf(pn));
        pn = g.prevNext(0.999);
        assertEquals(59, TrackGeometry.prevOf(pn));
        assertEquals(60, TrackGeometry.nextOf(pn));
        pn = g.prevNext(1.0); // past the closing row: next wraps to 0
        assertEquals(60, TrackGeometry.prevOf(pn));
        assertEquals(0, TrackGeometry.nextOf(pn));
    }

    @Test
    void nearestPointOnASquareByHand() {
        double[] x = {0, 4, 4, 0, 0};
        double[] y = {0, 0, 4, 4, 0};
        PolylineIndex p = new PolylineIndex(x, y);
        Projection out = new Projection();
        p.nearest(1, 0.5, out); // above the bottom side
        assertEquals(0, out.segment);
        assertEquals(1.0, out.x, EPS);
        assertEquals(0.0, out.y, EPS);
        assertEquals(0.5, out.distance, EPS);
        assertEquals(1.0, out.along, EPS);
        p.nearest(5, 3, out); // right of the right side
        assertEquals(1, out.segment);
        assertEquals(4 + 3, out.along, EPS);
        assertEquals(1.0, out.distance, EPS);
        p.nearest(-1, -1, out); // outside the corner: ties go to the lowest segment (GEOS does the same)
        assertEquals(0, out.segment);
        assertEquals(0.0, out.along, EPS);
        assertEquals(Math.sqrt(2), out.distance, EPS);
        p.nearest(100, 100, out); // far outside the grid: brute force; the corner (4,4) ends segment 1
        assertEquals(1, out.segment);
        assertEquals(4 + 4, out.along, EPS);
        p.interpolate(10, out);
        assertEquals(2, out.x, EPS);
        assertEquals(4, out.y, EPS);
    }

    @Test
    void roadContainsByHandOnACircle() {
        TrackGeometry g = TrackGeometry.of(TestTracks.circle(2.0, 0.6, 120), false);
        assertTrue(g.onTrack(2.0, 0.0));
        assertTrue(g.onTrack(0, 2.25));
        assertFalse(g.onTrack(0, 0), "the infield is the hole of the road polygon");
        assertFalse(g.onTrack(1.65, 0), "just inside the inner border");
        assertFalse(g.onTrack(2.35, 0), "just outside the outer border");
        assertTrue(g.onTrack(-1.72, 0), "just inside the road near the inner border");
        assertFalse(g.onTrack(50, 50), "outside the grid");
    }

    @Test
    void headingAtPointsToTheNextRow() {
        TrackGeometry g = TrackGeometry.of(TestTracks.circle(2.0, 0.6, 4), false);
        Projection p = new Projection();
        // start (2,0); next row (0,2): heading 135 degrees
        assertEquals(Math.toRadians(135), g.headingAt(0, p), EPS);
        assertEquals(2.0, p.x, EPS);
        assertEquals(0.0, p.y, EPS);
    }

    @Test
    void reversedGeometryRunsTheRowsBackwards() {
        Track t = TestTracks.circle(2.0, 0.6, 60);
        TrackGeometry f = TrackGeometry.of(t, false);
        TrackGeometry r = TrackGeometry.of(t, true);
        assertFalse(r.ccw());
        assertEquals(f.length(), r.length(), EPS);
        assertEquals(f.centerX(59), r.centerX(1), EPS);
        assertEquals(f.centerY(59), r.centerY(1), EPS);
        assertEquals(f.innerX(10), r.innerX(50), EPS);
    }
}
