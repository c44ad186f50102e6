package dev.racer.trainer.conv;

/**
 * The one matrix kernel of the plain-Java convolutional network: {@code y[i][j] += Σ_k a[i][k] · b[k][j]} over
 * row ranges. Matrices are rows ({@code float[rows][cols]}) so that the inner loop reads and writes its arrays at
 * the same index, which C2 vectorises; four rows of {@code a} are taken at a time so that each row of {@code b}
 * loaded serves four output rows. A lone row ({@link #rowMulAdd}: one observation's dense layer in rollouts)
 * skips a zero multiplier (ReLU features are about half zeros, so half of {@code fc_w} is never read); four
 * rows are rarely zero together and a data-dependent branch there cost more than it saved.
 * Products are fused multiply-adds ({@code Math.fma}, vectorised by C2: ~8 % faster than multiply then add on
 * this machine). Summation order is fixed (k ascending), so results do not depend on the caller's threading.
 *
 * <p>When the JVM runs with {@code --add-modules jdk.incubator.vector} (the {@code racer} launcher and the tests
 * do) and its preferred vectors hold at least 8 floats, {@link VectorGemm}'s register-blocked micro-kernel does
 * the work instead once {@link #preferVector()} has been called and its warm-up is over, with the same results
 * bit for bit (so the switch never changes a result); {@code -Dracer.gemm=scalar} keeps this kernel.
 */
final class Gemm {
    /** Whether {@link VectorGemm} can run here. */
    static final boolean VECTOR = vectorUsable();
    /** Whether {@link #mulAdd} runs {@link VectorGemm} now: after {@link #preferVector()}'s warm-up. */
    private static volatile boolean vectorReady;
    private static boolean warming;

    private Gemm() {
    }

    private static boolean vectorUsable() {
        if ("scalar".equals(System.getProperty("racer.gemm"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorGemm.lanes() >= 8;
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * Asks for {@link VectorGemm} from now on (the update, and with it the rollouts): a daemon thread warms it up
     * (about a second of one core) while this kernel goes on, then {@link #mulAdd} switches. {@code racer evaluate}
     * does not ask: at batch 1 the warm kernel makes 1.4–2× the scalar one's frames per CPU-second, but a
     * three-lap evaluation lasts about as long as the warm-up, which then takes the second core (measured: 24–39×
     * real time with it against 38–40× without).
     */
    static synchronized void preferVector() {
        if (VECTOR && !warming) {
            warming = true;
            VectorGemm.startWarmUp(() -> vectorReady = true);
        }
    }

    /** Whether {@link #mulAdd} runs the vector kernel now. */
    static boolean vectorReady() {
        return vectorReady;
    }

    /** The kernel asked for, for benchmarks' reports: {@code "vector <bits>-bit"} or {@code "scalar"}. */
    static String kernel() {
        return VECTOR && warming ? "vector " + VectorGemm.lanes() * 32 + "-bit" : "scalar";
    }

    /**
     * {@code y[i][j0..j1) += Σ_{k in [k0, k1)} a[i][k] · b[k][j0..j1)} for {@code i in [0, m)}.
     */
    static void mulAdd(float[][] a, int m, float[][] b, int k0, int k1, float[][] y, int j0, int j1) {
        if (vectorReady) {
            VectorGemm.mulAdd(a, m, b, k0, k1, y, j0, j1);
        } else {
            scalarMulAdd(a, m, b, k0, k1, y, j0, j1);
        }
    }

    /** {@link #mulAdd} without the Vector API (also the reference for {@code GemmTest}). */
    static void scalarMulAdd(float[][] a, int m, float[][] b, int k0, int k1, float[][] y, int j0, int j1) {
        int i = 0;
        for (; i + 3 < m; i += 4) {
            float[] a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3];
            float[] y0 = y[i], y1 = y[i + 1], y2 = y[i + 2], y3 = y[i + 3];
            for (int k = k0; k < k1; k++) {
                float x0 = a0[k], x1 = a1[k], x2 = a2[k], x3 = a3[k];
                float[] br = b[k];
                for (int j = j0; j < j1; j++) {
                    float v = br[j];
                    y0[j] = Math.fma(x0, v, y0[j]);
                    y1[j] = Math.fma(x1, v, y1[j]);
                    y2[j] = Math.fma(x2, v, y2[j]);
                    y3[j] = Math.fma(x3, v, y3[j]);
                }
            }
        }
        for (; i < m; i++) {
            rowMulAdd(a[i], b, k0, k1, y[i], j0, j1);
        }
    }

    /** One row: {@code yr[j0..j1) += Σ_k ar[k] · b[k][j0..j1)}, a zero {@code ar[k]} skipped (C2 vectorises). */
    static void rowMulAdd(float[] ar, float[][] b, int k0, int k1, float[] yr, int j0, int j1) {
        for (int k = k0; k < k1; k++) {
            float x = ar[k];
            if (x == 0) {
                continue;
            }
            float[] br = b[k];
            for (int j = j0; j < j1; j++) {
                yr[j] = Math.fma(x, br[j], yr[j]);
            }
        }
    }

    /** {@link #mulAdd} over all of {@code k} in blocks of {@code kb} and columns in blocks of {@code jb} (cache). */
    static void mulAddBlocked(float[][] a, int m, float[][] b, int k, float[][] y, int n, int kb, int jb) {
        for (int j0 = 0; j0 < n; j0 += jb) {
            int j1 = Math.min(n, j0 + jb);
            for (int k0 = 0; k0 < k; k0 += kb) {
                mulAdd(a, m, b, k0, Math.min(k, k0 + kb), y, j0, j1);
            }
        }
    }

    /** {@code t[j][i] = s[i][j]} for {@code i < rows}, {@code j < cols}. */
    static void transpose(float[][] s, int rows, int cols, float[][] t) {
        for (int i0 = 0; i0 < rows; i0 += 32) {
            int i1 = Math.min(rows, i0 + 32);
            for (int j = 0; j < cols; j++) {
                float[] tr = t[j];
                for (int i = i0; i < i1; i++) {
                    tr[i] = s[i][j];
                }
            }
        }
    }

    static void zero(float[][] x) {
        for (float[] r : x) {
            java.util.Arrays.fill(r, 0f);
        }
    }
}
