package dev.racer.track;

import java.util.Arrays;
import java.util.Objects;

/**
 * A track as DeepRacer describes it: rows of {@code [center_x, center_y, inner_x, inner_y, outer_x, outer_y]}
 * in metres. A loop repeats its first row as its last, exactly as DeepRacer's {@code .npy} route files do,
 * so that {@code waypoints} and {@code closest_waypoints} in the reward params index the same list a
 * DeepRacer reward function sees.
 *
 * <p>Instances are immutable: the row array is copied in and never handed out. Validation lives in
 * {@link TrackValidator}; this record only holds data.
 *
 * @param id          stable identifier, e.g. {@code reinvent_base}
 * @param name        human name, e.g. {@code re:Invent 2018}
 * @param direction   direction of the centre line when driven forwards
 * @param attribution where the data comes from and its licence
 * @param rows        waypoint rows [m], {@code rows[i].length == 6}
 */
public record Track(String id, String name, Direction direction, String attribution, double[][] rows) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        attribution = attribution == null ? "" : attribution;
        rows = deepCopy(rows);
    }

    /** Number of rows, the repeated closing row included. */
    public int size() {
        return rows.length;
    }

    /** Copy of row {@code i}: {@code [cx, cy, ix, iy, ox, oy]} [m]. */
    public double[] row(int i) {
        return rows[i].clone();
    }

    public double centerX(int i) { return rows[i][0]; }
    public double centerY(int i) { return rows[i][1]; }
    public double innerX(int i) { return rows[i][2]; }
    public double innerY(int i) { return rows[i][3]; }
    public double outerX(int i) { return rows[i][4]; }
    public double outerY(int i) { return rows[i][5]; }

    /** A copy of all rows. */
    @Override
    public double[][] rows() {
        return deepCopy(rows);
    }

    /** Whether the last row repeats the first (a closed loop). */
    public boolean isLoop() {
        return rows.length > 1 && Arrays.equals(rows[0], rows[rows.length - 1]);
    }

    /** Centre-line length [m]. */
    public double length() {
        double len = 0;
        for (int i = 1; i < rows.length; i++) {
            len += Math.hypot(rows[i][0] - rows[i - 1][0], rows[i][1] - rows[i - 1][1]);
        }
        return len;
    }

    /** Mean distance between the inner and outer border points of each row [m]. */
    public double meanWidth() {
        int n = isLoop() ? rows.length - 1 : rows.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.hypot(rows[i][4] - rows[i][2], rows[i][5] - rows[i][3]);
        }
        return sum / n;
    }

    private static double[][] deepCopy(double[][] src) {
        Objects.requireNonNull(src, "rows");
        double[][] out = new double[src.length][];
        for (int i = 0; i < src.length; i++) {
            out[i] = src[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Track t && id.equals(t.id) && name.equals(t.name) && direction == t.direction
                && attribution.equals(t.attribution) && Arrays.deepEquals(rows, t.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, direction, attribution, Arrays.deepHashCode(rows));
    }

    @Override
    public String toString() {
        return "Track[" + id + ", " + name + ", " + rows.length + " rows, " + direction.json() + "]";
    }
}
