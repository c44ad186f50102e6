package dev.racer.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Checks a track read from a file and returns it cleaned, with warnings. Every error names the source (file or
 * built-in id), the row and what is wrong or expected; rows are numbered from 0, as in DeepRacer's
 * {@code closest_waypoints}.
 *
 * <p>Errors ({@link TrackException}):
 * <ul>
 *   <li>a value that is NaN or infinite (row and column name);</li>
 *   <li>not a loop: the last row must repeat the first;</li>
 *   <li>fewer than {@value #MIN_WAYPOINTS} distinct waypoints;</li>
 *   <li>zero width (inner and outer border points closer than {@value #MIN_WIDTH_M} m) or negative width (the
 *       border points swapped, or both on one side of the centre line);</li>
 *   <li>inner and outer borders that cross (the rows of both crossing segments);</li>
 *   <li>a declared direction that disagrees with the centre line's signed (shoelace) area: an error, not a
 *       warning, because the direction decides which border is the inner one, which side is left of centre and
 *       how progress runs; a wrong word in a file would silently corrupt all three.</li>
 * </ul>
 * Warning: consecutive rows with the same centre point are reported (and kept, as DeepRacer keeps them); the
 * warning names them.
 */
public final class TrackValidator {
    /** Fewest distinct waypoints (closing row not counted) a track may have. */
    public static final int MIN_WAYPOINTS = 10;
    /** Narrowest road accepted at a row [m]. */
    public static final double MIN_WIDTH_M = 0.001;
    /** Most problems of one kind listed in a message before "and N more". */
    static final int MAX_LISTED = 5;

    static final String[] COLUMNS = {"center_x", "center_y", "inner_x", "inner_y", "outer_x", "outer_y"};

    private TrackValidator() {
    }

    /**
     * A validated track and what was fixed on the way.
     *
     * @param track    the validated track (rows exactly as in the file)
     * @param warnings one sentence each, naming the source and rows; empty when nothing was fixed
     */
    public record Result(Track track, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** Validates a track whose declared direction must match its centre line. */
    public static Result validate(Track track, String source) {
        return validate(track.id(), track.name(), track.direction(), track.attribution(), track.rows(), source);
    }

    /**
     * Validates raw rows and builds the cleaned track.
     *
     * @param direction the declared direction, or null to take the one measured from the centre line
     * @param rows      {@code [cx, cy, ix, iy, ox, oy]} rows [m], the closing row included
     * @param source    file name or other label the messages start with
     * @throws TrackException listing every problem found, each with its row
     */
    public static Result validate(String id, String name, Direction direction, String attribution, double[][] rows,
                                  String source) {
        checkShape(rows, source);
        checkFinite(rows, source);
        checkLoop(rows, source);
        List<String> warnings = new ArrayList<>();
        // geometry checks run on the distinct rows; the track keeps every row (see findDuplicates)
        int[] kept = findDuplicates(rows, source, warnings);
        double[][] clean = new double[kept.length][];
        for (int k = 0; k < kept.length; k++) {
            clean[k] = rows[kept[k]].clone();
        }
        int waypoints = clean.length - 1;
        if (waypoints < MIN_WAYPOINTS) {
            throw new TrackException(source + ": has " + waypoints + " distinct waypoints (" + rows.length
                    + " rows with the closing row" + (kept.length < rows.length ? ", duplicates not counted" : "")
                    + "); expected at least " + MIN_WAYPOINTS);
        }
        double area = signedArea(clean);
        Direction measured = area >= 0 ? Direction.COUNTERCLOCKWISE : Direction.CLOCKWISE;
        if (area == 0) {
            throw new TrackException(source + ": the centre line encloses no area; expected a closed loop");
        }
        List<String> errors = new ArrayList<>();
        if (direction != null && direction != measured) {
            errors.add("direction is \"" + direction.json() + "\" but the centre line runs " + measured.json()
                    + " (signed area " + fmt(area, 2) + " m²); fix the direction, or reverse the rows");
        }
        checkWidths(clean, kept, measured, errors);
        checkCrossings(clean, kept, errors);
        if (!errors.isEmpty()) {
            throw new TrackException(errors.size() == 1 ? source + ": " + errors.get(0)
                    : source + ": " + errors.size() + " problems:\n  " + String.join("\n  ", errors));
        }
        Track t = new Track(id, name, direction == null ? measured : direction, attribution, rows);
        return new Result(t, warnings);
    }

    /** Signed (shoelace) area enclosed by the centre line of a loop's rows [m²]; positive when counterclockwise. */
    public static double signedArea(double[][] rows) {
        int n = rows.length - 1;
        double a = 0;
        for (int i = 0; i < n; i++) {
            double[] p = rows[i];
            double[] q = rows[i + 1];
            a += p[0] * q[1] - q[0] * p[1];
        }
        return a / 2;
    }

    private static void checkShape(double[][] rows, String source) {
        if (rows == null || rows.length == 0) {
            throw new TrackException(source + ": has no waypoints; expected at least " + MIN_WAYPOINTS
                    + " rows of [center_x, center_y, inner_x, inner_y, outer_x, outer_y]");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != 6) {
                throw new TrackException(source + ": row " + i + " has " + (rows[i] == null ? 0 : rows[i].length)
                        + " values; expected 6: center_x, center_y, inner_x, inner_y, outer_x, outer_y");
            }
        }
    }

    private static void checkFinite(double[][] rows, String source) {
        List<String> bad = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 6; j++) {
                double v = rows[i][j];
                if (!Double.isFinite(v)) {
                    if (count++ < MAX_LISTED) {
                        bad.add("row " + i + " " + COLUMNS[j] + " is " + v);
                    }
                }
            }
        }
        if (count > 0) {
            throw new TrackException(source + ": " + String.join(", ", bad) + more(count)
                    + "; expected finite numbers (metres)");
        }
    }

    private static void checkLoop(double[][] rows, String source) {
        int last = rows.length - 1;
        if (rows.length < 2 || !Arrays.equals(rows[0], rows[last])) {
            throw new TrackException(source + ": not a loop: the last row (row " + last + ") is " + row(rows[last])
                    + " but must repeat the first row " + row(rows[0]) + " exactly"
                    + (rows.length > 1 && row(rows[0]).equals(row(rows[last])) ? " (they differ after the 4th decimal)"
                            : ""));
        }
    }

    /**
     * Indices of the distinct rows (a row whose centre point equals the previous distinct row's is a duplicate)
     * and a warning naming the duplicates. The rows themselves stay in the track: DeepRacer's simulator builds
     * its centre line from every row of the route file, so {@code waypoints} and {@code closest_waypoints}
     * index those rows, duplicates included, and reward functions that name waypoint numbers rely on that.
     * A zero-length segment is harmless to the geometry.
     */
    private static int[] findDuplicates(double[][] rows, String source, List<String> warnings) {
        int[] kept = new int[rows.length];
        int n = 0;
        List<String> dropped = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < rows.length; i++) {
            if (n > 0) {
                double[] prev = rows[kept[n - 1]];
                if (prev[0] == rows[i][0] && prev[1] == rows[i][1]) {
                    if (count++ < MAX_LISTED) {
                        dropped.add("row " + i + " repeats row " + kept[n - 1]);
                    }
                    continue;
                }
            }
            kept[n++] = i;
        }
        if (count > 0) {
            warnings.add(source + ": " + count + " duplicate consecutive point" + (count == 1 ? "" : "s")
                    + " (" + String.join(", ", dropped) + more(count) + "); kept, as DeepRacer's simulator keeps"
                    + " them, so waypoint numbers match DeepRacer's");
        }
        return Arrays.copyOf(kept, n);
    }

    /** Width and side of each row: inner on the left of the driving direction on a counterclockwise loop. */
    private static void checkWidths(double[][] r, int[] orig, Direction measured, List<String> errors) {
        int n = r.length - 1;
        double innerSide = measured == Direction.COUNTERCLOCKWISE ? 1 : -1;
        String innerWord = innerSide > 0 ? "left" : "right";
        String outerWord = innerSide > 0 ? "right" : "left";
        int count = 0;
        int swapped = 0;
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] p = r[i];
            double w = Math.hypot(p[4] - p[2], p[5] - p[3]);
            String problem = null;
            if (w < MIN_WIDTH_M) {
                problem = "zero width: the inner and outer border points are " + fmt(w, 4) + " m apart at ("
                        + fmt(p[2], 3) + ", " + fmt(p[3], 3) + "); expected at least " + MIN_WIDTH_M + " m";
            } else {
                double[] a = r[(i + n - 1) % n];
                double[] b = r[i + 1];
                double tx = b[0] - a[0];
                double ty = b[1] - a[1];
                double tl = Math.hypot(tx, ty);
                if (tl == 0) {
                    tx = b[0] - p[0];
                    ty = b[1] - p[1];
                    tl = Math.hypot(tx, ty);
                }
                // signed lateral offsets [m], positive on the left of the driving direction
                double in = innerSide * (tx * (p[3] - p[1]) - ty * (p[2] - p[0])) / tl;
                double out = -innerSide * (tx * (p[5] - p[1]) - ty * (p[4] - p[0])) / tl;
                if (in < 0 && out < 0) {
                    swapped++;
                    problem = "negative width: the inner and outer border points are swapped (inner on the "
                            + outerWord + ", outer on the " + innerWord + " of the centre line); expected inner on the "
                            + innerWord + " on a " + measured.json() + " track";
                } else if (in <= 0 || out <= 0) {
                    problem = "negative width: the centre point (" + fmt(p[0], 3) + ", " + fmt(p[1], 3)
                            + ") is not between the borders (" + (in <= 0 ? "inner" : "outer") + " border point "
                            + fmt(Math.abs(in <= 0 ? in : out), 3) + " m on the wrong side); expected inner on the "
                            + innerWord + " and outer on the " + outerWord + " on a " + measured.json() + " track";
                }
            }
            if (problem != null && count++ < MAX_LISTED) {
                listed.add("row " + orig[i] + ": " + problem);
            }
        }
        if (swapped == n) {
            errors.add("rows 0 to " + (n - 1) + ": negative width: every row has the inner and outer border points "
                    + "swapped (inner on the " + outerWord + " of the centre line); expected inner on the " + innerWord
                    + " on a " + measured.json() + " track: exchange the inner and outer columns");
            return;
        }
        errors.addAll(listed);
        if (count > MAX_LISTED) {
            errors.add("and " + (count - MAX_LISTED) + " more rows with zero or negative width");
        }
    }

    /** Inner segment i..i+1 against every outer segment: O(n²) with a bounding-box test, plenty for ~300 rows. */
    private static void checkCrossings(double[][] r, int[] orig, List<String> errors) {
        int n = r.length - 1;
        int count = 0;
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double ax = r[i][2], ay = r[i][3], bx = r[i + 1][2], by = r[i + 1][3];
            double minX = Math.min(ax, bx), maxX = Math.max(ax, bx), minY = Math.min(ay, by), maxY = Math.max(ay, by);
            for (int j = 0; j < n; j++) {
                double cx = r[j][4], cy = r[j][5], dx = r[j + 1][4], dy = r[j + 1][5];
                if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX || Math.max(cy, dy) < minY
                        || Math.min(cy, dy) > maxY) {
                    continue;
                }
                double[] hit = intersection(ax, ay, bx, by, cx, cy, dx, dy);
                if (hit != null && count++ < MAX_LISTED) {
                    listed.add("the inner border between rows " + orig[i] + " and " + orig[i + 1]
                            + " crosses the outer border between rows " + orig[j] + " and " + orig[j + 1] + " at ("
                            + fmt(hit[0], 3) + ", " + fmt(hit[1], 3) + "); expected the borders never to meet");
                }
            }
        }
        errors.addAll(listed);
        if (count > MAX_LISTED) {
            errors.add("and " + (count - MAX_LISTED) + " more crossings of the inner and outer borders");
        }
    }

    /** Intersection point of segments AB and CD (touching counts), or null. */
    static double[] intersection(double ax, double ay, double bx, double by,
                                 double cx, double cy, double dx, double dy) {
        double d1 = cross(cx, cy, dx, dy, ax, ay);
        double d2 = cross(cx, cy, dx, dy, bx, by);
        double d3 = cross(ax, ay, bx, by, cx, cy);
        double d4 = cross(ax, ay, bx, by, dx, dy);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            double t = d1 / (d1 - d2);
            return new double[] {ax + t * (bx - ax), ay + t * (by - ay)};
        }
        if (d1 == 0 && onSegment(cx, cy, dx, dy, ax, ay)) {
            return new double[] {ax, ay};
        }
        if (d2 == 0 && onSegment(cx, cy, dx, dy, bx, by)) {
            return new double[] {bx, by};
        }
        if (d3 == 0 && onSegment(ax, ay, bx, by, cx, cy)) {
            return new double[] {cx, cy};
        }
        if (d4 == 0 && onSegment(ax, ay, bx, by, dx, dy)) {
            return new double[] {dx, dy};
        }
        return null;
    }

    private static double cross(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    private static boolean onSegment(double ax, double ay, double bx, double by, double px, double py) {
        return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
    }

    private static String more(int count) {
        return count > MAX_LISTED ? " and " + (count - MAX_LISTED) + " more" : "";
    }

    private static String row(double[] r) {
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < r.length; j++) {
            sb.append(j == 0 ? "" : ", ").append(fmt(r[j], 4));
        }
        return sb.append(']').toString();
    }

    static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
