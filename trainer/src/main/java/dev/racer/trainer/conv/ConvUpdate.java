package dev.racer.trainer.conv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Clipped PPO's update of a {@link ConvNet} (discrete actions) in plain Java: the loss of
 * {@code dev.racer.trainer.ppo.PolicyNet}'s graph (clipped surrogate, Huber or squared value loss, entropy
 * bonus), back-propagated through the heads, the dense layer and the convolutions, then Adam (β 0.9, 0.999,
 * ε 1e-5) as SameDiff's. Frames arrive as grey levels in bytes (a quarter of the floats' memory).
 *
 * <p>A minibatch is split into {@value #PARTS} fixed halves whose gradients are summed in order, whatever the
 * number of threads, so the same seed gives the same weights with one thread or two.
 */
public final class ConvUpdate implements AutoCloseable {
    static final int PARTS = 2;
    private static final double B1 = 0.9, B2 = 0.999, EPS = 1e-5;

    private final ConvNet net;
    private final double clip, valueCoef, entropyCoef, lr;
    private final boolean huber;
    private final ExecutorService pool;
    private final Part[] parts = new Part[PARTS];
    private final Grads adamM, adamV;
    /** Weights, Adam's moments and the halves' gradients as arrays in one fixed order (built once). */
    private final float[][] wArrays, mArrays, vArrays;
    /** Adam's work is split at this array index: each thread takes about half of the elements. */
    private final int adamSplit;
    /** Adam's step count (an array: {@link #adamState} hands it out to be restored in place). */
    private final long[] t = new long[1];
    /** Loss sums over the epoch in progress and the last finished one, and their sample counts. */
    private final double[] epochSum = new double[4], lastSum = new double[4];
    private int epochN, lastN;

    /**
     * @param threads worker threads for the minibatch halves (1 or 2)
     */
    public ConvUpdate(ConvNet net, double clip, double valueCoef, double entropyCoef, boolean huber, double lr,
                      int threads) {
        this.net = net;
        this.clip = clip;
        this.valueCoef = valueCoef;
        this.entropyCoef = entropyCoef;
        this.huber = huber;
        this.lr = lr;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread th = new Thread(r, "racer-conv-update");
            th.setDaemon(true);
            return th;
        }) : null;
        Gemm.preferVector(); // the update's products are long: worth the vector kernel's warm-up
        adamM = new Grads(net);
        adamV = new Grads(net);
        wArrays = weights(net).toArray(float[][]::new);
        mArrays = adamM.all;
        vArrays = adamV.all;
        long total = 0;
        for (float[] a : wArrays) {
            total += a.length;
        }
        long acc = 0;
        int split = 0;
        while (split < wArrays.length && acc < total / 2) {
            acc += wArrays[split++].length;
        }
        adamSplit = split;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Gradient-shaped arrays. */
    static final class Grads {
        final float[][][] convWt;
        final float[][] convB;
        final float[][] fcW, piW, vW;
        final float[] fcB, piB, vB;

        Grads(ConvNet n) {
            convWt = new float[n.geo.length][][];
            convB = new float[n.geo.length][];
            for (int l = 0; l < n.geo.length; l++) {
                convWt[l] = new float[n.geo[l].cout()][n.geo[l].kk()];
                convB[l] = new float[n.geo[l].cout()];
            }
            fcW = new float[n.flat][n.features];
            fcB = new float[n.features];
            piW = new float[n.features][n.actDim];
            piB = new float[n.actDim];
            vW = new float[n.features][1];
            vB = new float[1];
            all = arrays().toArray(float[][]::new);
        }

        /** {@link #arrays()}, built once. */
        final float[][] all;

        /** Every array, in a fixed order. */
        List<float[]> arrays() {
            List<float[]> a = new ArrayList<>();
            for (int l = 0; l < convWt.length; l++) {
                a.addAll(Arrays.asList(convWt[l]));
                a.add(convB[l]);
            }
            a.addAll(Arrays.asList(fcW));
            a.add(fcB);
            a.addAll(Arrays.asList(piW));
            a.add(piB);
            a.addAll(Arrays.asList(vW));
            a.add(vB);
            return a;
        }

        void zero() {
            for (float[] r : all) {
                Arrays.fill(r, 0f);
            }
        }
    }

    private static List<float[]> weights(ConvNet n) {
        List<float[]> a = new ArrayList<>();
        for (int l = 0; l < n.geo.length; l++) {
            a.addAll(Arrays.asList(n.convWt[l]));
            a.add(n.convB[l]);
        }
        a.addAll(Arrays.asList(n.fcW));
        a.add(n.fcB);
        a.addAll(Arrays.asList(n.piW));
        a.add(n.piB);
        a.addAll(Arrays.asList(n.vW));
        a.add(n.vB);
        return a;
    }

    /** One minibatch half's activations, scratch and gradient. */
    private final class Part {
        final int cap;
        final float[][][][] acts;          // [sample][layer + 1][c][p]
        final float[][][] cols;            // KP columns scratch per layer
        final float[][][] colsPK;          // PK columns scratch per layer
        final float[][][] dActs;           // per layer + 1: gradient w.r.t. activations
        final float[][] x, xt, h, dH, dHt, dXt, logits;
        final float[] values;
        final float[][] dLogits;
        final float[] dValues;
        final Grads g;
        double pg, v, ent, kl;
        int m;

        Part(int cap) {
            this.cap = cap;
            ConvNet n = net;
            acts = new float[cap][][][];
            for (int i = 0; i < cap; i++) {
                acts[i] = n.newActivations();
            }
            cols = n.newColumnsKP();
            colsPK = new float[n.geo.length][][];
            for (int l = 0; l < n.geo.length; l++) {
                colsPK[l] = new float[n.geo[l].outP()][n.geo[l].kk()];
            }
            dActs = n.newActivations();
            x = new float[cap][n.flat];
            xt = new float[n.flat][cap];
            h = new float[cap][n.features];
            dH = new float[cap][n.features];
            dHt = new float[n.features][cap];
            dXt = new float[n.flat][cap];
            logits = new float[cap][n.actDim];
            values = new float[cap];
            dLogits = new float[cap][n.actDim];
            dValues = new float[cap];
            g = new Grads(n);
        }

        /** Forward over samples {@code rows[from .. from + m)}; if {@code b > 0}, the loss gradient too. */
        void run(byte[] frames, int[] rows, int from, int m, float[] act, float[] oldLogp, float[] adv, float[] ret,
                 int b, boolean backward) {
            ConvNet n = net;
            int d = n.obsDim();
            for (int i = 0; i < m; i++) {
                n.input(frames, (long) rows[from + i] * d, acts[i][0]);
                n.torso(acts[i], cols, x[i]);
            }
            n.dense(x, m, h, logits, values);
            pg = v = ent = kl = 0;
            this.m = m;
            int a = n.actDim;
            for (int i = 0; i < m; i++) {
                int r = rows[from + i];
                float[] y = logits[i], dy = dLogits[i];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < a; k++) {
                    max = Math.max(max, y[k]);
                }
                double sum = 0;
                for (int k = 0; k < a; k++) {
                    sum += Math.exp(y[k] - max);
                }
                double lse = max + Math.log(sum);
                double newLogp = 0, e = 0;
                for (int k = 0; k < a; k++) {
                    double lpk = y[k] - lse;
                    newLogp += act[r * a + k] * lpk;
                    e -= Math.exp(lpk) * lpk;
                }
                double logRatio = newLogp - oldLogp[r];
                double ratio = Math.exp(logRatio);
                double av = adv[from + i];
                double unclipped = ratio * av;
                double clipped = Math.max(1 - clip, Math.min(1 + clip, ratio)) * av;
                pg += Math.min(unclipped, clipped);
                kl += ratio - 1 - logRatio;
                double diff = values[i] - ret[r];
                double ad = Math.abs(diff), q = Math.min(ad, 1);
                v += huber ? 0.5 * q * q + (ad - q) : 0.5 * diff * diff;
                ent += e;
                if (!backward) {
                    continue;
                }
                boolean inRange = ratio >= 1 - clip && ratio <= 1 + clip;
                double gpg = unclipped <= clipped || inRange ? -av * ratio / b : 0;
                for (int k = 0; k < a; k++) {
                    double lpk = y[k] - lse;
                    double p = Math.exp(lpk);
                    dy[k] = (float) (gpg * (act[r * a + k] - p) + entropyCoef / b * p * (lpk + e));
                }
                double dv = huber ? Math.max(-1, Math.min(1, diff)) : diff;
                dValues[i] = (float) (valueCoef / b * dv);
            }
            if (backward) {
                backward(m);
            }
        }

        private void backward(int m) {
            ConvNet n = net;
            g.zero();
            int fs = n.features, a = n.actDim;
            // heads
            for (int i = 0; i < m; i++) {
                float[] hr = h[i], dl = dLogits[i], dh = dH[i];
                float dv = dValues[i];
                for (int k = 0; k < a; k++) {
                    g.piB[k] += dl[k];
                }
                g.vB[0] += dv;
                for (int j = 0; j < fs; j++) {
                    float hj = hr[j];
                    float s = dv * n.vW[j][0];
                    float[] w = n.piW[j];
                    float[] gw = g.piW[j];
                    for (int k = 0; k < a; k++) {
                        s += dl[k] * w[k];
                        gw[k] += hj * dl[k];
                    }
                    g.vW[j][0] += hj * dv;
                    dh[j] = hj > 0 ? s : 0f;
                }
            }
            // dense: fc_b, fc_w (through x transposed), then the gradient w.r.t. the flattened features
            for (int i = 0; i < m; i++) {
                float[] dh = dH[i];
                for (int j = 0; j < fs; j++) {
                    g.fcB[j] += dh[j];
                }
            }
            Gemm.transpose(x, m, n.flat, xt); // blocked: an element-by-element scatter cost ~12 % of the update
            Gemm.mulAdd(xt, n.flat, dH, 0, m, g.fcW, 0, fs);
            // dX = dH · fc_wᵀ, computed transposed (dXᵀ = fc_w · dHᵀ) so that fc_w is read in its own layout:
            // no transposed copy of its 5.8 M values per minibatch
            Gemm.transpose(dH, m, fs, dHt);
            for (float[] r : dXt) {
                Arrays.fill(r, 0, m, 0f);
            }
            Gemm.mulAdd(n.fcW, n.flat, dHt, 0, fs, dXt, 0, m);
            // convolutions, one sample at a time
            int last = n.geo.length;
            int pLast = n.geo[last - 1].outP();
            for (int i = 0; i < m; i++) {
                float[][][] as = acts[i];
                float[][] dA = dActs[last];
                for (int c = 0; c < dA.length; c++) {
                    float[] r = dA[c];
                    for (int q = 0, at = c * pLast; q < pLast; q++) {
                        r[q] = dXt[at + q][i];
                    }
                }
                for (int l = last - 1; l >= 0; l--) {
                    ConvNet.Geo geo = n.geo[l];
                    int p = geo.outP();
                    float[][] out = as[l + 1], dz = dActs[l + 1];
                    float[] gb = g.convB[l];
                    for (int f = 0; f < geo.cout(); f++) {
                        float[] o = out[f], z = dz[f];
                        float s = 0;
                        for (int j = 0; j < p; j++) {
                            float zj = o[j] > 0 ? z[j] : 0f;
                            z[j] = zj;
                            s += zj;
                        }
                        gb[f] += s;
                    }
                    ConvNet.im2colPK(geo, as[l], colsPK[l]);
                    Gemm.mulAdd(dz, geo.cout(), colsPK[l], 0, p, g.convWt[l], 0, geo.kk());
                    if (l > 0) {
                        float[][] dc = cols[l];
                        Gemm.zero(dc);
                        Gemm.mulAdd(n.convW[l], geo.kk(), dz, 0, geo.cout(), dc, 0, p);
                        Gemm.zero(dActs[l]);
                        ConvNet.col2imKP(geo, dc, dActs[l]);
                    }
                }
            }
        }
    }

    private Part part(int i, int m) {
        if (parts[i] == null || parts[i].cap < m) {
            parts[i] = new Part(m);
        }
        return parts[i];
    }

    /**
     * {@code epochs} passes over minibatches of {@code batchSize} drawn as {@code Minibatches} does (a new
     * permutation of the {@code n} samples from {@code random} each epoch, the last partial minibatch dropped
     * unless it is the only one, advantages normalised per minibatch). {@code stop} is polled before every
     * minibatch: when it holds, the update ends there (the steps taken are kept). Returns the minibatches run.
     *
     * @param frames grey levels, {@code n × obsDim}
     * @param act    one-hot actions {@code n × A}
     */
    public int fitEpochs(byte[] frames, float[] act, float[] oldLogp, float[] adv, float[] ret, int n, int batchSize,
                         int epochs, SplittableRandom random, BooleanSupplier stop) {
        int b = Math.min(batchSize, n);
        int per = Math.max(1, n / b);
        int[] perm = new int[n];
        float[] ad = new float[b];
        int done = 0;
        epochN = lastN = 0;
        for (int e = 0; e < epochs; e++) {
            endEpoch();
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
            for (int mb = 0; mb < per; mb++) {
                if (stop.getAsBoolean()) {
                    endEpoch();
                    return done;
                }
                int[] rows = Arrays.copyOfRange(perm, mb * b, mb * b + b);
                normalised(adv, rows, ad);
                step(frames, rows, act, oldLogp, ad, ret);
                done++;
            }
        }
        endEpoch();
        return done;
    }

    private void endEpoch() {
        if (epochN > 0) {
            System.arraycopy(epochSum, 0, lastSum, 0, 4);
            lastN = epochN;
        }
        java.util.Arrays.fill(epochSum, 0);
        epochN = 0;
    }

    /**
     * The loss terms {@code pg_loss, v_loss, entropy, approx_kl} of the last epoch that {@link #fitEpochs} ran,
     * means over its minibatches as each was before its step (advantages normalised per minibatch): the
     * forward passes are the update's own, so they cost nothing more. NaN when no minibatch ran.
     */
    public Map<String, Double> lastLosses() {
        double n = lastN == 0 ? Double.NaN : lastN;
        return Map.of("pg_loss", -lastSum[0] / n, "v_loss", lastSum[1] / n, "entropy", lastSum[2] / n,
                "approx_kl", lastSum[3] / n);
    }

    /** Advantages of {@code rows}, normalised to mean 0 and standard deviation 1 (as {@code Minibatches}). */
    private static void normalised(float[] adv, int[] rows, float[] out) {
        int b = rows.length;
        double mean = 0;
        for (int k = 0; k < b; k++) {
            out[k] = adv[rows[k]];
            mean += out[k];
        }
        mean /= b;
        double var = 0;
        for (int k = 0; k < b; k++) {
            var += (out[k] - mean) * (out[k] - mean);
        }
        double std = b > 1 ? Math.sqrt(var / (b - 1)) : 1;
        for (int k = 0; k < b; k++) {
            out[k] = (float) ((out[k] - mean) / (std + 1e-8));
        }
    }

    /** One Adam step on the minibatch {@code rows} ({@code adv[k]} belongs to {@code rows[k]}). */
    public void step(byte[] frames, int[] rows, float[] act, float[] oldLogp, float[] adv, float[] ret) {
        Grads[] g = halves(frames, rows, act, oldLogp, adv, ret);
        adam(g[0], g[1]);
    }

    /** The loss gradient on the minibatch {@code rows} (advantages as given) as the graph's variables (tests). */
    public Map<String, float[]> gradients(byte[] frames, int[] rows, float[] act, float[] oldLogp, float[] adv,
                                          float[] ret) {
        Grads g = gradient(frames, rows, act, oldLogp, adv, ret);
        Map<String, float[]> out = new java.util.HashMap<>();
        ConvNet.export(net.geo, g.convWt, g.convB, g.fcW, g.fcB, g.piW, g.piB, g.vW, g.vB, out::put);
        return out;
    }

    /** The loss gradient on the minibatch {@code rows} (advantages as given), summed over the halves. */
    Grads gradient(byte[] frames, int[] rows, float[] act, float[] oldLogp, float[] adv, float[] ret) {
        Grads[] g = halves(frames, rows, act, oldLogp, adv, ret);
        if (g[1] != null) {
            List<float[]> a = g[0].arrays(), c = g[1].arrays();
            for (int i = 0; i < a.size(); i++) {
                float[] x = a.get(i), y = c.get(i);
                for (int j = 0; j < x.length; j++) {
                    x[j] += y[j];
                }
            }
        }
        return g[0];
    }

    /** The loss gradients of the minibatch's two halves ({@code [1]} null for a one-sample minibatch). */
    private Grads[] halves(byte[] frames, int[] rows, float[] act, float[] oldLogp, float[] adv, float[] ret) {
        int b = rows.length;
        int half = (b + 1) / 2;
        Part p0 = part(0, half);
        Part p1 = b > half ? part(1, b - half) : null;
        Runnable r0 = () -> p0.run(frames, rows, 0, half, act, oldLogp, adv, ret, b, true);
        if (p1 == null) {
            r0.run();
            account(p0);
            return new Grads[] {p0.g, null};
        }
        Runnable r1 = () -> p1.run(frames, rows, half, b - half, act, oldLogp, adv, ret, b, true);
        if (pool != null) {
            Future<?> f = pool.submit(r1);
            r0.run();
            join(f);
        } else {
            r0.run();
            r1.run();
        }
        account(p0);
        account(p1);
        return new Grads[] {p0.g, p1.g};
    }

    /**
     * Adam's state (step count and both moments of every weight array), to write beside a checkpoint and to
     * restore in place on resuming ({@link dev.racer.trainer.ppo.AdamState}).
     */
    public List<dev.racer.trainer.ppo.AdamState.Part> adamState() {
        List<float[]> moments = new ArrayList<>(Arrays.asList(mArrays));
        moments.addAll(Arrays.asList(vArrays));
        return List.of(new dev.racer.trainer.ppo.AdamState.Part(t, moments));
    }

    private void account(Part p) {
        epochSum[0] += p.pg;
        epochSum[1] += p.v;
        epochSum[2] += p.ent;
        epochSum[3] += p.kl;
        epochN += p.m;
    }

    /**
     * One Adam step on the gradient {@code g0 + g1} (the halves summed element by element, {@code g1} may be
     * null): one pass over the ~5.9 M values, its two halves on two threads when there are two.
     */
    private void adam(Grads g0, Grads g1) {
        long step = ++t[0];
        float alpha = (float) (lr * Math.sqrt(1 - Math.pow(B2, step)) / (1 - Math.pow(B1, step)));
        float[][] ga = g0.all;
        float[][] gb = g1 == null ? null : g1.all;
        if (pool != null) {
            Future<?> f = pool.submit(() -> adamRange(alpha, ga, gb, adamSplit, wArrays.length));
            adamRange(alpha, ga, gb, 0, adamSplit);
            join(f);
        } else {
            adamRange(alpha, ga, gb, 0, wArrays.length);
        }
        net.syncTransposes();
    }

    private void adamRange(float alpha, float[][] ga, float[][] gb, int from, int to) {
        float b1 = (float) B1, c1 = (float) (1 - B1), b2 = (float) B2, c2 = (float) (1 - B2), eps = (float) EPS;
        for (int a = from; a < to; a++) {
            float[] wa = wArrays[a], g0 = ga[a], g1 = gb == null ? null : gb[a], ma = mArrays[a], va = vArrays[a];
            for (int i = 0; i < wa.length; i++) {
                float gi = g1 == null ? g0[i] : g0[i] + g1[i];
                float mi = b1 * ma[i] + c1 * gi;
                float vi = b2 * va[i] + c2 * gi * gi;
                ma[i] = mi;
                va[i] = vi;
                wa[i] -= alpha * mi / ((float) Math.sqrt(vi) + eps);
            }
        }
    }

    /**
     * The loss terms {@code pg_loss, v_loss, entropy, approx_kl} over the {@code n} samples with the current
     * weights, advantages as given (as the graph's {@code evaluate}), {@code chunk} samples at a time.
     */
    public Map<String, Double> losses(byte[] frames, float[] act, float[] oldLogp, float[] adv, float[] ret, int n) {
        int chunk = 32;
        Part p = part(0, Math.min(chunk, n));
        double pg = 0, v = 0, ent = 0, kl = 0;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        for (int from = 0; from < n; from += p.cap) {
            int m = Math.min(p.cap, n - from);
            p.run(frames, rows, from, m, act, oldLogp, adv, ret, n, false);
            pg += p.pg;
            v += p.v;
            ent += p.ent;
            kl += p.kl;
        }
        return Map.of("pg_loss", -pg / n, "v_loss", v / n, "entropy", ent / n, "approx_kl", kl / n);
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
}
