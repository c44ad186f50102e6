package dev.racer.trainer.ppo;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One iteration's samples as shuffled minibatches for SameDiff's {@code fit(iterator, epochs)}: each epoch
 * (each {@link #reset()}) draws a new permutation from a seeded generator, and each minibatch's advantages
 * are normalised to mean 0, standard deviation 1 (CleanRL's {@code norm_adv}). The last partial minibatch
 * of an epoch is dropped unless it is the only one.
 */
final class Minibatches implements MultiDataSetIterator {
    private static final long serialVersionUID = 1L;

    private final float[] obs, act, oldLogp, adv, ret;
    private final int n, obsDim, actDim, batch;
    private final int[] perm;
    private final transient SplittableRandom random;
    private int pos;
    private int batchesPerEpoch;

    Minibatches(float[] obs, int obsDim, float[] act, int actDim, float[] oldLogp, float[] adv, float[] ret, int n,
                int batchSize, SplittableRandom random) {
        this.obs = obs;
        this.act = act;
        this.oldLogp = oldLogp;
        this.adv = adv;
        this.ret = ret;
        this.n = n;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.batch = Math.min(batchSize, n);
        this.random = random;
        perm = new int[n];
        batchesPerEpoch = Math.max(1, n / batch);
        shuffle();
    }

    int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    private void shuffle() {
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        pos = 0;
    }

    @Override
    public boolean hasNext() {
        return pos < batchesPerEpoch;
    }

    int batch() {
        return batch;
    }

    @Override
    public MultiDataSet next() {
        int b = batch;
        float[] o = new float[b * obsDim], a = new float[b * actDim], lp = new float[b], ad = new float[b], r = new float[b];
        fill(o, a, lp, ad, r);
        return new MultiDataSet(new INDArray[] {
            Nd4j.create(o, new long[] {b, obsDim}, 'c'),
            Nd4j.create(a, new long[] {b, actDim}, 'c'),
            Nd4j.create(lp, new long[] {b}, 'c'),
            Nd4j.create(ad, new long[] {b}, 'c'),
            Nd4j.create(r, new long[] {b}, 'c')}, new INDArray[0]);
    }

    /** Writes the next minibatch into the arrays (sizes {@code batch × ...}), advantages normalised. */
    void fill(float[] o, float[] a, float[] lp, float[] ad, float[] r) {
        fill(perm, pos * batch, batch, obs, obsDim, act, actDim, oldLogp, adv, ret, o, a, lp, ad, r);
        pos++;
    }

    /** This epoch's permutation (live; changes on {@link #reset()}). */
    int[] permutation() {
        return perm;
    }

    /**
     * Gathers samples {@code perm[start .. start + b)} into the minibatch arrays, advantages normalised to mean 0,
     * standard deviation 1 over the minibatch.
     */
    static void fill(int[] perm, int start, int b, float[] obs, int obsDim, float[] act, int actDim,
                     float[] oldLogp, float[] adv, float[] ret, float[] o, float[] a, float[] lp, float[] ad,
                     float[] r) {
        double mean = 0;
        for (int k = 0; k < b; k++) {
            int i = perm[start + k];
            System.arraycopy(obs, i * obsDim, o, k * obsDim, obsDim);
            System.arraycopy(act, i * actDim, a, k * actDim, actDim);
            lp[k] = oldLogp[i];
            ad[k] = adv[i];
            r[k] = ret[i];
            mean += ad[k];
        }
        mean /= b;
        double var = 0;
        for (int k = 0; k < b; k++) {
            var += (ad[k] - mean) * (ad[k] - mean);
        }
        double std = b > 1 ? Math.sqrt(var / (b - 1)) : 1;
        for (int k = 0; k < b; k++) {
            ad[k] = (float) ((ad[k] - mean) / (std + 1e-8));
        }
    }

    @Override
    public MultiDataSet next(int num) {
        return next();
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        shuffle();
    }
}
