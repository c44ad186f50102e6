package dev.racer.trainer.ppo;

import dev.racer.trainer.Mlp;
import dev.racer.trainer.NativeRuntime;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The actor and critic of clipped PPO as one SameDiff graph, with the clipped loss; saved in SameDiff's own
 * (FlatBuffers) format. Separate actor and critic MLPs with tanh hidden layers (CleanRL's layout).
 *
 * <p>Discrete actions: the actor's outputs are the logits of a categorical distribution. Continuous actions
 * (DeepRacer's clipped PPO, rl_coach's {@code PPOHead}): the actor's outputs are the means of a diagonal
 * Gaussian over normalised actions {@code u}, with a learned state-independent {@code log_std}; the action
 * sent to the car is {@code u} clipped to [-1, 1] ({@link #clipAction}) and scaled to the bounds, and the
 * greedy action is the clipped mean. The loss works on the unclipped {@code u}, as rl_coach's does. An
 * earlier Racer squashed {@code u} through tanh: its greedy {@code tanh(mean)} stayed at the lowest speed
 * while the saturating noise drove the sampled episodes fast (the policy leaned on the noise); clipping keeps
 * the mean's meaning linear inside the bounds, so the mean is the action the samples spread around.
 *
 * <p>Placeholders: {@code obs [B, obsDim]}, {@code act [B, A]} (one-hot, or {@code u}), {@code old_logp [B]},
 * {@code adv [B]}, {@code ret [B]}. Outputs: {@code loss}, {@code pg_loss}, {@code v_loss}, {@code entropy},
 * {@code approx_kl}.
 */
public final class PolicyNet {
    public static final String[] PLACEHOLDERS = {"obs", "act", "old_logp", "adv", "ret"};
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final SameDiff sd;
    private final int obsDim;
    private final int actDim;
    private final boolean discrete;
    private final int[] hidden;
    /** The convolutional preset (camera models), or null (MLP on the vector sensor). */
    private final String network;

    /** The hyper-parameters baked into the loss graph. */
    public record LossConfig(double clip, double valueCoef, double entropyCoef, boolean huber, double lr) {
    }

    /** A continuous policy's normalised action in [-1, 1]: {@code u} clipped (NaN gives 0, the centre). */
    /**
     * The largest {@code log_std} an update may leave: std 0.37 in normalised units (about 11° of steering, 0.6 m/s
     * of DeepRacer's 0.5–4 m/s box). A Gaussian's entropy grows with {@code log_std} without limit and its gradient
     * never fades, so DeepRacer's default entropy bonus (0.01), through Adam's normalised steps, keeps widening
     * the noise; with the action clipped to [-1, 1] the wider noise costs the policy little, and the policy answers
     * it by driving slower. Measured on reinvent_base with examples/continuous and race_line_speed.py (700k steps,
     * `racer train --steps 700000`): unbounded, {@code log_std} reached 2.5, the samples went bang-bang, the mean
     * slid under the speed floor and greedy laps went from 5.8 s to over 30 s; bounded at -0.5 (its initial value)
     * laps went from 5.5 s to 10 s; bounded here they stay at 5.9–7.3 s; without the entropy bonus 5.6–6.4 s.
     */
    public static final float MAX_LOG_STD = -1.0f;

    /** Caps {@code logStd} in place at {@link #MAX_LOG_STD}. */
    public static void boundLogStd(float[] logStd) {
        for (int i = 0; i < logStd.length; i++) {
            if (!(logStd[i] <= MAX_LOG_STD)) {
                logStd[i] = MAX_LOG_STD;
            }
        }
    }

    public static double clipAction(double u) {
        return u >= 1 ? 1 : u <= -1 ? -1 : u == u ? u : 0;
    }

    private PolicyNet(SameDiff sd, int obsDim, int actDim, boolean discrete, int[] hidden, String network) {
        this.sd = sd;
        this.network = network;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.discrete = discrete;
        this.hidden = hidden;
    }

    /** A new network with weights drawn from {@code seed} (scaled normal: gain/sqrt(fan-in); policy head 0.01). */
    public static PolicyNet create(int obsDim, int actDim, boolean discrete, int[] hidden, LossConfig loss, long seed) {
        return build(obsDim, actDim, discrete, hidden, loss, seed, null, 0, false);
    }

    /**
     * A new camera network: the convolutional torso {@code network} ({@link ConvTorso}) over {@code channels}
     * 120×160 frames, shared by a linear actor head and a linear critic head.
     */
    public static PolicyNet createCamera(String network, int channels, int actDim, boolean discrete, LossConfig loss,
                                         long seed) {
        return build(channels * ConvTorso.HEIGHT * ConvTorso.WIDTH, actDim, discrete, new int[0], loss, seed, network,
                channels, false);
    }

    /** A camera network with channels-last convolutions ({@code nhwc}; benchmarks only, not the model format). */
    static PolicyNet createCamera(String network, int channels, int actDim, boolean discrete, LossConfig loss,
                                  long seed, boolean nhwc) {
        return build(channels * ConvTorso.HEIGHT * ConvTorso.WIDTH, actDim, discrete, new int[0], loss, seed, network,
                channels, nhwc);
    }

    private static PolicyNet build(int obsDim, int actDim, boolean discrete, int[] hidden, LossConfig loss, long seed,
                                   String network, int channels, boolean nhwc) {
        NativeRuntime.init();
        SameDiff sd = SameDiff.create();
        SplittableRandom rnd = new SplittableRandom(seed);
        SDVariable obs = sd.placeHolder("obs", DataType.FLOAT, -1, obsDim);
        SDVariable act = sd.placeHolder("act", DataType.FLOAT, -1, actDim);
        SDVariable oldLogp = sd.placeHolder("old_logp", DataType.FLOAT, -1);
        SDVariable adv = sd.placeHolder("adv", DataType.FLOAT, -1);
        SDVariable ret = sd.placeHolder("ret", DataType.FLOAT, -1);

        SDVariable features = obs;
        int featureDim = obsDim;
        if (network != null) {
            features = ConvTorso.build(sd, obs, network, channels, rnd, nhwc);
            featureDim = ConvTorso.FEATURES;
        }
        SDVariable out = mlp(sd, "pi", features, featureDim, hidden, actDim, 0.01, rnd).rename("pi_out");
        SDVariable vOut = mlp(sd, "v", features, featureDim, hidden, 1, 1.0, rnd);
        SDVariable value = sd.reshape("value", vOut, -1L);
        sd.nn.softmax("probs", out, 1);

        SDVariable newLogp;
        SDVariable entropy;
        if (discrete) {
            SDVariable logpAll = sd.nn.logSoftmax(out, 1);
            newLogp = logpAll.mul(act).sum(1);
            entropy = sd.math.exp(logpAll).mul(logpAll).sum(1).neg().mean("entropy");
        } else {
            SDVariable logStd = sd.var("log_std", Nd4j.zeros(DataType.FLOAT, actDim).addi(-0.5));
            SDVariable z = act.sub(out).div(sd.math.exp(logStd));
            newLogp = z.mul(z).mul(-0.5).sub(logStd).sub(LOG_SQRT_2PI).sum(1);
            entropy = logStd.add(0.5 + LOG_SQRT_2PI).sum().rename("entropy");
        }
        newLogp.rename("logp");
        SDVariable logRatio = newLogp.sub(oldLogp);
        SDVariable ratio = sd.math.exp(logRatio);
        SDVariable pg1 = adv.mul(ratio);
        SDVariable pg2 = adv.mul(sd.math.clipByValue(ratio, 1 - loss.clip(), 1 + loss.clip()));
        // min(pg1, pg2) written as pg1 - relu(pg1 - pg2): SameDiff's min() sends the full gradient to both inputs
        // when they tie (every ratio inside the clip range), which would double the policy gradient there
        SDVariable pgLoss = pg1.sub(sd.nn.relu(pg1.sub(pg2), 0)).mean().neg().rename("pg_loss");
        SDVariable diff = value.sub(ret);
        SDVariable vLoss;
        if (loss.huber()) {
            // Huber with delta 1: 0.5 q^2 + (|d| - q), q = min(|d|, 1)
            SDVariable e = sd.math.abs(diff);
            SDVariable q = sd.math.clipByValue(e, 0, 1);
            vLoss = q.mul(q).mul(0.5).add(e.sub(q)).mean().rename("v_loss");
        } else {
            vLoss = diff.mul(diff).mul(0.5).mean().rename("v_loss");
        }
        SDVariable total = pgLoss.add(vLoss.mul(loss.valueCoef())).sub(entropy.mul(loss.entropyCoef())).rename("loss");
        ratio.sub(1.0).sub(logRatio).mean("approx_kl");
        sd.setLossVariables(total);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(loss.lr(), 0.9, 0.999, 1e-5))
                .dataSetFeatureMapping(PLACEHOLDERS)
                .markLabelsUnused()
                .build());
        return new PolicyNet(sd, obsDim, actDim, discrete, hidden, network);
    }

    private static SDVariable mlp(SameDiff sd, String prefix, SDVariable x, int in, int[] hidden, int out,
                                  double headGain, SplittableRandom rnd) {
        SDVariable h = x;
        int nIn = in;
        for (int l = 0; l <= hidden.length; l++) {
            int nOut = l < hidden.length ? hidden[l] : out;
            double gain = l < hidden.length ? Math.sqrt(2) : headGain;
            float[] w = new float[nIn * nOut];
            double std = gain / Math.sqrt(nIn);
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (rnd.nextGaussian() * std);
            }
            SDVariable wv = sd.var(prefix + "_w" + l, Nd4j.create(w, new long[] {nIn, nOut}, 'c'));
            SDVariable bv = sd.var(prefix + "_b" + l, Nd4j.zeros(DataType.FLOAT, nOut));
            h = h.mmul(wv).add(bv);
            if (l < hidden.length) {
                h = sd.math.tanh(h);
            }
            nIn = nOut;
        }
        return h;
    }

    // ---------------------------------------------------------------- training

    /** One Adam step on a minibatch; arrays are {@code [B, ...]} row-major. */
    public void fit(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int batch) {
        MultiDataSet mds = new MultiDataSet(arrays(obs, act, oldLogp, adv, ret, batch), new INDArray[0]);
        sd.fit(mds);
    }

    /**
     * {@code epochs} passes over shuffled minibatches of {@code batchSize} samples (one SameDiff fit call: its
     * per-call set-up is paid once).
     */
    public void fitEpochs(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int n, int batchSize,
                          int epochs, SplittableRandom random) {
        Minibatches it = new Minibatches(obs, obsDim, act, actDim, oldLogp, adv, ret, n, batchSize, random);
        sd.fit(it, epochs);
        if (!discrete) {
            float[] ls = logStd();
            boundLogStd(ls);
            set("log_std", ls);
        }
    }

    /** The loss gradient with respect to the named variables (tests). */
    Map<String, float[]> gradients(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int batch,
                                   String... variables) {
        INDArray[] a = arrays(obs, act, oldLogp, adv, ret, batch);
        Map<String, INDArray> ph = new HashMap<>();
        for (int i = 0; i < PLACEHOLDERS.length; i++) {
            ph.put(PLACEHOLDERS[i], a[i]);
        }
        Map<String, float[]> out = new HashMap<>();
        sd.calculateGradients(ph, variables).forEach((k, v) -> out.put(k, flat(v)));
        return out;
    }

    /** Evaluates the named outputs (scalars) on a batch. */
    public Map<String, Double> evaluate(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int batch,
                                        String... outputs) {
        INDArray[] a = arrays(obs, act, oldLogp, adv, ret, batch);
        Map<String, INDArray> ph = new HashMap<>();
        for (int i = 0; i < PLACEHOLDERS.length; i++) {
            ph.put(PLACEHOLDERS[i], a[i]);
        }
        Map<String, INDArray> out = sd.output(ph, outputs);
        Map<String, Double> m = new HashMap<>();
        out.forEach((k, v) -> m.put(k, v.getDouble(0)));
        return m;
    }

    private INDArray[] arrays(float[] obs, float[] act, float[] oldLogp, float[] adv, float[] ret, int batch) {
        return new INDArray[] {
            Nd4j.create(obs, new long[] {batch, obsDim}, 'c'),
            Nd4j.create(act, new long[] {batch, actDim}, 'c'),
            Nd4j.create(oldLogp, new long[] {batch}, 'c'),
            Nd4j.create(adv, new long[] {batch}, 'c'),
            Nd4j.create(ret, new long[] {batch}, 'c')};
    }

    // ---------------------------------------------------------------- plain-Java copies for rollouts

    /** The graph itself (benchmarks: its inference sessions' memory managers). */
    SameDiff sameDiff() {
        return sd;
    }

    /** Whether this is a camera network (no plain-Java copy: rollouts run it through {@link #forward}). */
    public boolean camera() {
        return network != null;
    }

    /**
     * The actor's outputs ({@code [batch * actDim]}) and the critic's values ({@code [batch]}) for {@code batch}
     * observations, through SameDiff. Synchronized: worker threads share the graph.
     */
    public synchronized float[][] forward(float[] obs, int batch) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("obs", Nd4j.create(obs, new long[] {batch, obsDim}, 'c'));
        Map<String, INDArray> out = sd.output(ph, "pi_out", "value");
        return new float[][] {flat(out.get("pi_out")), flat(out.get("value"))};
    }

    /** Copies the actor's weights into a plain-Java MLP (allocates it). */
    public Mlp actor() {
        return toMlp("pi", actDim);
    }

    /** Copies the critic's weights into a plain-Java MLP (allocates it). */
    public Mlp critic() {
        return toMlp("v", 1);
    }

    /** Copies the actor's and critic's weights into existing MLPs of the right shape. */
    public void copyTo(Mlp actor, Mlp critic) {
        copy("pi", actor);
        copy("v", critic);
    }

    /** The Gaussian's log standard deviations (continuous), or an empty array. */
    public float[] logStd() {
        return discrete ? new float[0] : flat(sd.getVariable("log_std").getArr());
    }

    private Mlp toMlp(String prefix, int out) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = obsDim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = out;
        Mlp m = new Mlp(sizes);
        copy(prefix, m);
        return m;
    }

    private void copy(String prefix, Mlp m) {
        for (int l = 0; l < m.layers(); l++) {
            float[] w = flat(sd.getVariable(prefix + "_w" + l).getArr());
            float[] b = flat(sd.getVariable(prefix + "_b" + l).getArr());
            System.arraycopy(w, 0, m.weights(l), 0, w.length);
            System.arraycopy(b, 0, m.biases(l), 0, b.length);
        }
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toFloatVector();
    }

    /** Writes the weights of plain-Java MLPs (and log_std) back into the graph (after a {@link JavaUpdate}). */
    public void setFrom(Mlp actor, Mlp critic, float[] logStd) {
        for (int l = 0; l < actor.layers(); l++) {
            set("pi_w" + l, actor.weights(l));
            set("pi_b" + l, actor.biases(l));
        }
        for (int l = 0; l < critic.layers(); l++) {
            set("v_w" + l, critic.weights(l));
            set("v_b" + l, critic.biases(l));
        }
        if (!discrete) {
            set("log_std", logStd);
        }
    }

    /** A variable's values, flat in c order (the camera network's plain-Java copy). */
    public float[] values(String variable) {
        return flat(sd.getVariable(variable).getArr());
    }

    /** Sets a variable's values (tests and hand-built networks). */
    public void set(String variable, float[] values) {
        INDArray arr = sd.getVariable(variable).getArr();
        arr.assign(Nd4j.create(values, arr.shape(), 'c'));
    }

    public List<String> variableNames() {
        List<String> names = new ArrayList<>();
        sd.variables().forEach(v -> {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                names.add(v.name());
            }
        });
        return names;
    }

    public int obsDim() {
        return obsDim;
    }

    public int actDim() {
        return actDim;
    }

    public boolean discrete() {
        return discrete;
    }

    public int[] hidden() {
        return hidden.clone();
    }

    // ---------------------------------------------------------------- files

    /** Saves the graph, weights and (if {@code withUpdater}) Adam's state, atomically. */
    public void save(Path file, boolean withUpdater) {
        try {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.createDirectories(file.toAbsolutePath().getParent());
            sd.save(tmp.toFile(), withUpdater);
            dev.racer.io.AtomicFiles.move(tmp, file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a network saved by {@link #save}. */
    public static PolicyNet load(Path file, int obsDim, int actDim, boolean discrete, int[] hidden) {
        return load(file, obsDim, actDim, discrete, hidden, null);
    }

    /** Loads a camera network saved by {@link #save} ({@code network}: its preset). */
    public static PolicyNet loadCamera(Path file, String network, int channels, int actDim, boolean discrete) {
        return load(file, channels * ConvTorso.HEIGHT * ConvTorso.WIDTH, actDim, discrete, new int[0], network);
    }

    private static PolicyNet load(Path file, int obsDim, int actDim, boolean discrete, int[] hidden, String network) {
        NativeRuntime.init();
        File f = file.toFile();
        if (!f.isFile()) {
            throw new IllegalArgumentException(file + ": network weights not found");
        }
        SameDiff sd;
        try {
            sd = SameDiff.load(f, true);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": cannot read the network (" + e.getMessage() + ")", e);
        }
        if (network != null) {
            long[] in = sd.getVariable("obs") == null ? null : sd.getVariable("obs").getShape();
            if (sd.getVariable(ConvTorso.FIRST_WEIGHTS) == null || in == null || in[in.length - 1] != obsDim) {
                throw new IllegalArgumentException(file + ": the network does not match model_metadata.json (expects"
                        + " a convolutional " + network + " with " + obsDim + " inputs)");
            }
        } else if (sd.getVariable("pi_w0") == null || sd.getVariable("pi_w0").getShape()[0] != obsDim) {
            throw new IllegalArgumentException(file + ": the network does not match model_metadata.json (expects "
                    + obsDim + " inputs)");
        }
        return new PolicyNet(sd, obsDim, actDim, discrete, hidden, network);
    }
}
