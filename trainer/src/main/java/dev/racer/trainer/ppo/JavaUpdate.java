package dev.racer.trainer.ppo;

import dev.racer.trainer.Mlp;
import java.util.SplittableRandom;

/**
 * The clipped PPO update of {@link PolicyNet}'s graph written out by hand in plain Java: the same loss
 * (clipped surrogate, Huber or MSE value loss, entropy bonus), its gradient by back-propagation through the
 * tanh MLPs, and ND4J's Adam (same bias correction and ε placement). An opt-in alternative to SameDiff for
 * small networks, where SameDiff's per-op overhead (tens of µs per op, ~150 ops per minibatch) dominates;
 * {@code JavaUpdateTest} checks it against the graph step for step.
 *
 * <p>It trains the weights of the given {@link Mlp}s (and the Gaussian's {@code log_std}) in place. Adam's
 * moments live here: they are not written to SameDiff checkpoints, so a resumed run starts them afresh.
 */
public final class JavaUpdate {
    private static final double B1 = 0.9, B2 = 0.999, EPS = 1e-5;

    private final Mlp actor, critic;
    private final float[] logStd;
    private final boolean discrete;
    private final PolicyNet.LossConfig loss;
    private final int obsDim, actDim;
    private final float[][] params;   // every trainable array, in a fixed order
    private final float[][] grads, m, v;
    private final Half[] halves = {new Half(), new Half()};
    private final java.util.concurrent.ExecutorService helper;
    private long t;

    public JavaUpdate(Mlp actor, Mlp critic, float[] logStd, boolean discrete, PolicyNet.LossConfig loss) {
        this(actor, critic, logStd, discrete, loss, 1);
    }

    /**
     * @param threads 1, or 2 to compute the two halves of each minibatch's gradient in parallel (the result is
     *                the same either way: the halves are fixed and summed in order)
     */
    public JavaUpdate(Mlp actor, Mlp critic, float[] logStd, boolean discrete, PolicyNet.LossConfig loss,
                      int threads) {
        this.actor = actor;
        this.critic = critic;
        this.logStd = logStd;
        this.discrete = discrete;
        this.loss = loss;
        this.obsDim = actor.inputs();
        this.actDim = actor.outputs();
        int la = actor.layers(), lc = critic.layers();
        params = new float[2 * la + 2 * lc + (discrete ? 0 : 1)][];
        int k = 0;
        for (int l = 0; l < la; l++) {
            params[k++] = actor.weights(l);
            params[k++] = actor.biases(l);
        }
        for (int l = 0; l < lc; l++) {
            params[k++] = critic.weights(l);
            params[k++] = critic.biases(l);
        }
        if (!discrete) {
            params[k] = logStd;
        }
        grads = new float[params.length][];
        m = new float[params.length][];
        v = new float[params.length][];
        for (int i = 0; i < params.length; i++) {
            grads[i] = new float[params[i].length];
            m[i] = new float[params[i].length];
            v[i] = new float[params[i].length];
        }
        for (Half h : halves) {
            h.grads = new float[params.length][];
            for (int i = 0; i < params.length; i++) {
                h.grads[i] = new float[params[i].length];
            }
        }
        helper = threads >= 2 ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "racer-update");
            th.setDaemon(true);
            return th;
        }) : null;
    }

    /** Stops the helper thread. */
    public void close() {
        if (helper != null) {
            helper.shutdownNow();
        }
    }

    /** Scratch and gradient of one half of a minibatch. */
    private static final class Half {
        int cap;
        float[][] aAct, cAct, aDelta, cDelta; // per layer [rows × width], index 0 = input
        float[][] grads;
        float[] wt = new float[0];
    }

    /** {@code epochs} passes over shuffled minibatches (the same order and normalisation as the SameDiff path). */
    public void fitEpochs(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int n, int batchSize,
                          int epochs, SplittableRandom random) {
        Minibatches it = new Minibatches(obs, obsDim, act, actDim, oldLogp, adv, ret, n, batchSize, random);
        int b = it.batch();
        float[] o = new float[b * obsDim], a = new float[b * actDim], lp = new float[b], ad = new float[b], r = new float[b];
        for (int e = 0; e < epochs; e++) {
            if (e > 0) {
                it.reset();
            }
            while (it.hasNext()) {
                it.fill(o, a, lp, ad, r);
                step(o, a, lp, ad, r, b);
            }
        }
    }

    /** One Adam step on one minibatch (advantages used as given). */
    public void step(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int b) {
        int split = b >= 32 ? b / 2 : b;
        java.util.concurrent.Future<?> first = null;
        if (split < b && helper != null) {
            first = helper.submit(() -> half(halves[0], obs, act, oldLogp, adv, ret, 0, split, b));
        } else {
            half(halves[0], obs, act, oldLogp, adv, ret, 0, split, b);
        }
        if (split < b) {
            half(halves[1], obs, act, oldLogp, adv, ret, split, b - split, b);
        }
        if (first != null) {
            try {
                first.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("update interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        for (int p = 0; p < params.length; p++) {
            float[] g = grads[p], g0 = halves[0].grads[p], g1 = halves[1].grads[p];
            for (int i = 0; i < g.length; i++) {
                g[i] = split < b ? g0[i] + g1[i] : g0[i];
            }
        }
        if (!discrete) {
            for (int k = 0; k < actDim; k++) {
                grads[params.length - 1][k] -= (float) loss.entropyCoef();
            }
        }
        if (applyAdam) {
            adam();
        }
    }

    /** The gradient of rows {@code [from, from + n)} of a minibatch of {@code b} into {@code h.grads}. */
    private void half(Half h, float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int from, int n,
                      int b) {
        ensure(h, n);
        for (float[] g : h.grads) {
            java.util.Arrays.fill(g, 0f);
        }
        System.arraycopy(obs, from * obsDim, h.aAct[0], 0, n * obsDim);
        System.arraycopy(obs, from * obsDim, h.cAct[0], 0, n * obsDim);
        forward(actor, n, h.aAct);
        forward(critic, n, h.cAct);
        int la = actor.layers(), lc = critic.layers();
        float[] out = h.aAct[la];
        float[] dOut = h.aDelta[la];
        float[] vOut = h.cAct[lc];
        float[] dV = h.cDelta[lc];
        double clip = loss.clip(), beta = loss.entropyCoef();
        int logStdIndex = params.length - 1;
        for (int r = 0; r < n; r++) {
            int i = from + r;
            int base = r * actDim, abase = i * actDim;
            double newLogp;
            if (discrete) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < actDim; k++) {
                    max = Math.max(max, out[base + k]);
                }
                double sum = 0;
                for (int k = 0; k < actDim; k++) {
                    sum += Math.exp(out[base + k] - max);
                }
                double lse = max + Math.log(sum);
                newLogp = 0;
                double ent = 0;
                for (int k = 0; k < actDim; k++) {
                    double lpk = out[base + k] - lse;
                    newLogp += act[abase + k] * lpk;
                    ent -= Math.exp(lpk) * lpk;
                }
                double g = pgGrad(newLogp, oldLogp[i], adv[i], clip, b);
                for (int k = 0; k < actDim; k++) {
                    double lpk = out[base + k] - lse;
                    double p = Math.exp(lpk);
                    dOut[base + k] = (float) (g * (act[abase + k] - p) + beta / b * p * (lpk + ent));
                }
            } else {
                newLogp = 0;
                for (int k = 0; k < actDim; k++) {
                    double z = (act[abase + k] - out[base + k]) / Math.exp(logStd[k]);
                    newLogp += -0.5 * z * z - logStd[k] - 0.5 * Math.log(2 * Math.PI);
                }
                double g = pgGrad(newLogp, oldLogp[i], adv[i], clip, b);
                for (int k = 0; k < actDim; k++) {
                    double sigma = Math.exp(logStd[k]);
                    double z = (act[abase + k] - out[base + k]) / sigma;
                    dOut[base + k] = (float) (g * z / sigma);
                    h.grads[logStdIndex][k] += (float) (g * (z * z - 1));
                }
            }
            double d = vOut[r] - ret[i];
            double dv = loss.huber() ? Math.max(-1, Math.min(1, d)) : d;
            dV[r] = (float) (loss.valueCoef() * dv / b);
        }
        backward(h, actor, n, h.aAct, h.aDelta, 0);
        backward(h, critic, n, h.cAct, h.cDelta, 2 * la);
    }

    private boolean applyAdam = true;

    /** The loss gradient for one minibatch, without an Adam step (tests): arrays in actor, critic, log_std order. */
    float[][] gradients(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int b) {
        applyAdam = false;
        try {
            step(obs, act, oldLogp, adv, ret, b);
        } finally {
            applyAdam = true;
        }
        return grads;
    }

    /** d(pg_loss)/d(new log p) for one sample of a minibatch of {@code b}. */
    private static double pgGrad(double newLogp, double oldLogp, double adv, double clip, int b) {
        double ratio = Math.exp(newLogp - oldLogp);
        double unclipped = ratio * adv;
        double clipped = Math.max(1 - clip, Math.min(1 + clip, ratio)) * adv;
        boolean inRange = ratio >= 1 - clip && ratio <= 1 + clip;
        boolean flows = unclipped <= clipped || inRange;
        return flows ? -adv * ratio / b : 0;
    }

    private static void forward(Mlp net, int b, float[][] acts) {
        int[] sizes = net.sizes();
        for (int l = 0; l < net.layers(); l++) {
            int nIn = sizes[l], nOut = sizes[l + 1];
            float[] w = net.weights(l), bias = net.biases(l), in = acts[l], out = acts[l + 1];
            boolean hidden = l < net.layers() - 1;
            for (int i = 0; i < b; i++) {
                int ob = i * nOut, ib = i * nIn;
                System.arraycopy(bias, 0, out, ob, nOut);
                for (int j = 0; j < nIn; j++) {
                    float xj = in[ib + j];
                    int row = j * nOut;
                    for (int o = 0; o < nOut; o++) {
                        out[ob + o] += xj * w[row + o];
                    }
                }
                if (hidden) {
                    for (int o = 0; o < nOut; o++) {
                        out[ob + o] = Mlp.tanh(out[ob + o]);
                    }
                }
            }
        }
    }

    /** Back-propagates deltas[last] (dL/d output) and accumulates weight gradients from {@code grads[g0]}. */
    private static void backward(Half hf, Mlp net, int b, float[][] acts, float[][] deltas, int g0) {
        int[] sizes = net.sizes();
        for (int l = net.layers() - 1; l >= 0; l--) {
            int nIn = sizes[l], nOut = sizes[l + 1];
            float[] w = net.weights(l), in = acts[l], delta = deltas[l + 1];
            float[] gw = hf.grads[g0 + 2 * l], gb = hf.grads[g0 + 2 * l + 1];
            for (int i = 0; i < b; i++) {
                int ob = i * nOut, ib = i * nIn;
                for (int o = 0; o < nOut; o++) {
                    gb[o] += delta[ob + o];
                }
                for (int j = 0; j < nIn; j++) {
                    float xj = in[ib + j];
                    int row = j * nOut;
                    for (int o = 0; o < nOut; o++) {
                        gw[row + o] += xj * delta[ob + o];
                    }
                }
            }
            if (l > 0) {
                // prev = (delta · W^T) ⊙ (1 - h^2), through W^T so that the inner loop is a vectorisable axpy
                float[] wt = transposed(hf, w, nIn, nOut);
                float[] prev = deltas[l];
                java.util.Arrays.fill(prev, 0, b * nIn, 0f);
                for (int i = 0; i < b; i++) {
                    int ob = i * nOut, ib = i * nIn;
                    for (int o = 0; o < nOut; o++) {
                        float d = delta[ob + o];
                        int row = o * nIn;
                        for (int j = 0; j < nIn; j++) {
                            prev[ib + j] += d * wt[row + j];
                        }
                    }
                    for (int j = 0; j < nIn; j++) {
                        float h = in[ib + j];
                        prev[ib + j] *= 1 - h * h;
                    }
                }
            }
        }
    }

    private static float[] transposed(Half hf, float[] w, int nIn, int nOut) {
        if (hf.wt.length < w.length) {
            hf.wt = new float[w.length];
        }
        for (int j = 0; j < nIn; j++) {
            for (int o = 0; o < nOut; o++) {
                hf.wt[o * nIn + j] = w[j * nOut + o];
            }
        }
        return hf.wt;
    }

    private void adam() {
        t++;
        double alpha = loss.lr() * Math.sqrt(1 - Math.pow(B2, t)) / (1 - Math.pow(B1, t));
        for (int p = 0; p < params.length; p++) {
            float[] w = params[p], g = grads[p], mp = m[p], vp = v[p];
            for (int i = 0; i < w.length; i++) {
                mp[i] = (float) (B1 * mp[i] + (1 - B1) * g[i]);
                vp[i] = (float) (B2 * vp[i] + (1 - B2) * g[i] * g[i]);
                w[i] -= (float) (alpha * mp[i] / (Math.sqrt(vp[i]) + EPS));
            }
        }
    }

    private void ensure(Half h, int b) {
        if (b <= h.cap) {
            return;
        }
        h.cap = b;
        h.aAct = alloc(actor.sizes(), b);
        h.aDelta = alloc(actor.sizes(), b);
        h.cAct = alloc(critic.sizes(), b);
        h.cDelta = alloc(critic.sizes(), b);
    }

    private static float[][] alloc(int[] sizes, int b) {
        float[][] a = new float[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            a[l] = new float[b * sizes[l]];
        }
        return a;
    }
}
