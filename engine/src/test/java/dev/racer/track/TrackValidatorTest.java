package dev.racer.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackValidatorTest {
    private static final String SRC = "tracks/test.json";

    /** An ellipse 3 m x 2 m, 0.8 m wide, {@code n} waypoints counterclockwise, closing row repeated. */
    static double[][] oval(int n) {
        double[][] rows = new double[n + 1][];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double cx = 3 * Math.cos(t);
            double cy = 2 * Math.sin(t);
            double nx = 2 * Math.cos(t);
            double ny = 3 * Math.sin(t);
            double len = Math.hypot(nx, ny);
            nx /= len;
            ny /= len;
            rows[i] = new double[] {cx, cy, cx - 0.4 * nx, cy - 0.4 * ny, cx + 0.4 * nx, cy + 0.4 * ny};
        }
        rows[n] = rows[0].clone();
        return rows;
    }

    private static TrackValidator.Result validate(double[][] rows, Direction d) {
        return TrackValidator.validate("test", "Test", d, "", rows, SRC);
    }

    private static String error(double[][] rows, Direction d) {
        return assertThrows(TrackException.class, () -> validate(rows, d)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "expected \"" + p + "\" in: " + message);
        }
    }

    @Test
    void aGoodTrackPassesUnchanged() {
        double[][] rows = oval(24);
        TrackValidator.Result r = validate(rows, Direction.COUNTERCLOCKWISE);
        assertEquals(List.of(), r.warnings());
        assertEquals(25, r.track().size());
        assertTrue(r.track().isLoop());
        assertEquals(Direction.COUNTERCLOCKWISE, r.track().direction());
    }

    @Test
    void autoDirectionTakesTheCentreLine() {
        double[][] rows = oval(24);
        double[][] reversed = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[rows.length - 1 - i];
            // driving the other way round, the inner border is still the inside of the loop
            reversed[i] = r.clone();
        }
        assertEquals(Direction.CLOCKWISE, validate(reversed, null).track().direction());
        assertEquals(Direction.COUNTERCLOCKWISE, validate(rows, null).track().direction());
    }

    @Test
    void anOpenRouteIsRefusedAsSuch() {
        double[][] rows = oval(24);
        rows[24][0] += 0.5;
        assertContains(error(rows, null), SRC, "open routes are not supported", "last row (row 24)",
                "does not repeat the first row", "[3.5000, 0.0000", "Racer races closed loops only");
    }

    @Test
    void notALoopByATinyAmountSaysSo() {
        double[][] rows = oval(24);
        rows[24][3] += 1e-9;
        assertContains(error(rows, null), SRC, "open routes are not supported", "row 24",
                "differ after the 4th decimal");
    }

    @Test
    void nanAndInfinityNameRowAndColumn() {
        double[][] rows = oval(24);
        rows[7][3] = Double.NaN;
        rows[12][4] = Double.POSITIVE_INFINITY;
        assertContains(error(rows, null), SRC, "row 7 inner_y is NaN", "row 12 outer_x is Infinity",
                "expected finite numbers");
    }

    @Test
    void fewerThanTenWaypoints() {
        assertContains(error(oval(9), null), SRC, "has 9 distinct waypoints", "10 rows", "expected at least 10");
        validate(oval(10), null);
    }

    @Test
    void zeroWidth() {
        double[][] rows = oval(24);
        rows[5][4] = rows[5][2];
        rows[5][5] = rows[5][3];
        assertContains(error(rows, null), SRC, "row 5: zero width", "0.0000 m apart", "expected at least 0.001 m");
    }

    @Test
    void oneRowWithItsBordersSwappedMakesThemCross() {
        double[][] rows = oval(24);
        double[] r = rows[9];
        rows[9] = new double[] {r[0], r[1], r[4], r[5], r[2], r[3]};
        assertContains(error(rows, Direction.COUNTERCLOCKWISE), SRC,
                "the inner border between rows 8 and 9 crosses the outer border between rows 8 and 9",
                "row 9: the centre point (-2.121, 1.414) is off the road (outside the outer border)");
    }

    @Test
    void everyRowSwappedIsOneSentence() {
        double[][] rows = oval(24);
        for (double[] r : rows) {
            double x = r[2], y = r[3];
            r[2] = r[4];
            r[3] = r[5];
            r[4] = x;
            r[5] = y;
        }
        String m = error(rows, null);
        assertContains(m, SRC, "rows 0 to 23: negative width: every row has the inner and outer border points swapped",
                "exchange the inner and outer columns");
        assertTrue(!m.contains("problems"), m);
    }

    @Test
    void theCentreOutsideTheRoad() {
        double[][] rows = oval(24);
        // move row 3's outer border point to the inside of the centre line, beyond the inner border point
        double[] r = rows[3];
        r[4] = r[0] + 2 * (r[2] - r[0]);
        r[5] = r[1] + 2 * (r[3] - r[1]);
        assertContains(error(rows, null), SRC, "row 3: the centre point (2.121, 1.414) is off the road (outside the"
                + " outer border); expected it between the borders");
    }

    @Test
    void theCentreInsideTheInnerBorder() {
        double[][] rows = oval(24);
        // move row 6's centre point into the infield, 0.1 m past the inner border point
        double[] r = rows[6];
        r[0] = r[2] + 0.25 * (r[2] - r[4]);
        r[1] = r[3] + 0.25 * (r[3] - r[5]);
        assertContains(error(rows, null), SRC, "row 6: the centre point", "inside the inner border");
    }

    @Test
    void bordersNotLevelWithTheCentrePointsAreAccepted() {
        // Tokyo_Training_track's S-bends: each row's border points sit half a row ahead of its centre point, so
        // the per-row lateral order is off, but the road (the polygon between the borders) holds the centre line
        int n = 48;
        double[][] rows = oval(n);
        double[][] level = oval(2 * n);
        for (int i = 0; i < n; i++) {
            double[] half = level[2 * i + 1];
            System.arraycopy(half, 2, rows[i], 2, 4);
        }
        rows[n] = rows[0].clone();
        TrackValidator.Result r = validate(rows, null);
        assertEquals(n + 1, r.track().size());
    }

    @Test
    void aCentreSegmentThatCutsACornerOfTheRoad() {
        // a square loop with a 0.2 m wide road whose corner row's centre point moves from (2, 0) to (1.95, 0.45),
        // still on the road: the segment from (1.5, 0) to it leaves the road although both its ends are on it
        java.util.List<double[]> list = new java.util.ArrayList<>();
        double h = 0.1;
        for (int side = 0; side < 4; side++) {
            for (int k = 0; k < 4; k++) {
                double t = k * 0.5;
                double[] c = switch (side) {
                    case 0 -> new double[] {t, 0, t, h, t, -h};
                    case 1 -> new double[] {2, t, 2 - h, t, 2 + h, t};
                    case 2 -> new double[] {2 - t, 2, 2 - t, 2 - h, 2 - t, 2 + h};
                    default -> new double[] {0, 2 - t, h, 2 - t, -h, 2 - t};
                };
                if (k == 0) { // corner rows: the corners of the inset and outset squares
                    double[][] in = {{h, h}, {2 - h, h}, {2 - h, 2 - h}, {h, 2 - h}};
                    double[][] out = {{-h, -h}, {2 + h, -h}, {2 + h, 2 + h}, {-h, 2 + h}};
                    c = new double[] {c[0], c[1], in[side][0], in[side][1], out[side][0], out[side][1]};
                }
                list.add(c);
            }
        }
        list.add(list.get(0).clone());
        double[][] ok = list.toArray(new double[0][]);
        validate(ok, Direction.COUNTERCLOCKWISE);
        double[][] cut = list.toArray(new double[0][]);
        cut[4][0] = 1.95;
        cut[4][1] = 0.45;
        assertContains(error(cut, Direction.COUNTERCLOCKWISE), SRC, "the centre line between rows 3 and 4 crosses the"
                + " inner border", "expected the centre line to stay on the road");
    }

    @Test
    void aBorderThatCrossesItself() {
        double[][] rows = oval(24);
        // swap two outer border points: the outer border makes a loop of its own
        double[] a = rows[10].clone();
        rows[10][4] = rows[12][4];
        rows[10][5] = rows[12][5];
        rows[12][4] = a[4];
        rows[12][5] = a[5];
        assertContains(error(rows, null), SRC, "the outer border between rows", "crosses itself between rows");
    }

    @Test
    void crossingBorders() {
        double[][] rows = oval(24);
        // pull row 6's inner border point across the road, past the outer border
        double[] r = rows[6];
        r[2] = r[0] + 1.2 * (r[4] - r[0]);
        r[3] = r[1] + 1.2 * (r[5] - r[1]);
        String m = error(rows, null);
        assertContains(m, SRC, "the inner border between rows 5 and 6 crosses the outer border between rows",
                "the inner border between rows 6 and 7 crosses", "expected the borders never to meet");
    }

    @Test
    void duplicateConsecutivePointsAreDroppedAsTheSimulatorFrom602Does() {
        double[][] rows = oval(24);
        double[][] dup = new double[rows.length + 3][];
        for (int i = 0, k = 0; i < rows.length; i++) {
            dup[k++] = rows[i];
            if (i == 4) {
                dup[k++] = rows[i].clone();
            }
            if (i == 11) { // a centre point 1e-10 m from the one before: within the simulator's eps, dropped
                dup[k++] = new double[] {rows[i][0] + 1e-10, rows[i][1], 9, 9, 9, 9};
                dup[k++] = rows[i].clone();
            }
        }
        TrackValidator.Result r = validate(dup, Direction.COUNTERCLOCKWISE);
        assertEquals(java.util.List.of(5, 13, 14), r.droppedRows());
        assertEquals(25, r.track().size(), "the simulator's numbering: rows 5, 13 and 14 of the file dropped");
        assertEquals(28, r.legacy().size(), "the legacy numbering keeps every row");
        assertEquals(dup[20][0], r.legacy().rows()[20][0]);
        assertEquals(dup[20][0], r.track().rows()[17][0], "file row 20 is waypoint 17");
        assertTrue(r.track().isLoop());
        assertEquals(java.util.List.of(), r.warnings());
        assertContains(r.droppedSummary(), "3 duplicate rows dropped", "row 5 repeats row 4", "row 13 repeats row 12",
                "row 14 repeats row 13");
    }

    @Test
    void aRowFartherThanEpsIsKept() {
        double[][] rows = oval(24);
        double[][] near = new double[rows.length + 1][];
        for (int i = 0, k = 0; i < rows.length; i++) {
            near[k++] = rows[i];
            if (i == 7) {
                near[k++] = new double[] {rows[i][0] + 2e-9, rows[i][1], rows[i][2], rows[i][3], rows[i][4], rows[i][5]};
            }
        }
        assertEquals(java.util.List.of(), validate(near, null).droppedRows());
    }

    @Test
    void theClosingRowIsKeptEvenWhenTheRowBeforeRepeatsIt() {
        double[][] rows = oval(24);
        double[][] closing = new double[rows.length + 1][];
        System.arraycopy(rows, 0, closing, 0, rows.length);
        closing[rows.length] = rows[0].clone(); // rows 24 and 25 both repeat row 0
        TrackValidator.Result r = validate(closing, null);
        // the simulator compares rows 1..n-2 with their predecessor and keeps the closing row: row 24 is compared
        // with row 23 (different), so nothing is dropped, as in _sanitize_waypoints
        assertEquals(java.util.List.of(), r.droppedRows());
        assertEquals(26, r.track().size());
    }

    @Test
    void directionThatDisagreesWithTheCentreLineIsAnError() {
        assertContains(error(oval(24), Direction.CLOCKWISE), SRC, "direction is \"clockwise\"",
                "centre line runs counterclockwise", "signed area 18.");
    }

    @Test
    void severalProblemsAreListedTogether() {
        double[][] rows = oval(24);
        rows[5][4] = rows[5][2];
        rows[5][5] = rows[5][3];
        String m = error(rows, Direction.CLOCKWISE);
        assertContains(m, SRC + ": ", " problems:", "direction is", "row 5: zero width");
    }

    @Test
    void trackJsonReadValidates() {
        String json = """
                {"format": "racer-track/1", "id": "t", "name": "T", "direction": "counterclockwise",
                 "waypoints": [[0,0,0,1,0,-1],[1,0,1,1,1,-1],[0,0,0,1,0,-1]]}""";
        TrackException e = assertThrows(TrackException.class, () -> TrackJson.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "my.json"));
        assertContains(e.getMessage(), "my.json", "has 2 distinct waypoints", "expected at least 10");
    }

    @Test
    void writtenJsonReadsBackTheSameRows() {
        Track t = validate(oval(30), null).track();
        Track back = TrackJson.read(new ByteArrayInputStream(TrackJson.write(t).getBytes(StandardCharsets.UTF_8)),
                "x");
        assertEquals(t, back);
    }
}
