package dev.racer.trainer.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link VectorGemm} against {@link Gemm}'s scalar kernel (bit for bit) and against a plain triple loop. */
class GemmTest {
    private static float[][] random(SplittableRandom rnd, int rows, int cols, double zeros) {
        float[][] x = new float[rows][cols];
        for (float[] r : x) {
            for (int j = 0; j < cols; j++) {
                r[j] = rnd.nextDouble() < zeros ? 0f : (float) rnd.nextGaussian();
            }
        }
        return x;
    }

    private static float[][] copy(float[][] x) {
        float[][] c = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    @Test
    void theTestJvmRunsTheVectorKernel() throws InterruptedException {
        // surefire's argLine adds jdk.incubator.vector, as the racer launcher does for the commands that need it
        assertTrue(Gemm.VECTOR, "jdk.incubator.vector in the boot layer and vectors of >= 8 floats expected");
        Gemm.preferVector();
        assertTrue(Gemm.kernel().startsWith("vector "), Gemm.kernel());
        for (int i = 0; i < 6000 && !Gemm.vectorReady(); i++) {
            Thread.sleep(10); // the warm-up thread: about a second
        }
        assertTrue(Gemm.vectorReady(), "warm-up over");
    }

    @Test
    void vectorKernelEqualsScalarKernelBitForBit() {
        SplittableRandom rnd = new SplittableRandom(7);
        // row counts off groups of four, columns off whole vectors and tiles, k over several register passes,
        // sub-ranges of k and j, and multipliers with zeros as ReLU's (a lone row skips them)
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {4, 64, 1131}, {7, 300, 33}, {64, 576, 176}, {9, 513, 234},
                {2, 40, 512}, {5, 17, 16}, {8, 3, 31}, {12, 600, 48}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            for (double zeros : new double[] {0, 0.6, 1}) {
                float[][] a = random(rnd, m, k, zeros);
                float[][] b = random(rnd, k, n, 0.1);
                float[][] y0 = random(rnd, m, n, 0);
                float[][] y1 = copy(y0);
                int k0 = k > 2 ? 1 : 0, k1 = k, j0 = n > 3 ? 2 : 0, j1 = n > 5 ? n - 1 : n;
                Gemm.scalarMulAdd(a, m, b, k0, k1, y0, j0, j1);
                VectorGemm.mulAdd(a, m, b, k0, k1, y1, j0, j1);
                for (int i = 0; i < m; i++) {
                    assertArrayEquals(y0[i], y1[i], 0f, "m " + m + " k " + k + " n " + n + " zeros " + zeros
                            + " row " + i);
                    for (int j = 0; j < n; j++) {
                        assertEquals(Float.floatToRawIntBits(y0[i][j]), Float.floatToRawIntBits(y1[i][j]));
                    }
                }
            }
        }
    }

    @Test
    void mulAddBlockedIsTheMatrixProduct() {
        SplittableRandom rnd = new SplittableRandom(11);
        int m = 6, k = 700, n = 45;
        float[][] a = random(rnd, m, k, 0.3), b = random(rnd, k, n, 0);
        float[][] y = new float[m][n];
        Gemm.mulAddBlocked(a, m, b, k, y, n, 256, 32);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < k; q++) {
                    s += (double) a[i][q] * b[q][j];
                }
                assertEquals(s, y[i][j], 1e-3, "y[" + i + "][" + j + "]");
            }
        }
    }
}
