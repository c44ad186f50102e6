package dev.racer.track;

/**
 * How a route file's rows become the {@code waypoints} a reward function sees, and so what
 * {@code closest_waypoints} numbers.
 */
public enum WaypointNumbering {
    /**
     * DeepRacer's simulator from 6.0.2 on (what DeepRacer-for-Cloud runs): {@code TrackData._sanitize_waypoints}
     * drops each row whose centre point is within 1e-9 m of the row before it in the file, and always keeps the
     * closing row of a loop. The default.
     */
    SIMAPP,
    /** Every row of the file, duplicates included, as DeepRacer's simulator numbered them before 6.0.2. */
    LEGACY;

    /** {@link #LEGACY} when {@code legacy}, else {@link #SIMAPP}. */
    public static WaypointNumbering of(boolean legacy) {
        return legacy ? LEGACY : SIMAPP;
    }

    /** Distance [m] at or below which a centre point repeats the one before it (the simulator's {@code eps}). */
    public static final double DUPLICATE_EPS = 1e-9;

    /**
     * The rows the simulator keeps, as indices into {@code rows} (a loop: the last row repeats the first): row
     * {@code i} (0 &lt; i &lt; last) is dropped when its centre point is within {@link #DUPLICATE_EPS} of row
     * {@code i - 1} of the file (the file's neighbour, not the last kept row, as NumPy's {@code diff} compares);
     * row 0 and the closing row are always kept.
     */
    public static int[] keptRows(double[][] rows) {
        int n = rows.length;
        int[] kept = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && i < n - 1) {
                double dx = rows[i][0] - rows[i - 1][0];
                double dy = rows[i][1] - rows[i - 1][1];
                if (!(Math.sqrt(dx * dx + dy * dy) > DUPLICATE_EPS)) {
                    continue;
                }
            }
            kept[k++] = i;
        }
        return java.util.Arrays.copyOf(kept, k);
    }
}
