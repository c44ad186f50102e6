package dev.racer.trainer.conv;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gemm#mulAdd}'s register-blocked micro-kernel on the Vector API ({@code jdk.incubator.vector}): a tile
 * of 4 rows × 2 vectors of {@code y} (4 × 32 floats with AVX-512) is held in registers over a block of
 * {@value #KC} values of {@code k}; each step loads two vectors of {@code b[k]}, broadcasts {@code a[i][k]} of
 * the four rows and makes eight fused multiply-adds. The scalar kernel loads and stores {@code y} on every
 * {@code k} and is bound by the first-level cache; this one touches {@code y} once per block.
 *
 * <p>Each element is accumulated exactly as by the scalar kernel: {@code y = fma(a[i][k], b[k][j], y)} for
 * {@code k} ascending, the rows in the same groups of four (no zero test there: four multipliers are rarely
 * zero together, and the unpredictable branch cost the update ~25 %); rows past the last group of four run
 * {@link Gemm#rowMulAdd}, which skips a zero multiplier. Results are therefore the
 * same, bit for bit, with or without the Vector API, and do not depend on threading. Columns past the last whole
 * vector run masked.
 *
 * <p>Loaded only when {@code jdk.incubator.vector} is in the boot layer ({@link Gemm#VECTOR}).
 */
final class VectorGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Values of {@code k} per register pass: four rows of {@code a} over it stay in the L1 cache. */
    static final int KC = 256;
    /**
     * The most floats of a {@code b} block ({@link #KC} rows by the columns) swept once per four rows of
     * {@code a} (from the L2 cache); a wider block is taken in strips of two vectors, each strip swept for all
     * rows before the next, so it is read from memory once.
     */
    static final long PANEL = 128 * 1024;

    private VectorGemm() {
    }

    /** Starts {@link #warmUp} on a daemon thread, which calls {@code ready} when it is done. */
    static void startWarmUp(Runnable ready) {
        Thread t = new Thread(() -> {
            warmUp();
            ready.run();
        }, "racer-gemm-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Runs every path of {@link #mulAdd} on small products until C2 has compiled them (~10⁴ calls a tile): the
     * Vector API runs interpreted or under C1 at a small fraction of its compiled speed.
     */
    private static void warmUp() {
        float[][] a = new float[8][KC + 8], b = new float[KC + 8][2 * L + 3];
        float[][] y = new float[8][2 * L + 3];
        int w = (int) (PANEL / KC) + 1; // past the panel: strips
        float[][] wide = new float[KC][w], yWide = new float[4][w];
        for (float[] r : a) {
            java.util.Arrays.fill(r, 1e-3f);
        }
        for (int n = 0; n < 4000; n++) {
            mulAdd(a, 8, b, 0, 24, y, 0, 2 * L + 3);
            if (n % 20 == 0) {
                mulAdd(a, 4, b, 0, KC + 8, y, 0, 2 * L + 3);
            }
            if (n % 100 == 0) {
                mulAdd(a, 4, wide, 0, KC, yWide, 0, w);
            }
        }
    }

    /** Floats per vector of the preferred species (16 with AVX-512, 8 with AVX2). */
    static int lanes() {
        return L;
    }

    /** As {@link Gemm#mulAdd}. */
    static void mulAdd(float[][] a, int m, float[][] b, int k0, int k1, float[][] y, int j0, int j1) {
        int m4 = m & ~3;
        for (int kc = k0; kc < k1; kc += KC) {
            int ke = Math.min(k1, kc + KC);
            if (m4 > 0) {
                if ((long) (ke - kc) * (j1 - j0) <= PANEL) {
                    for (int i = 0; i < m4; i += 4) {
                        rows4(a, i, b, kc, ke, y, j0, j1);
                    }
                } else {
                    for (int j = j0; j < j1; j += 2 * L) {
                        int je = Math.min(j1, j + 2 * L);
                        for (int i = 0; i < m4; i += 4) {
                            rows4(a, i, b, kc, ke, y, j, je);
                        }
                    }
                }
            }
            // a lone row makes one multiply-add per column and k: the scalar loop, which C2 vectorises, is as fast
            for (int i = m4; i < m; i++) {
                Gemm.rowMulAdd(a[i], b, kc, ke, y[i], j0, j1);
            }
        }
    }

    /** Rows {@code i .. i + 3}, columns {@code [j0, j1)}: whole tiles of two vectors, then masked single vectors. */
    private static void rows4(float[][] a, int i, float[][] b, int k0, int k1, float[][] y, int j0, int j1) {
        float[] a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3];
        float[] y0 = y[i], y1 = y[i + 1], y2 = y[i + 2], y3 = y[i + 3];
        int j = j0;
        for (; j + 2 * L <= j1; j += 2 * L) {
            tile4x2(a0, a1, a2, a3, b, k0, k1, y0, y1, y2, y3, j);
        }
        for (; j < j1; j += L) {
            tile4x1(a0, a1, a2, a3, b, k0, k1, y0, y1, y2, y3, j, S.indexInRange(j, j1));
        }
    }

    private static void tile4x2(float[] a0, float[] a1, float[] a2, float[] a3, float[][] b, int k0, int k1,
                                float[] y0, float[] y1, float[] y2, float[] y3, int j) {
        int j2 = j + L;
        FloatVector c00 = FloatVector.fromArray(S, y0, j), c01 = FloatVector.fromArray(S, y0, j2);
        FloatVector c10 = FloatVector.fromArray(S, y1, j), c11 = FloatVector.fromArray(S, y1, j2);
        FloatVector c20 = FloatVector.fromArray(S, y2, j), c21 = FloatVector.fromArray(S, y2, j2);
        FloatVector c30 = FloatVector.fromArray(S, y3, j), c31 = FloatVector.fromArray(S, y3, j2);
        for (int k = k0; k < k1; k++) {
            float x0 = a0[k], x1 = a1[k], x2 = a2[k], x3 = a3[k];
            float[] br = b[k];
            FloatVector v0 = FloatVector.fromArray(S, br, j), v1 = FloatVector.fromArray(S, br, j2);
            FloatVector s = FloatVector.broadcast(S, x0);
            c00 = v0.fma(s, c00);
            c01 = v1.fma(s, c01);
            s = FloatVector.broadcast(S, x1);
            c10 = v0.fma(s, c10);
            c11 = v1.fma(s, c11);
            s = FloatVector.broadcast(S, x2);
            c20 = v0.fma(s, c20);
            c21 = v1.fma(s, c21);
            s = FloatVector.broadcast(S, x3);
            c30 = v0.fma(s, c30);
            c31 = v1.fma(s, c31);
        }
        c00.intoArray(y0, j);
        c01.intoArray(y0, j2);
        c10.intoArray(y1, j);
        c11.intoArray(y1, j2);
        c20.intoArray(y2, j);
        c21.intoArray(y2, j2);
        c30.intoArray(y3, j);
        c31.intoArray(y3, j2);
    }

    private static void tile4x1(float[] a0, float[] a1, float[] a2, float[] a3, float[][] b, int k0, int k1,
                                float[] y0, float[] y1, float[] y2, float[] y3, int j, VectorMask<Float> mask) {
        FloatVector c0 = FloatVector.fromArray(S, y0, j, mask), c1 = FloatVector.fromArray(S, y1, j, mask);
        FloatVector c2 = FloatVector.fromArray(S, y2, j, mask), c3 = FloatVector.fromArray(S, y3, j, mask);
        for (int k = k0; k < k1; k++) {
            float x0 = a0[k], x1 = a1[k], x2 = a2[k], x3 = a3[k];
            FloatVector v = FloatVector.fromArray(S, b[k], j, mask);
            c0 = v.fma(FloatVector.broadcast(S, x0), c0);
            c1 = v.fma(FloatVector.broadcast(S, x1), c1);
            c2 = v.fma(FloatVector.broadcast(S, x2), c2);
            c3 = v.fma(FloatVector.broadcast(S, x3), c3);
        }
        c0.intoArray(y0, j, mask);
        c1.intoArray(y1, j, mask);
        c2.intoArray(y2, j, mask);
        c3.intoArray(y3, j, mask);
    }
}
