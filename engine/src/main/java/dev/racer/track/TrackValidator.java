package dev.racer.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Checks a track read from a file and returns it with the waypoint numbering in use. Every error names the source
 * (file or built-in id), the row and what is wrong or expected; rows are numbered as in the file, from 0.
 *
 * <p>Errors ({@link TrackException}):
 * <ul>
 *   <li>a value that is NaN or infinite (row and column name);</li>
 *   <li>an open route (the last row does not repeat the first): DeepRacer's simulator drives such a file from
 *       start to finish, Racer races closed loops only;</li>
 *   <li>fewer than {@value #MIN_WAYPOINTS} waypoints once duplicates are dropped;</li>
 *   <li>the road is not a road: zero width at a row (border points closer than {@value #MIN_WIDTH_M} m), the
 *       inner and outer borders swapped on the whole loop, a border that crosses the other or itself, or a centre
 *       line that leaves the road (a centre point outside the polygon between the borders, or a centre segment
 *       crossing a border). This checks the road as DeepRacer's simulator uses it (the polygon between the
 *       borders), not each row's lateral order: border points need not be sampled level with the centre points
 *       (Tokyo_Training_track's S-bends are not);</li>
 *   <li>a declared direction that disagrees with the centre line's signed (shoelace) area: an error, not a
 *       warning, because the direction decides which border is the inner one, which side is left of centre and
 *       how progress runs; a wrong word in a file would silently corrupt all three.</li>
 * </ul>
 * Consecutive duplicate centre points are not an error: the track drops them as DeepRacer's simulator from 6.0.2
 * on does ({@link WaypointNumbering#SIMAPP}); {@link Result#droppedRows()} names them and
 * {@link Result#track(WaypointNumbering)} gives the legacy numbering that keeps them.
 */
public final class TrackValidator {
    /** Fewest waypoints (closing row and dropped duplicates not counted) a track may have. */
    public static final int MIN_WAYPOINTS = 10;
    /** Narrowest road accepted at a row [m]. */
    public static final double MIN_WIDTH_M = 0.001;
    /** Most problems of one kind listed in a message before "and N more". */
    static final int MAX_LISTED = 5;

    static final String[] COLUMNS = {"center_x", "center_y", "inner_x", "inner_y", "outer_x", "outer_y"};

    private TrackValidator() {
    }

    /**
     * A validated track in both numberings.
     *
     * @param track       the track as DeepRacer's simulator from 6.0.2 on numbers it (duplicates dropped)
     * @param legacy      every row of the file (the numbering before 6.0.2); the same object as {@code track}
     *                    when nothing was dropped
     * @param droppedRows file rows dropped from {@code track}, ascending
     * @param warnings    one sentence each, naming the source and rows; empty when there is nothing to say
     */
    public record Result(Track track, Track legacy, List<Integer> droppedRows, List<String> warnings) {
        public Result {
            droppedRows = List.copyOf(droppedRows);
            warnings = List.copyOf(warnings);
        }

        /** The track in the given numbering. */
        public Track track(WaypointNumbering numbering) {
            return numbering == WaypointNumbering.LEGACY ? legacy : track;
        }

        /** One sentence on the dropped rows, e.g. "1 row dropped (row 39 repeats row 38)", or "" when none. */
        public String droppedSummary() {
            if (droppedRows.isEmpty()) {
                return "";
            }
            List<String> listed = new ArrayList<>();
            for (int k = 0; k < Math.min(MAX_LISTED, droppedRows.size()); k++) {
                int r = droppedRows.get(k);
                listed.add("row " + r + " repeats row " + (r - 1));
            }
            int n = droppedRows.size();
            return n + " duplicate row" + (n == 1 ? "" : "s") + " dropped (" + String.join(", ", listed) + more(n)
                    + ")";
        }
    }

    /** Validates a track whose declared direction must match its centre line. */
    public static Result validate(Track track, String source) {
        return validate(track.id(), track.name(), track.direction(), track.attribution(), track.rows(), source);
    }

    /**
     * Validates raw rows and builds the track in both numberings.
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
        int[] kept = WaypointNumbering.keptRows(rows);
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
        RoadCheck.check(clean, kept, measured, errors);
        if (!errors.isEmpty()) {
            throw new TrackException(errors.size() == 1 ? source + ": " + errors.get(0)
                    : source + ": " + errors.size() + " problems:\n  " + String.join("\n  ", errors));
        }
        Direction d = direction == null ? measured : direction;
        Track legacy = new Track(id, name, d, attribution, rows);
        Track current = kept.length == rows.length ? legacy : new Track(id, name, d, attribution, clean);
        List<Integer> dropped = new ArrayList<>();
        for (int i = 0, k = 0; i < rows.length; i++) {
            if (k < kept.length && kept[k] == i) {
                k++;
            } else {
                dropped.add(i);
            }
        }
        return new Result(current, legacy, dropped, List.of());
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
            throw new TrackException(source + ": open routes are not supported: the last row (row " + last + ") "
                    + row(rows[last]) + " does not repeat the first row " + row(rows[0])
                    + (rows.length > 1 && row(rows[0]).equals(row(rows[last])) ? " (they differ after the 4th decimal)"
                            : "")
                    + ", so DeepRacer's simulator would drive this route from start to finish; Racer races closed"
                    + " loops only (a loop's last row repeats its first exactly)");
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

    static String more(int count) {
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
