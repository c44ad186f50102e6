package dev.racer.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RectsTest {
    private static final double C90 = Math.cos(Math.PI / 2), S90 = Math.sin(Math.PI / 2);

    @Test
    void containsIsStrictLikeShapely() {
        assertTrue(Rects.contains(0, 0, 1, 0, 0.25, 0.2, 0.24, 0.19));
        assertFalse(Rects.contains(0, 0, 1, 0, 0.25, 0.2, 0.25, 0.0), "on the border is outside");
        // rotated 90°: the length now runs along y
        assertTrue(Rects.contains(0, 0, C90, S90, 0.25, 0.2, 0.0, 0.24));
        assertFalse(Rects.contains(0, 0, C90, S90, 0.25, 0.2, 0.24, 0.0));
    }

    @Test
    void deepRacersCornerTestMissesACrossThatTheSeparatingAxisTestFinds() {
        // A: 1.0 x 0.1 along x; B: the same along y, both at the origin: a plus sign
        assertFalse(Rects.anyCornerInside(0, 0, 1, 0, 0.5, 0.05, 0, 0, C90, S90, 0.5, 0.05));
        assertFalse(Rects.anyCornerInside(0, 0, C90, S90, 0.5, 0.05, 0, 0, 1, 0, 0.5, 0.05));
        assertTrue(Rects.overlap(0, 0, 1, 0, 0.5, 0.05, 0, 0, C90, S90, 0.5, 0.05));
    }

    @Test
    void separatingAxisOnRotatedRectangles() {
        double c = Math.cos(Math.PI / 4), s = Math.sin(Math.PI / 4);
        // unit square rotated 45° reaches sqrt(0.5) = 0.7071 along x; a unit square centred 1.21 away starts at 0.71
        assertFalse(Rects.overlap(0, 0, c, s, 0.5, 0.5, 1.21, 0, 1, 0, 0.5, 0.5));
        assertTrue(Rects.overlap(0, 0, c, s, 0.5, 0.5, 1.2, 0, 1, 0, 0.5, 0.5), "starts at 0.70 < 0.7071");
        // axis-aligned: gap vs touch
        assertFalse(Rects.overlap(0, 0, 1, 0, 0.5, 0.5, 1.0, 0, 1, 0, 0.5, 0.5), "touching is no overlap");
        assertTrue(Rects.overlap(0, 0, 1, 0, 0.5, 0.5, 0.99, 0.99, 1, 0, 0.5, 0.5));
    }

    @Test
    void rayEntryHandWorked() {
        assertEquals(1.5, Rects.rayEntry(0, 0, 1, 0, 2, 0, 1, 0, 0.5, 0.2), 1e-12);
        // length along y: the ray meets the 0.2 half width first
        assertEquals(1.8, Rects.rayEntry(0, 0, 1, 0, 2, 0, C90, S90, 0.5, 0.2), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Rects.rayEntry(0, 0, 0, 1, 2, 0, 1, 0, 0.5, 0.2));
        assertEquals(Double.POSITIVE_INFINITY, Rects.rayEntry(0, 0, -1, 0, 2, 0, 1, 0, 0.5, 0.2), "behind");
        assertEquals(0.0, Rects.rayEntry(2, 0, 1, 0, 2, 0, 1, 0, 0.5, 0.2), "starts inside");
        // 45° ray into the corner region: enters the face x = 1.5 at t = 1.5 * sqrt(2), y = 1.5 inside [1.3, 1.7]
        double d = Math.sqrt(0.5);
        assertEquals(1.5 * Math.sqrt(2), Rects.rayEntry(0, 0, d, d, 2, 1.5, 1, 0, 0.5, 0.2), 1e-12);
    }
}
