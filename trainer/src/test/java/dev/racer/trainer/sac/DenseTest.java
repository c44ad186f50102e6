package dev.racer.trainer.sac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.trainer.Mlp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Dense's back-propagation against central finite differences, in double-checked float. */
class DenseTest {

    /** L = Σ_i Σ_k c_ik · out_ik for fixed random c: dL/dout = c. */
    private static double loss(Dense d, float[] x, int b, float[] c) {
        float[] out = d.forward(x, b);
        double s = 0;
        for (int i = 0; i < b * d.outputs(); i++) {
            s += c[i] * out[i];
        }
        return s;
    }

    @Test
    void weightAndInputGradientsMatchFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(3);
        Mlp m = Dense.init(new int[] {4, 7, 5, 3}, 1.0, r);
        Dense d = new Dense(m);
        int b = 6;
        float[] x = new float[b * 4], c = new float[b * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) r.nextGaussian();
        }
        d.forward(x, b);
        d.zeroGrad();
        float[] gx = d.backward(c, b, true).clone();
        double h = 1e-2;
        int checked = 0;
        for (int l = 0; l < m.layers(); l++) {
            float[] w = m.weights(l), g = d.weightGradient(l);
            for (int k = 0; k < w.length; k += 3) {
                float keep = w[k];
                w[k] = (float) (keep + h);
                double up = loss(d, x, b, c);
                w[k] = (float) (keep - h);
                double down = loss(d, x, b, c);
                w[k] = keep;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, g[k], 2e-3 + 2e-3 * Math.abs(fd), "layer " + l + " weight " + k);
                checked++;
            }
            float[] bias = m.biases(l), gb = d.biasGradient(l);
            for (int k = 0; k < bias.length; k++) {
                float keep = bias[k];
                bias[k] = (float) (keep + h);
                double up = loss(d, x, b, c);
                bias[k] = (float) (keep - h);
                double down = loss(d, x, b, c);
                bias[k] = keep;
                assertEquals((up - down) / (2 * h), gb[k], 2e-3 + 2e-3 * Math.abs(gb[k]), "layer " + l + " bias " + k);
            }
        }
        for (int k = 0; k < x.length; k++) {
            float keep = x[k];
            x[k] = (float) (keep + h);
            double up = loss(d, x, b, c);
            x[k] = (float) (keep - h);
            double down = loss(d, x, b, c);
            x[k] = keep;
            assertEquals((up - down) / (2 * h), gx[k], 2e-3 + 2e-3 * Math.abs(gx[k]), "input " + k);
        }
        assertTrue(checked > 20);
    }

    @Test
    void backwardWithoutAccumulateLeavesWeightGradientsAlone() {
        SplittableRandom r = new SplittableRandom(5);
        Dense d = new Dense(Dense.init(new int[] {3, 4, 1}, 1.0, r));
        d.zeroGrad();
        d.forward(new float[] {0.1f, -0.2f, 0.3f}, 1);
        d.backward(new float[] {1f}, 1, false);
        for (float g : d.weightGradient(0)) {
            assertEquals(0f, g);
        }
    }

    @Test
    void adamMovesAgainstTheGradientAndPolyakAverages() {
        SplittableRandom r = new SplittableRandom(7);
        Mlp m = Dense.init(new int[] {2, 3, 1}, 1.0, r);
        Mlp target = Dense.clone(m);
        Dense d = new Dense(m);
        float[] x = {0.5f, -0.5f};
        double before = d.forward(x, 1)[0];
        for (int i = 0; i < 20; i++) {
            d.forward(x, 1);
            d.zeroGrad();
            d.backward(new float[] {1f}, 1, true); // minimise the output
            d.adam(1e-2);
        }
        assertTrue(d.forward(x, 1)[0] < before - 0.05, "output did not fall");
        float w0 = target.weights(0)[0], s0 = m.weights(0)[0];
        Dense.polyak(m, target, 0.25);
        assertEquals(0.25f * s0 + 0.75f * w0, target.weights(0)[0], 1e-6);
    }
}
