package dev.racer.raceline;

/**
 * The minimum-curvature line as a box-constrained least-squares problem over lateral positions.
 *
 * <p>Each point of the line lies on a cross-section of the road, {@code P_i = A_i + u_i D_i} with {@code A_i}
 * one border, {@code D_i} the vector across to the other and {@code u_i} in {@code [lo_i, hi_i]} (the margins).
 * With points evenly spaced along the centre line, the discrete curvature at {@code i} is proportional to the
 * second difference {@code S_i = P_{i-1} - 2 P_i + P_{i+1}}; the line minimises {@code ½ Σ |S_i|²}, a convex
 * quadratic in {@code u} (the K1999 / TUMFTM minimum-curvature problem). It is solved by projected accelerated
 * gradient descent (FISTA with adaptive restart): O(n) per iteration, deterministic, no matrix to factor.
 */
final class MinCurvature {
    private MinCurvature() {
    }

    /**
     * Solves for {@code u} on a closed loop of {@code n} cross-sections.
     *
     * @param ax  border x [m]; @param ay border y [m]; @param dx cross-section x [m]; @param dy cross-section y [m]
     * @param lo  lower bound of u [-]; @param hi upper bound of u [-]
     * @return u [-], one per cross-section
     */
    static double[] solve(double[] ax, double[] ay, double[] dx, double[] dy, double[] lo, double[] hi,
                          int maxIterations) {
        int n = ax.length;
        double maxD2 = 1e-12;
        for (int i = 0; i < n; i++) {
            maxD2 = Math.max(maxD2, dx[i] * dx[i] + dy[i] * dy[i]);
        }
        double step = 1.0 / (16 * maxD2); // 1 / Lipschitz bound: |second difference|² ≤ 16
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = clamp(0.5, lo[i], hi[i]);
        }
        double[] y = u.clone();
        double[] next = new double[n];
        double[] g = new double[n];
        double[] sx = new double[n], sy = new double[n];
        double t = 1;
        for (int it = 0; it < maxIterations; it++) {
            gradient(y, ax, ay, dx, dy, sx, sy, g);
            double change = 0, restart = 0;
            for (int i = 0; i < n; i++) {
                next[i] = clamp(y[i] - step * g[i], lo[i], hi[i]);
                double d = next[i] - u[i];
                change = Math.max(change, Math.abs(d));
                restart += (y[i] - next[i]) * d;
            }
            double tNext = restart > 0 ? 1 : (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            double beta = restart > 0 ? 0 : (t - 1) / tNext;
            for (int i = 0; i < n; i++) {
                y[i] = next[i] + beta * (next[i] - u[i]);
                u[i] = next[i];
            }
            t = tNext;
            if (change < 1e-10 && it > 10) {
                break;
            }
        }
        return u;
    }

    /** Gradient of ½ Σ |S_i|² with respect to u, into {@code g}. */
    private static void gradient(double[] u, double[] ax, double[] ay, double[] dx, double[] dy,
                                 double[] sx, double[] sy, double[] g) {
        int n = u.length;
        for (int i = 0; i < n; i++) {
            int p = i == 0 ? n - 1 : i - 1, q = i == n - 1 ? 0 : i + 1;
            sx[i] = ax[p] + u[p] * dx[p] - 2 * (ax[i] + u[i] * dx[i]) + ax[q] + u[q] * dx[q];
            sy[i] = ay[p] + u[p] * dy[p] - 2 * (ay[i] + u[i] * dy[i]) + ay[q] + u[q] * dy[q];
        }
        for (int j = 0; j < n; j++) {
            int p = j == 0 ? n - 1 : j - 1, q = j == n - 1 ? 0 : j + 1;
            g[j] = dx[j] * (sx[p] - 2 * sx[j] + sx[q]) + dy[j] * (sy[p] - 2 * sy[j] + sy[q]);
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
