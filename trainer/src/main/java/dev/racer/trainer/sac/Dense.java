package dev.racer.trainer.sac;

import dev.racer.trainer.Mlp;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A trainable multi-layer perceptron for SAC: batched forward pass that keeps its activations, back-propagation
 * of a loss gradient given at the outputs (into the weight gradients and, for the critics, back to the inputs),
 * and Adam (ND4J's form, ε 1e-5, as clipped PPO's update). The weights are those of an {@link Mlp} (tanh hidden
 * layers, linear output, {@code [in, out]} row-major), trained in place, so rollouts and the greedy driver run
 * {@link Mlp#forward} on them. Scratch buffers grow to the largest batch seen and are then reused.
 */
final class Dense {
    private static final double B1 = 0.9, B2 = 0.999, EPS = 1e-5;

    final Mlp net;
    private final int[] sizes;
    private final int layers;
    private final float[][] gw, gb, mw, vw, mb, vb;
    private float[][] acts = new float[0][], deltas = new float[0][];
    private int cap;
    private long t;

    Dense(Mlp net) {
        this.net = net;
        this.sizes = net.sizes();
        this.layers = net.layers();
        gw = new float[layers][];
        gb = new float[layers][];
        mw = new float[layers][];
        vw = new float[layers][];
        mb = new float[layers][];
        vb = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int n = sizes[l] * sizes[l + 1];
            gw[l] = new float[n];
            mw[l] = new float[n];
            vw[l] = new float[n];
            gb[l] = new float[sizes[l + 1]];
            mb[l] = new float[sizes[l + 1]];
            vb[l] = new float[sizes[l + 1]];
        }
    }

    /** A new MLP with weights drawn from {@code rnd}: normal, gain/sqrt(fan-in) (√2 hidden, {@code headGain} last). */
    static Mlp init(int[] sizes, double headGain, SplittableRandom rnd) {
        Mlp m = new Mlp(sizes);
        for (int l = 0; l < m.layers(); l++) {
            double gain = l < m.layers() - 1 ? Math.sqrt(2) : headGain;
            double std = gain / Math.sqrt(sizes[l]);
            float[] w = m.weights(l);
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (rnd.nextGaussian() * std);
            }
        }
        return m;
    }

    int inputs() {
        return sizes[0];
    }

    int outputs() {
        return sizes[layers];
    }

    private void ensure(int b) {
        if (b <= cap) {
            return;
        }
        cap = b;
        acts = new float[sizes.length][];
        deltas = new float[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            acts[l] = new float[b * sizes[l]];
            deltas[l] = new float[b * sizes[l]];
        }
    }

    /**
     * The outputs for {@code b} inputs ({@code x}: {@code [b, inputs]} row-major); returns the internal output
     * buffer {@code [b, outputs]}, valid until the next forward pass, whose activations {@link #backward} uses.
     */
    float[] forward(float[] x, int b) {
        ensure(b);
        System.arraycopy(x, 0, acts[0], 0, b * sizes[0]);
        for (int l = 0; l < layers; l++) {
            int nIn = sizes[l], nOut = sizes[l + 1];
            float[] in = acts[l], out = acts[l + 1], w = net.weights(l), bias = net.biases(l);
            boolean hidden = l < layers - 1;
            for (int i = 0; i < b; i++) {
                int o = i * nOut;
                System.arraycopy(bias, 0, out, o, nOut);
                for (int j = 0; j < nIn; j++) {
                    float xj = in[i * nIn + j];
                    int row = j * nOut;
                    for (int k = 0; k < nOut; k++) {
                        out[o + k] = Math.fma(xj, w[row + k], out[o + k]);
                    }
                }
                if (hidden) {
                    for (int k = 0; k < nOut; k++) {
                        out[o + k] = Mlp.tanh(out[o + k]);
                    }
                }
            }
        }
        return acts[layers];
    }

    /** Sets the weight gradients to zero. */
    void zeroGrad() {
        for (int l = 0; l < layers; l++) {
            Arrays.fill(gw[l], 0f);
            Arrays.fill(gb[l], 0f);
        }
    }

    /**
     * Back-propagates {@code dOut} ({@code [b, outputs]}: the loss gradient at the outputs of the last
     * {@link #forward}); adds to the weight gradients if {@code accumulate}; returns the gradient at the inputs
     * ({@code [b, inputs]}, an internal buffer valid until the next call).
     */
    float[] backward(float[] dOut, int b, boolean accumulate) {
        System.arraycopy(dOut, 0, deltas[layers], 0, b * sizes[layers]);
        for (int l = layers - 1; l >= 0; l--) {
            int nIn = sizes[l], nOut = sizes[l + 1];
            float[] in = acts[l], d = deltas[l + 1], prev = deltas[l], w = net.weights(l);
            float[] g = gw[l], gbl = gb[l];
            Arrays.fill(prev, 0, b * nIn, 0f);
            boolean hiddenInput = l > 0;
            for (int i = 0; i < b; i++) {
                int o = i * nOut;
                if (accumulate) { // separate axpy loops: C2 vectorises them
                    for (int k = 0; k < nOut; k++) {
                        gbl[k] += d[o + k];
                    }
                    for (int j = 0; j < nIn; j++) {
                        float xj = in[i * nIn + j];
                        int row = j * nOut;
                        for (int k = 0; k < nOut; k++) {
                            g[row + k] = Math.fma(xj, d[o + k], g[row + k]);
                        }
                    }
                }
                for (int j = 0; j < nIn; j++) {
                    float xj = in[i * nIn + j];
                    int row = j * nOut;
                    float s = 0;
                    for (int k = 0; k < nOut; k++) {
                        s = Math.fma(w[row + k], d[o + k], s);
                    }
                    // through tanh for hidden activations: d/dz tanh = 1 - h^2
                    prev[i * nIn + j] = hiddenInput ? s * (1 - xj * xj) : s;
                }
            }
        }
        return deltas[0];
    }

    /** The gradient of layer {@code l}'s weights (tests). */
    float[] weightGradient(int l) {
        return gw[l];
    }

    /** The gradient of layer {@code l}'s biases (tests). */
    float[] biasGradient(int l) {
        return gb[l];
    }

    /** One Adam step at learning rate {@code lr} on the accumulated gradients. */
    void adam(double lr) {
        t++;
        float alpha = (float) (lr * Math.sqrt(1 - Math.pow(B2, t)) / (1 - Math.pow(B1, t)));
        for (int l = 0; l < layers; l++) {
            adam(net.weights(l), gw[l], mw[l], vw[l], alpha);
            adam(net.biases(l), gb[l], mb[l], vb[l], alpha);
        }
    }

    private static void adam(float[] w, float[] g, float[] m, float[] v, float alpha) {
        float b1 = (float) B1, c1 = (float) (1 - B1), b2 = (float) B2, c2 = (float) (1 - B2), eps = (float) EPS;
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + c1 * gi;
            float vi = b2 * v[i] + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] -= alpha * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    /** target ← τ·source + (1 − τ)·target, weight by weight (τ = 1 copies). */
    static void polyak(Mlp source, Mlp target, double tau) {
        float a = (float) tau, c = (float) (1 - tau);
        for (int l = 0; l < source.layers(); l++) {
            float[] s = source.weights(l), d = target.weights(l);
            for (int i = 0; i < s.length; i++) {
                d[i] = a * s[i] + c * d[i];
            }
            float[] sb = source.biases(l), db = target.biases(l);
            for (int i = 0; i < sb.length; i++) {
                db[i] = a * sb[i] + c * db[i];
            }
        }
    }

    /** A copy of {@code m}'s sizes and weights (its own arrays). */
    static Mlp clone(Mlp m) {
        Mlp c = new Mlp(m.sizes());
        polyak(m, c, 1.0);
        return c;
    }
}
