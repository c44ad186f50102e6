package dev.racer.trainer.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A row's outputs from {@link ConvNet.Inference#forward} do not depend on the other rows of its batch, bit for
 * bit, with the scalar kernel and the vector one: what makes lock-step rollouts (one forward for many
 * episodes) give the same episodes as one forward per episode.
 */
class InferenceBatchTest {
    private static final int N = 11; // two groups of four rows and three lone rows

    private static ConvNet randomNet(String preset, int channels, int actions, long seed) {
        ConvNet net = new ConvNet(preset, channels, actions);
        SplittableRandom rnd = new SplittableRandom(seed);
        net.read(name -> {
            int size = switch (name) {
                case "fc_w" -> net.flat * net.features;
                case "fc_b" -> net.features;
                case "pi_w0" -> net.features * actions;
                case "pi_b0" -> actions;
                case "v_w0" -> net.features;
                case "v_b0" -> 1;
                default -> {
                    int l = Integer.parseInt(name.substring(6));
                    yield name.startsWith("conv_w") ? net.geo[l].kk() * net.geo[l].cout() : net.geo[l].cout();
                }
            };
            float[] v = new float[size];
            double scale = name.contains("_b") ? 0.05 : name.equals("fc_w") ? 0.02 : 0.1;
            for (int i = 0; i < size; i++) {
                v[i] = (float) (rnd.nextGaussian() * scale); // biases of both signs: ReLU zeros in every layer
            }
            return v;
        });
        return net;
    }

    private static void rowsIndependent(ConvNet net, long seed) {
        int d = net.obsDim(), a = net.actDim();
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] obs = new float[N * d];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = rnd.nextInt(256) / 255f;
        }
        ConvNet.Inference batch = net.new Inference(N);
        float[] out = new float[N * a], value = new float[N];
        batch.forward(obs, N, out, value);
        assertTrue(Arrays.stream(toDoubles(out)).anyMatch(x -> x != 0), "non-trivial outputs");
        ConvNet.Inference one = net.new Inference(1);
        float[] o1 = new float[a], v1 = new float[1];
        for (int i = 0; i < N; i++) {
            one.forward(Arrays.copyOfRange(obs, i * d, (i + 1) * d), 1, o1, v1);
            assertArrayEquals(Arrays.copyOfRange(out, i * a, (i + 1) * a), o1, "row " + i + " alone: logits");
            assertArrayEquals(new float[] {value[i]}, v1, "row " + i + " alone: value");
        }
        // the same rows in another order and grouping (rows 5.. first: other groups of four, other lone rows)
        int m = N - 5;
        float[] out2 = new float[N * a], value2 = new float[N];
        batch.forward(Arrays.copyOfRange(obs, 5 * d, N * d), m, out2, value2);
        assertArrayEquals(Arrays.copyOfRange(out, 5 * a, N * a), Arrays.copyOf(out2, m * a), "rows 5.. as a batch");
        assertArrayEquals(Arrays.copyOfRange(value, 5, N), Arrays.copyOf(value2, m), "rows 5.. values");
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void aRowsResultsDoNotDependOnTheBatch() throws InterruptedException {
        ConvNet shallow = randomNet("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 5, 3);
        ConvNet stereo = randomNet("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 2, 3, 4);
        rowsIndependent(shallow, 1); // the kernel in use now (scalar unless an update ran in this JVM)
        rowsIndependent(stereo, 2);
        if (Gemm.VECTOR) {
            Gemm.preferVector();
            for (int i = 0; i < 6000 && !Gemm.vectorReady(); i++) {
                Thread.sleep(10); // the warm-up thread: about a second
            }
            assertTrue(Gemm.vectorReady(), "vector kernel warmed up");
            rowsIndependent(shallow, 5);
            rowsIndependent(stereo, 6);
        }
    }
}
