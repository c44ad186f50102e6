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
    void notALoop() {
        double[][] rows = oval(24);
        rows[24][0] += 0.5;
        assertContains(error(rows, null), SRC, "not a loop", "last row (row 24)", "must repeat the first row",
                "[3.5000, 0.0000");
    }

    @Test
    void notALoopByATinyAmountSaysSo() {
        double[][] rows = oval(24);
        rows[24][3] += 1e-9;
        assertContains(error(rows, null), SRC, "not a loop", "row 24", "differ after the 4th decimal");
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
    void negativeWidthWhenBordersAreSwapped() {
        double[][] rows = oval(24);
        double[] r = rows[9];
        rows[9] = new double[] {r[0], r[1], r[4], r[5], r[2], r[3]};
        assertContains(error(rows, Direction.COUNTERCLOCKWISE), SRC, "row 9: negative width", "swapped",
                "expected inner on the left on a counterclockwise track");
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
    void negativeWidthWhenTheCentreIsOutsideTheRoad() {
        double[][] rows = oval(24);
        // move row 3's outer border point to the inside of the centre line, beyond the inner border point
        double[] r = rows[3];
        r[4] = r[0] + 2 * (r[2] - r[0]);
        r[5] = r[1] + 2 * (r[3] - r[1]);
        assertContains(error(rows, null), SRC, "row 3: negative width", "is not between the borders",
                "outer border point 0.800 m on the wrong side");
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
    void duplicateConsecutivePointsAreKeptWithAWarning() {
        double[][] rows = oval(24);
        double[][] dup = new double[rows.length + 2][];
        for (int i = 0, k = 0; i < rows.length; i++) {
            dup[k++] = rows[i];
            if (i == 4 || i == 11) {
                dup[k++] = rows[i].clone();
            }
        }
        TrackValidator.Result r = validate(dup, Direction.COUNTERCLOCKWISE);
        assertEquals(27, r.track().size(), "every row kept: waypoint numbers stay DeepRacer's");
        assertEquals(1, r.warnings().size());
        assertContains(r.warnings().get(0), SRC, "2 duplicate consecutive points", "row 5 repeats row 4",
                "row 13 repeats row 12", "kept, as DeepRacer's simulator keeps them");
        assertEquals(dup[20][0], r.track().rows()[20][0]);
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
