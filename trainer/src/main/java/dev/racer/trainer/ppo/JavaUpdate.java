package dev.racer.trainer.ppo;

import dev.racer.trainer.Mlp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The clipped PPO update of {@link PolicyNet}'s graph written out by hand in plain Java: the same loss
 * (clipped surrogate, Huber or MSE value loss, entropy bonus), its gradient by back-propagation through the
 * tanh MLPs, and ND4J's Adam (same bias correction and ε placement). For small networks SameDiff's per-op
 * overhead (tens of µs per op, ~150 ops per minibatch) dominates; this runs a minibatch of 64 in tens of µs.
 * {@code JavaUpdateTest} checks it against the graph step for step and against finite differences.
 *
 * <p>How it is fast: the actor and the critic share no parameter, and the loss is a sum of an actor part
 * (policy and entropy terms) and a critic part (value term), so their gradients and Adam steps are
 * independent. With two threads the actor trains on the calling thread and the critic on a helper, each over
 * all epochs and minibatches (the same permutations, drawn beforehand), with no synchronisation per minibatch
 * and a result identical to one thread. Each minibatch runs as batched matrix loops over contiguous
 * row-major {@code float[]} arrays (axpy inner loops along the wider dimension, {@link Math#fma}, the
 * branch-free {@link Mlp#tanh}) that C2 vectorises, with scratch buffers allocated once.
 *
 * <p>It trains the weights of the given {@link Mlp}s (and the Gaussian's {@code log_std}) in place. Adam's
 * moments live here, not in the SameDiff checkpoints: {@link #adamState} hands them to {@link AdamState}, whose
 * file beside each checkpoint lets a resumed run go on with them.
 */
public final class JavaUpdate {
    private static final double B1 = 0.9, B2 = 0.999, EPS = 1e-5;

    private final boolean discrete;
    private final PolicyNet.LossConfig loss;
    private final int obsDim, actDim;
    private final float[] logStd;
    private final Part actorPart, criticPart;
    private final ExecutorService helper;

    public JavaUpdate(Mlp actor, Mlp critic, float[] logStd, boolean discrete, PolicyNet.LossConfig loss) {
        this(actor, critic, logStd, discrete, loss, 1);
    }

    /**
     * Adam's state of the actor and the critic (step counts and moments), to write beside a checkpoint and to
     * restore in place on resuming ({@link AdamState}).
     */
    public List<AdamState.Part> adamState() {
        return List.of(actorPart.adamState(), criticPart.adamState());
    }

    /**
     * @param threads 1, or 2 to train the critic on a helper thread while the actor trains on the caller's (the
     *                result is the same either way)
     */
    public JavaUpdate(Mlp actor, Mlp critic, float[] logStd, boolean discrete, PolicyNet.LossConfig loss,
                      int threads) {
        this.logStd = logStd;
        this.discrete = discrete;
        this.loss = loss;
        this.obsDim = actor.inputs();
        this.actDim = actor.outputs();
        this.actorPart = new Part(actor, true, discrete ? null : logStd);
        this.criticPart = new Part(critic, false, null);
        helper = threads >= 2 ? Executors.newSingleThreadExecutor(r -> {
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

    /** {@code epochs} passes over shuffled minibatches (the same order and normalisation as the SameDiff path). */
    public void fitEpochs(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int n, int batchSize,
                          int epochs, SplittableRandom random) {
        Minibatches it = new Minibatches(obs, obsDim, act, actDim, oldLogp, adv, ret, n, batchSize, random);
        int[][] perms = new int[epochs][];
        for (int e = 0; e < epochs; e++) {
            if (e > 0) {
                it.reset();
            }
            perms[e] = it.permutation().clone();
        }
        Data d = new Data(obs, act, oldLogp, adv, ret, perms, it.batch(), it.batchesPerEpoch());
        if (helper != null) {
            Future<?> critic = helper.submit(() -> criticPart.train(d));
            try {
                actorPart.train(d);
            } finally {
                join(critic);
            }
        } else {
            actorPart.train(d);
            criticPart.train(d);
        }
        if (logStd != null) {
            PolicyNet.boundLogStd(logStd); // after the epochs, as PolicyNet.fitEpochs bounds it
        }
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("update interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        }
    }

    /** One iteration's samples and the minibatch order of every epoch. */
    private record Data(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int[][] perms, int b,
                        int batchesPerEpoch) {
    }

    /**
     * The loss terms that {@link PolicyNet#evaluate} reports ({@code pg_loss, v_loss, entropy, approx_kl}) over
     * {@code n} samples, advantages used as given, computed with the current weights in double precision: the
     * graph's values to floating-point noise, without copying the samples into ND4J.
     */
    public java.util.Map<String, Double> losses(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret,
                                                int n) {
        double[] newLogp = new double[n], entropy = new double[n], value = new double[n];
        Future<?> critic = helper == null ? null : helper.submit(() -> criticPart.outputs(obs, n, value, null, null));
        actorPart.outputs(obs, n, null, newLogp, entropy, act);
        if (critic != null) {
            join(critic);
        } else {
            criticPart.outputs(obs, n, value, null, null);
        }
        double clip = loss.clip(), pg = 0, v = 0, ent = 0, kl = 0;
        for (int i = 0; i < n; i++) {
            double logRatio = newLogp[i] - oldLogp[i];
            double ratio = Math.exp(logRatio);
            pg += Math.min(adv[i] * ratio, adv[i] * Math.max(1 - clip, Math.min(1 + clip, ratio)));
            kl += ratio - 1 - logRatio;
            double d = Math.abs(value[i] - ret[i]);
            double q = Math.min(d, 1);
            v += loss.huber() ? 0.5 * q * q + (d - q) : 0.5 * d * d;
            ent += entropy[i];
        }
        if (!discrete) {
            ent = 0;
            for (float s : logStd) {
                ent += s + 0.5 + 0.5 * Math.log(2 * Math.PI);
            }
            ent *= n;
        }
        return java.util.Map.of("pg_loss", -pg / n, "v_loss", v / n, "entropy", ent / n, "approx_kl", kl / n);
    }

    /** One Adam step on one minibatch (advantages used as given). */
    public void step(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int b) {
        actorPart.gradient(obs, act, oldLogp, adv, ret, b);
        actorPart.adamStep();
        criticPart.gradient(obs, act, oldLogp, adv, ret, b);
        criticPart.adamStep();
    }

    /** The loss gradient for one minibatch, without an Adam step (tests): arrays in actor, critic, log_std order. */
    float[][] gradients(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int b) {
        actorPart.gradient(obs, act, oldLogp, adv, ret, b);
        criticPart.gradient(obs, act, oldLogp, adv, ret, b);
        int na = 2 * actorPart.net.layers(), nc = 2 * criticPart.net.layers();
        float[][] out = new float[na + nc + (discrete ? 0 : 1)][];
        System.arraycopy(actorPart.grads, 0, out, 0, na);
        System.arraycopy(criticPart.grads, 0, out, na, nc);
        if (!discrete) {
            out[na + nc] = actorPart.gLogStd;
        }
        return out;
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

    /**
     * One network's training state: its parameters, gradients, Adam moments and scratch buffers. Matrices are
     * held as rows ({@code float[rows][cols]}) so that every inner loop reads and writes its arrays at the same
     * index, which C2 vectorises without having to prove that the arrays do not overlap; samples are taken
     * four at a time so that each weight row loaded serves four samples. Minibatches are padded to a multiple
     * of four with zero rows whose loss gradient is zero, so they add nothing.
     */
    private final class Part {
        final Mlp net;
        final boolean isActor;
        final int[] sizes;
        final int layers;
        final float[][][] w, gw, mw, vw, wt; // per layer [nIn][nOut] (wt: [nOut][nIn]); live during training
        final float[][] bias, gb, mb, vb;    // per layer [nOut]
        final float[] gLogStd, mLogStd, vLogStd;
        final float[][][] acts, deltas;      // per layer [cap][width], index 0 = input
        final float[][][] gt;                // per layer transposed gradient scratch [nOut][nIn]
        final float[][] grads;               // flat gradients (tests): W0, b0, W1, b1, ... (then log_std)
        float[] o = new float[0], a = new float[0], lp = new float[0], ad = new float[0], r = new float[0];
        int cap;
        /** Adam's step count (an array: {@link #adamState} hands it out to be restored in place). */
        final long[] t = new long[1];

        /** This part's Adam state: its step count and its moments (weights, biases, then log_std). */
        AdamState.Part adamState() {
            List<float[]> m = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                m.addAll(Arrays.asList(mw[l]));
                m.addAll(Arrays.asList(vw[l]));
                m.add(mb[l]);
                m.add(vb[l]);
            }
            if (mLogStd != null) {
                m.add(mLogStd);
                m.add(vLogStd);
            }
            return new AdamState.Part(t, m);
        }

        Part(Mlp net, boolean isActor, float[] logStd) {
            this.net = net;
            this.isActor = isActor;
            this.sizes = net.sizes();
            this.layers = net.layers();
            w = new float[layers][][];
            gw = new float[layers][][];
            mw = new float[layers][][];
            vw = new float[layers][][];
            wt = new float[layers][][];
            gt = new float[layers][][];
            bias = new float[layers][];
            gb = new float[layers][];
            mb = new float[layers][];
            vb = new float[layers][];
            for (int l = 0; l < layers; l++) {
                int nIn = sizes[l], nOut = sizes[l + 1];
                w[l] = new float[nIn][nOut];
                gw[l] = new float[nIn][nOut];
                mw[l] = new float[nIn][nOut];
                vw[l] = new float[nIn][nOut];
                wt[l] = new float[nOut][nIn];
                gt[l] = new float[nOut][nIn];
                bias[l] = net.biases(l); // the live array: biases are trained in place
                gb[l] = new float[nOut];
                mb[l] = new float[nOut];
                vb[l] = new float[nOut];
            }
            boolean ls = logStd != null;
            gLogStd = ls ? new float[logStd.length] : null;
            mLogStd = ls ? new float[logStd.length] : null;
            vLogStd = ls ? new float[logStd.length] : null;
            grads = new float[2 * layers + (ls ? 1 : 0)][];
            for (int l = 0; l < layers; l++) {
                grads[2 * l] = new float[sizes[l] * sizes[l + 1]];
                grads[2 * l + 1] = gb[l];
            }
            if (ls) {
                grads[2 * layers] = gLogStd;
            }
            acts = new float[sizes.length][][];
            deltas = new float[sizes.length][][];
        }

        void ensure(int b) {
            int padded = (b + 3) & ~3;
            if (padded <= cap) {
                return;
            }
            cap = padded;
            for (int l = 0; l < sizes.length; l++) {
                acts[l] = new float[padded][sizes[l]];
                deltas[l] = new float[padded][sizes[l]];
            }
            // sized for the padded capacity: a later, larger b up to it returns above without growing them
            o = new float[padded * obsDim];
            a = new float[padded * actDim];
            lp = new float[padded];
            ad = new float[padded];
            r = new float[padded];
        }

        /** Copies the network's flat weights into the row matrices. */
        void load() {
            for (int l = 0; l < layers; l++) {
                float[] flat = net.weights(l);
                int nOut = sizes[l + 1];
                for (int j = 0; j < sizes[l]; j++) {
                    System.arraycopy(flat, j * nOut, w[l][j], 0, nOut);
                }
            }
        }

        /** Copies the row matrices back into the network's flat weights. */
        void store() {
            for (int l = 0; l < layers; l++) {
                float[] flat = net.weights(l);
                int nOut = sizes[l + 1];
                for (int j = 0; j < sizes[l]; j++) {
                    System.arraycopy(w[l][j], 0, flat, j * nOut, nOut);
                }
            }
        }

        /** Every epoch's minibatches: gradient and Adam step each. */
        void train(Data d) {
            ensure(d.b());
            load();
            try {
                for (int[] perm : d.perms()) {
                    for (int k = 0; k < d.batchesPerEpoch(); k++) {
                        Minibatches.fill(perm, k * d.b(), d.b(), d.obs(), obsDim, d.act(), actDim, d.oldLogp(),
                                d.adv(), d.ret(), o, a, lp, ad, r);
                        compute(o, a, lp, ad, r, d.b());
                        adam();
                    }
                }
            } finally {
                store();
            }
        }

        /** This network's part of the loss gradient on a minibatch of {@code b}, into {@link #grads} (flat). */
        void gradient(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int b) {
            ensure(b);
            load();
            compute(obs, act, oldLogp, adv, ret, b);
            for (int l = 0; l < layers; l++) {
                int nOut = sizes[l + 1];
                for (int j = 0; j < sizes[l]; j++) {
                    System.arraycopy(gw[l][j], 0, grads[2 * l], j * nOut, nOut);
                }
            }
        }

        /**
         * Forward passes over {@code n} samples in chunks of the scratch size: the critic's values into
         * {@code value}, or the actor's log-probabilities of {@code act} and entropies (discrete).
         */
        void outputs(float[] obs, int n, double[] value, double[] logp, double[] entropy, float... act) {
            ensure(64);
            load();
            float[][] x = acts[0], y = acts[layers];
            for (int from = 0; from < n; from += cap) {
                int b = Math.min(cap, n - from);
                for (int i = 0; i < cap; i++) {
                    if (i < b) {
                        System.arraycopy(obs, (from + i) * obsDim, x[i], 0, obsDim);
                    } else {
                        Arrays.fill(x[i], 0f);
                    }
                }
                forward(cap);
                for (int i = 0; i < b; i++) {
                    int s = from + i;
                    if (!isActor) {
                        value[s] = y[i][0];
                        continue;
                    }
                    int base = s * actDim;
                    double lp = 0;
                    if (discrete) {
                        double max = Double.NEGATIVE_INFINITY;
                        for (int k = 0; k < actDim; k++) {
                            max = Math.max(max, y[i][k]);
                        }
                        double sum = 0;
                        for (int k = 0; k < actDim; k++) {
                            sum += Math.exp(y[i][k] - max);
                        }
                        double lse = max + Math.log(sum), e = 0;
                        for (int k = 0; k < actDim; k++) {
                            double lpk = y[i][k] - lse;
                            lp += act[base + k] * lpk;
                            e -= Math.exp(lpk) * lpk;
                        }
                        entropy[s] = e;
                    } else {
                        for (int k = 0; k < actDim; k++) {
                            double z = (act[base + k] - y[i][k]) / Math.exp(logStd[k]);
                            lp += -0.5 * z * z - logStd[k] - 0.5 * Math.log(2 * Math.PI);
                        }
                    }
                    logp[s] = lp;
                }
            }
        }

        /** Adam step on the row matrices (after {@link #compute}); biases and log_std are trained in place. */
        void adamStep() {
            adam();
            store();
        }

        private void compute(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int b) {
            int padded = (b + 3) & ~3;
            for (int l = 0; l < layers; l++) {
                for (float[] row : gw[l]) {
                    Arrays.fill(row, 0f);
                }
                Arrays.fill(gb[l], 0f);
            }
            if (gLogStd != null) {
                Arrays.fill(gLogStd, 0f);
            }
            float[][] x = acts[0];
            for (int i = 0; i < b; i++) {
                System.arraycopy(obs, i * obsDim, x[i], 0, obsDim);
            }
            for (int i = b; i < padded; i++) {
                Arrays.fill(x[i], 0f);
            }
            forward(padded);
            float[][] out = acts[layers], dOut = deltas[layers];
            for (int i = b; i < padded; i++) {
                Arrays.fill(dOut[i], 0f);
            }
            if (isActor) {
                actorLoss(out, dOut, act, oldLogp, adv, b);
            } else {
                double c = loss.valueCoef() / b;
                for (int i = 0; i < b; i++) {
                    double diff = out[i][0] - ret[i];
                    double dv = loss.huber() ? Math.max(-1, Math.min(1, diff)) : diff;
                    dOut[i][0] = (float) (c * dv);
                }
            }
            backward(b, padded);
        }

        private void actorLoss(float[][] out, float[][] dOut, float[] act, float[] oldLogp, float[] adv, int b) {
            double clip = loss.clip(), beta = loss.entropyCoef();
            for (int i = 0; i < b; i++) {
                int base = i * actDim;
                float[] y = out[i], dy = dOut[i];
                if (discrete) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < actDim; k++) {
                        max = Math.max(max, y[k]);
                    }
                    double sum = 0;
                    for (int k = 0; k < actDim; k++) {
                        sum += Math.exp(y[k] - max);
                    }
                    double lse = max + Math.log(sum);
                    double newLogp = 0;
                    double ent = 0;
                    for (int k = 0; k < actDim; k++) {
                        double lpk = y[k] - lse;
                        newLogp += act[base + k] * lpk;
                        ent -= Math.exp(lpk) * lpk;
                    }
                    double g = pgGrad(newLogp, oldLogp[i], adv[i], clip, b);
                    for (int k = 0; k < actDim; k++) {
                        double lpk = y[k] - lse;
                        double p = Math.exp(lpk);
                        dy[k] = (float) (g * (act[base + k] - p) + beta / b * p * (lpk + ent));
                    }
                } else {
                    double newLogp = 0;
                    for (int k = 0; k < actDim; k++) {
                        double z = (act[base + k] - y[k]) / Math.exp(logStd[k]);
                        newLogp += -0.5 * z * z - logStd[k] - 0.5 * Math.log(2 * Math.PI);
                    }
                    double g = pgGrad(newLogp, oldLogp[i], adv[i], clip, b);
                    for (int k = 0; k < actDim; k++) {
                        double sigma = Math.exp(logStd[k]);
                        double z = (act[base + k] - y[k]) / sigma;
                        dy[k] = (float) (g * z / sigma);
                        gLogStd[k] += (float) (g * (z * z - 1));
                    }
                }
            }
            if (!discrete) {
                for (int k = 0; k < actDim; k++) {
                    gLogStd[k] -= (float) loss.entropyCoef();
                }
            }
        }

        /** acts[l + 1] = tanh(acts[l] · W + b) for hidden layers, linear for the last; four samples at a time. */
        private void forward(int padded) {
            for (int l = 0; l < layers; l++) {
                int nIn = sizes[l], nOut = sizes[l + 1];
                float[][] wl = w[l], in = acts[l], out = acts[l + 1];
                float[] bl = bias[l];
                boolean hidden = l < layers - 1;
                for (int i = 0; i < padded; i += 4) {
                    float[] x0 = in[i], x1 = in[i + 1], x2 = in[i + 2], x3 = in[i + 3];
                    float[] y0 = out[i], y1 = out[i + 1], y2 = out[i + 2], y3 = out[i + 3];
                    System.arraycopy(bl, 0, y0, 0, nOut);
                    System.arraycopy(bl, 0, y1, 0, nOut);
                    System.arraycopy(bl, 0, y2, 0, nOut);
                    System.arraycopy(bl, 0, y3, 0, nOut);
                    int j = 0;
                    for (; j + 3 < nIn; j += 4) { // four inputs at a time: each output row is loaded once per four
                        float[] wa = wl[j], wb = wl[j + 1], wc = wl[j + 2], wd = wl[j + 3];
                        float a0 = x0[j], b0 = x0[j + 1], c0 = x0[j + 2], e0 = x0[j + 3];
                        float a1 = x1[j], b1 = x1[j + 1], c1 = x1[j + 2], e1 = x1[j + 3];
                        float a2 = x2[j], b2 = x2[j + 1], c2 = x2[j + 2], e2 = x2[j + 3];
                        float a3 = x3[j], b3 = x3[j + 1], c3 = x3[j + 2], e3 = x3[j + 3];
                        for (int k = 0; k < nOut; k++) {
                            float p = wa[k], q = wb[k], r = wc[k], u = wd[k];
                            y0[k] = Math.fma(e0, u, Math.fma(c0, r, Math.fma(b0, q, Math.fma(a0, p, y0[k]))));
                            y1[k] = Math.fma(e1, u, Math.fma(c1, r, Math.fma(b1, q, Math.fma(a1, p, y1[k]))));
                            y2[k] = Math.fma(e2, u, Math.fma(c2, r, Math.fma(b2, q, Math.fma(a2, p, y2[k]))));
                            y3[k] = Math.fma(e3, u, Math.fma(c3, r, Math.fma(b3, q, Math.fma(a3, p, y3[k]))));
                        }
                    }
                    for (; j < nIn; j++) {
                        float a0 = x0[j], a1 = x1[j], a2 = x2[j], a3 = x3[j];
                        float[] wr = wl[j];
                        for (int k = 0; k < nOut; k++) {
                            float wk = wr[k];
                            y0[k] = Math.fma(a0, wk, y0[k]);
                            y1[k] = Math.fma(a1, wk, y1[k]);
                            y2[k] = Math.fma(a2, wk, y2[k]);
                            y3[k] = Math.fma(a3, wk, y3[k]);
                        }
                    }
                    if (hidden) {
                        tanh(y0, nOut);
                        tanh(y1, nOut);
                        tanh(y2, nOut);
                        tanh(y3, nOut);
                    }
                }
            }
        }

        /** One loop per row: C2 vectorises it (it does not, with four rows in one loop body). */
        private static void tanh(float[] y, int n) {
            for (int k = 0; k < n; k++) {
                y[k] = Mlp.tanh(y[k]);
            }
        }

        /** Back-propagates deltas[last] (dL/d output) and accumulates the weight and bias gradients. */
        private void backward(int b, int padded) {
            for (int l = layers - 1; l >= 0; l--) {
                int nIn = sizes[l], nOut = sizes[l + 1];
                float[][] in = acts[l], delta = deltas[l + 1], g = gw[l];
                float[] gbl = gb[l];
                for (int i = 0; i < b; i++) {
                    float[] d = delta[i];
                    for (int k = 0; k < nOut; k++) {
                        gbl[k] += d[k];
                    }
                }
                if (nOut >= 16) {
                    // gW[j][:] += x[i][j] · delta[i][:], along the outputs
                    for (int i = 0; i < padded; i += 4) {
                        float[] x0 = in[i], x1 = in[i + 1], x2 = in[i + 2], x3 = in[i + 3];
                        float[] d0 = delta[i], d1 = delta[i + 1], d2 = delta[i + 2], d3 = delta[i + 3];
                        int j = 0;
                        for (; j + 3 < nIn; j += 4) { // four inputs at a time: each delta row serves four
                            float[] ga = g[j], gb2 = g[j + 1], gc = g[j + 2], gd = g[j + 3];
                            float a0 = x0[j], b0 = x0[j + 1], c0 = x0[j + 2], e0 = x0[j + 3];
                            float a1 = x1[j], b1 = x1[j + 1], c1 = x1[j + 2], e1 = x1[j + 3];
                            float a2 = x2[j], b2 = x2[j + 1], c2 = x2[j + 2], e2 = x2[j + 3];
                            float a3 = x3[j], b3 = x3[j + 1], c3 = x3[j + 2], e3 = x3[j + 3];
                            for (int k = 0; k < nOut; k++) {
                                float p = d0[k], q = d1[k], r = d2[k], u = d3[k];
                                ga[k] = Math.fma(a3, u, Math.fma(a2, r, Math.fma(a1, q, Math.fma(a0, p, ga[k]))));
                                gb2[k] = Math.fma(b3, u, Math.fma(b2, r, Math.fma(b1, q, Math.fma(b0, p, gb2[k]))));
                                gc[k] = Math.fma(c3, u, Math.fma(c2, r, Math.fma(c1, q, Math.fma(c0, p, gc[k]))));
                                gd[k] = Math.fma(e3, u, Math.fma(e2, r, Math.fma(e1, q, Math.fma(e0, p, gd[k]))));
                            }
                        }
                        for (; j < nIn; j++) {
                            float a0 = x0[j], a1 = x1[j], a2 = x2[j], a3 = x3[j];
                            float[] gr = g[j];
                            for (int k = 0; k < nOut; k++) {
                                gr[k] = Math.fma(a3, d3[k], Math.fma(a2, d2[k], Math.fma(a1, d1[k],
                                        Math.fma(a0, d0[k], gr[k]))));
                            }
                        }
                    }
                } else {
                    // a narrow output layer: gW^T[k][:] += delta[i][k] · x[i][:], along the inputs
                    float[][] gtl = gt[l];
                    for (float[] row : gtl) {
                        Arrays.fill(row, 0f);
                    }
                    for (int i = 0; i < padded; i += 4) {
                        float[] x0 = in[i], x1 = in[i + 1], x2 = in[i + 2], x3 = in[i + 3];
                        float[] d0 = delta[i], d1 = delta[i + 1], d2 = delta[i + 2], d3 = delta[i + 3];
                        for (int k = 0; k < nOut; k++) {
                            float e0 = d0[k], e1 = d1[k], e2 = d2[k], e3 = d3[k];
                            float[] gr = gtl[k];
                            for (int j = 0; j < nIn; j++) {
                                gr[j] = Math.fma(e3, x3[j], Math.fma(e2, x2[j], Math.fma(e1, x1[j],
                                        Math.fma(e0, x0[j], gr[j]))));
                            }
                        }
                    }
                    for (int j = 0; j < nIn; j++) {
                        float[] gr = g[j];
                        for (int k = 0; k < nOut; k++) {
                            gr[k] += gtl[k][j];
                        }
                    }
                }
                if (l > 0) {
                    // prev = (delta · W^T) ⊙ (1 - h^2), through W^T so that the inner loop runs along the inputs
                    float[][] wl = w[l], wtl = wt[l];
                    for (int j = 0; j < nIn; j++) {
                        float[] wr = wl[j];
                        for (int k = 0; k < nOut; k++) {
                            wtl[k][j] = wr[k];
                        }
                    }
                    float[][] prev = deltas[l];
                    for (int i = 0; i < padded; i += 4) {
                        float[] d0 = delta[i], d1 = delta[i + 1], d2 = delta[i + 2], d3 = delta[i + 3];
                        float[] p0 = prev[i], p1 = prev[i + 1], p2 = prev[i + 2], p3 = prev[i + 3];
                        Arrays.fill(p0, 0f);
                        Arrays.fill(p1, 0f);
                        Arrays.fill(p2, 0f);
                        Arrays.fill(p3, 0f);
                        int k = 0;
                        for (; k + 3 < nOut; k += 4) { // four outputs at a time: each prev row is loaded once per four
                            float[] wa = wtl[k], wb = wtl[k + 1], wc = wtl[k + 2], wd = wtl[k + 3];
                            float a0 = d0[k], b0 = d0[k + 1], c0 = d0[k + 2], e0 = d0[k + 3];
                            float a1 = d1[k], b1 = d1[k + 1], c1 = d1[k + 2], e1 = d1[k + 3];
                            float a2 = d2[k], b2 = d2[k + 1], c2 = d2[k + 2], e2 = d2[k + 3];
                            float a3 = d3[k], b3 = d3[k + 1], c3 = d3[k + 2], e3 = d3[k + 3];
                            for (int j = 0; j < nIn; j++) {
                                float p = wa[j], q = wb[j], r = wc[j], u = wd[j];
                                p0[j] = Math.fma(e0, u, Math.fma(c0, r, Math.fma(b0, q, Math.fma(a0, p, p0[j]))));
                                p1[j] = Math.fma(e1, u, Math.fma(c1, r, Math.fma(b1, q, Math.fma(a1, p, p1[j]))));
                                p2[j] = Math.fma(e2, u, Math.fma(c2, r, Math.fma(b2, q, Math.fma(a2, p, p2[j]))));
                                p3[j] = Math.fma(e3, u, Math.fma(c3, r, Math.fma(b3, q, Math.fma(a3, p, p3[j]))));
                            }
                        }
                        for (; k < nOut; k++) {
                            float e0 = d0[k], e1 = d1[k], e2 = d2[k], e3 = d3[k];
                            float[] wr = wtl[k];
                            for (int j = 0; j < nIn; j++) {
                                float wj = wr[j];
                                p0[j] = Math.fma(e0, wj, p0[j]);
                                p1[j] = Math.fma(e1, wj, p1[j]);
                                p2[j] = Math.fma(e2, wj, p2[j]);
                                p3[j] = Math.fma(e3, wj, p3[j]);
                            }
                        }
                        float[] h0 = in[i], h1 = in[i + 1], h2 = in[i + 2], h3 = in[i + 3];
                        for (int j = 0; j < nIn; j++) {
                            p0[j] *= 1 - h0[j] * h0[j];
                            p1[j] *= 1 - h1[j] * h1[j];
                            p2[j] *= 1 - h2[j] * h2[j];
                            p3[j] *= 1 - h3[j] * h3[j];
                        }
                    }
                }
            }
        }

        void adam() {
            long step = ++t[0];
            float alpha = (float) (loss.lr() * Math.sqrt(1 - Math.pow(B2, step)) / (1 - Math.pow(B1, step)));
            for (int l = 0; l < layers; l++) {
                for (int j = 0; j < sizes[l]; j++) {
                    adam(w[l][j], gw[l][j], mw[l][j], vw[l][j], alpha);
                }
                adam(bias[l], gb[l], mb[l], vb[l], alpha);
            }
            if (gLogStd != null) {
                adam(logStd, gLogStd, mLogStd, vLogStd, alpha);
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
    }
}
