package dev.racer.trainer.ppo;

import dev.racer.race.Driver;
import dev.racer.race.EpisodeStatus;
import dev.racer.race.RaceSession;
import dev.racer.race.RacingEnv;
import dev.racer.race.ResetOptions;
import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;
import dev.racer.trainer.EnvSpec;
import dev.racer.trainer.Evaluation;
import dev.racer.trainer.Mlp;
import dev.racer.trainer.ModelDriverProvider;
import dev.racer.trainer.conv.ConvNet;
import dev.racer.trainer.conv.ConvUpdate;
import dev.racer.model.Hyperparameters;
import dev.racer.model.ModelMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Clipped PPO (Schulman et al. 2017) in one file, CleanRL style: collect episodes, compute advantages,
 * update. DeepRacer's hyper-parameters drive it ({@code num_episodes_between_training} episodes per
 * iteration, then {@code num_epochs} passes over minibatches of {@code batch_size}, Adam at {@code lr} with
 * ε 1e-5, value loss per {@code loss_type}, entropy bonus {@code beta_entropy}, discount
 * {@code discount_factor}); {@link Config} holds the rest.
 *
 * <p>Rollouts never touch ND4J: the actor and critic are copied into plain-Java {@link Mlp}s after each
 * update, and {@code workers} threads each run whole episodes with their own environment (one per thread,
 * reused), reward function and scratch buffers. Episode {@code e} draws its randomness from {@code (seed, e)}
 * alone and starts where the environment's round robin puts episode {@code e}; results are gathered in episode
 * order, so a run is reproducible whatever the number of workers. The greedy evaluation after each update races
 * one-lap races under the race session's rules ({@link Evaluation}). The update runs
 * batched in plain Java ({@link JavaUpdate}, default) or in SameDiff ({@link PolicyNet}); the weights live in
 * the SameDiff graph for the model files either way. Camera models ({@link ConvTorso}) run their rollouts
 * through a plain-Java copy of the network ({@link ConvNet}, no lock) in lock-step ({@link Lockstep}: each worker
 * thread runs a group of episodes side by side, one batched forward per step for all of them, and so do the
 * greedy evaluation laps; the same episodes bit for bit as one at a time) and, with
 * discrete actions and {@code java}, their update too ({@link ConvUpdate}, frames kept as bytes); a camera
 * update stops at the run's {@link #deadline} (the minibatches done are kept), and so does the evaluation
 * after it. Their results are reproducible in the same way.
 */
public final class ClippedPpo implements AutoCloseable {

    /**
     * PPO settings that DeepRacer's hyperparameters.json does not cover.
     *
     * @param clip         ratio clip ε
     * @param gaeLambda    GAE λ
     * @param valueCoef    weight of the value loss
     * @param evalEpisodes greedy evaluation episodes after each iteration (spread evenly round the lap), each a
     *                     one-lap race under {@link Evaluation#RULES}
     * @param update       {@code java} (default): the loss and Adam written out in plain Java
     *                     ({@link JavaUpdate}), about 20× faster for these small networks; {@code samediff}: the
     *                     loss graph trained by SameDiff's Adam
     */
    public record Config(double clip, double gaeLambda, double valueCoef, int evalEpisodes, String update) {
        public static final Config DEFAULT = new Config(0.2, 0.95, 0.5, 3, "java");

        public Config {
            if (!update.equals("samediff") && !update.equals("java")) {
                throw new IllegalArgumentException("update must be samediff or java, got " + update);
            }
        }

        public Config withUpdate(String u) {
            return new Config(clip, gaeLambda, valueCoef, evalEpisodes, u);
        }
    }

    /** One episode's samples and outcome. Arrays may be longer than {@code steps}. */
    public static final class Episode {
        float[] obs, act, logp, value, reward;
        /** Camera frames as grey levels (plain-Java camera update), instead of {@link #obs}. */
        byte[] frames;
        int steps;
        double bootstrap;     // value after the last step (0 when terminated)
        public double totalReward;
        public double progress;
        public EpisodeStatus status;
        public int startRow;
        /** The steps as sim-trace rows, when this episode was chosen for a trace (else null). */
        public List<TraceStep> trace;
        /**
         * Where the boxes stood in a traced episode, each {@code {x, y, heading}} ({@code NAME.objects.json} beside
         * the trace); null: none on the track, or not traced.
         */
        public double[][] boxes;
        /** Index of the episode in its iteration (or evaluation), from 0. */
        public int indexInIteration;
        /** An evaluation episode's lap: completion, lap time, mean speed (null for a training episode). */
        public Evaluation.Lap lap;

        public int steps() {
            return steps;
        }

        /** Sets the step count (episodes collected by another algorithm: SAC). */
        public void setSteps(int n) {
            steps = n;
        }

        public boolean lapComplete() {
            return status == EpisodeStatus.LAP_COMPLETE;
        }
    }

    /**
     * One step of a traced episode, as {@link dev.racer.trace.SimTraceWriter} writes it.
     *
     * @param params   the reward parameters after the step (a copy)
     * @param action   the discrete action index, or -1
     * @param carSpeed the car's actual speed [m/s]
     * @param time     simulation time since the episode's start [s]; the first step of a trace is the reset
     *                 state, status {@link EpisodeStatus#PREPARE}
     */
    public record TraceStep(RewardParams params, int action, double reward, boolean done, EpisodeStatus status,
                            double carSpeed, double time) {
    }

    /** What one iteration did. */
    public record IterationStats(List<Episode> episodes, List<Episode> evaluation, int steps, double rolloutSeconds,
                                 double updateSeconds, Map<String, Double> losses) {
    }

    private final EnvSpec env;
    private final ModelMetadata meta;
    private final Hyperparameters hp;
    private final Config config;
    private final long seed;
    private final PolicyNet net;
    private final Mlp actor;
    private final Mlp critic;
    private final float[] logStd;
    private final int obsDim;
    private final int actDim;
    private final ExecutorService pool;
    private final List<RewardFunction> rewards = new ArrayList<>();
    private final ThreadLocal<Worker> workers;
    private final JavaUpdate javaUpdate;
    /** The camera network in plain Java (camera models), else null. */
    private final ConvNet convNet;
    /** The camera update in plain Java (camera models, discrete actions, {@code java}), else null. */
    private final ConvUpdate convUpdate;
    /** Camera models: one lock-step group of episodes per worker thread ({@link Lockstep}), else empty. */
    private final List<Lockstep> lanes = new ArrayList<>();
    /** Whether camera rollouts run in lock-step (else one episode per task, a batch-1 forward per step). */
    private boolean lockstep = true;
    /** {@link System#nanoTime()} at which a camera update and the evaluation after it stop. */
    private volatile long deadline = Long.MAX_VALUE;

    /** A new learner; {@code net} is a fresh or resumed network matching {@code meta}. */
    public ClippedPpo(EnvSpec env, ModelMetadata meta, Hyperparameters hp, Config config, PolicyNet net, long seed,
                      int workerThreads) {
        this.env = env;
        this.meta = meta;
        this.hp = hp;
        this.config = config;
        this.seed = seed;
        this.net = net;
        this.obsDim = net.obsDim();
        this.actDim = net.actDim();
        boolean camera = net.camera();
        this.actor = camera ? null : net.actor();
        this.critic = camera ? null : net.critic();
        this.logStd = net.logStd();
        this.javaUpdate = config.update().equals("java") && !camera
                ? new JavaUpdate(actor, critic, logStd, meta.discrete(), lossConfig(hp, config), Math.min(2, workerThreads))
                : null;
        this.convNet = camera ? new ConvNet(meta.neuralNetwork(), meta.cameraChannels(), actDim) : null;
        if (convNet != null) {
            convNet.read(net::values);
        }
        this.convUpdate = camera && meta.discrete() && config.update().equals("java")
                ? new ConvUpdate(convNet, config.clip(), config.valueCoef(), hp.betaEntropy(),
                        hp.lossType().equals("huber"), hp.lr(), Math.min(2, workerThreads))
                : null;
        if (camera) {
            int per = (Math.max(hp.numEpisodesBetweenTraining(), config.evalEpisodes()) + workerThreads - 1)
                    / workerThreads;
            for (int g = 0; g < workerThreads; g++) {
                lanes.add(new Lockstep(env, meta, convNet, this::newReward, Math.clamp(per, 1, MAX_SLOTS), logStd,
                        convUpdate != null));
            }
        }
        this.pool = Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, "racer-rollout");
            t.setDaemon(true);
            return t;
        });
        this.workers = ThreadLocal.withInitial(() -> {
            RewardFunction rf = newReward(); // once per worker thread
            Policy p = camera ? new CameraPolicy(convNet.new Inference(1))
                    : new MlpPolicy(actor.copy(), critic.copy());
            // one environment per worker, reused for every episode it runs (training and evaluation)
            RacingEnv racing = env.newEnv(rf, meta.newSensor(), meta.actionSpace());
            Driver greedy = ModelDriverProvider.driver("greedy", meta, o -> p.forward(o, null));
            return new Worker(p, rf, racing, Evaluation.session(racing, greedy));
        });
    }

    /** Episodes a lock-step group runs side by side at most (a batch of 16 frames: ~0.83 ms a frame, 1.06 alone). */
    static final int MAX_SLOTS = 16;

    /** A reward function for one worker thread or lock-step slot, closed with the learner. */
    private RewardFunction newReward() {
        RewardFunction rf = env.loadReward();
        synchronized (rewards) {
            rewards.add(rf);
        }
        return rf;
    }

    /**
     * Whether camera rollouts and evaluations run in lock-step ({@link Lockstep}, the default) or one episode per
     * pool task with a batch-1 forward per step; the results are the same bit for bit.
     */
    void lockstep(boolean on) {
        this.lockstep = on;
    }

    /** A fresh network for {@code meta} and {@code hp}, initialised from {@code seed}. */
    public static PolicyNet newNetwork(ModelMetadata meta, Hyperparameters hp, Config config, long seed) {
        if (meta.camera()) {
            return PolicyNet.createCamera(meta.neuralNetwork(), meta.cameraChannels(),
                    meta.actionSpace().policyOutputs(), meta.discrete(), lossConfig(hp, config), seed);
        }
        int obsDim = meta.newSensor().size();
        int actDim = meta.actionSpace().policyOutputs();
        int[] hidden = meta.hiddenLayers().stream().mapToInt(Integer::intValue).toArray();
        return PolicyNet.create(obsDim, actDim, meta.discrete(), hidden, lossConfig(hp, config), seed);
    }

    static PolicyNet.LossConfig lossConfig(Hyperparameters hp, Config config) {
        return new PolicyNet.LossConfig(config.clip(), config.valueCoef(), hp.betaEntropy(),
                hp.lossType().equals("huber"), hp.lr());
    }

    public PolicyNet network() {
        return net;
    }

    /**
     * The run's end ({@link System#nanoTime()}): a camera update in progress stops at the next minibatch once
     * it has passed, and the greedy evaluation after it is skipped, so a run ends close to its budget.
     */
    public void deadline(long nanoTime) {
        this.deadline = nanoTime;
    }

    // =================================================================================== one iteration

    /**
     * Collects {@code num_episodes_between_training} episodes (global indices from {@code firstEpisode}),
     * updates the networks, then runs the greedy evaluation episodes. {@code stop} abandons the rollout (the
     * networks are then left as they were) and returns null.
     */
    public IterationStats iterate(long firstEpisode, BooleanSupplier stop) {
        long t0 = System.nanoTime();
        List<Episode> eps = collect(firstEpisode, hp.numEpisodesBetweenTraining(), false, stop);
        if (eps == null) {
            return null;
        }
        long t1 = System.nanoTime();
        Batch batch = advantages(eps);
        BooleanSupplier cut = () -> stop.getAsBoolean() || System.nanoTime() - deadline >= 0;
        Map<String, Double> losses = update(batch, firstEpisode, convNet != null ? cut : stop);
        long t2 = System.nanoTime();
        List<Episode> eval = evaluate(convNet != null ? cut : stop);
        return new IterationStats(eps, eval == null ? List.of() : eval, batch.n, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                losses);
    }

    /** Greedy episodes from {@link Config#evalEpisodes()} starts spread round the lap; null if stopped. */
    public List<Episode> evaluate(BooleanSupplier stop) {
        return collect(0, config.evalEpisodes(), true, stop);
    }

    // =================================================================================== rollout

    private record Worker(Policy policy, RewardFunction reward, RacingEnv env, RaceSession evaluation) {
    }

    /** The networks as a rollout sees them; one instance per worker thread. */
    interface Policy {
        /** The actor's outputs for {@code o}; also the critic's value into {@code value[0]} if not null. */
        float[] forward(float[] o, float[] value);

        /** The critic's value for {@code o}. */
        float value(float[] o);
    }

    /** Plain-Java MLPs (microseconds a step). */
    record MlpPolicy(Mlp actor, Mlp critic) implements Policy {
        @Override
        public float[] forward(float[] o, float[] value) {
            float[] out = actor.forward(o);
            if (value != null) {
                value[0] = critic.forward(o)[0];
            }
            return out;
        }

        @Override
        public float value(float[] o) {
            return critic.forward(o)[0];
        }
    }

    /** A camera network in plain Java, one observation at a time, this worker's scratch. */
    record CameraPolicy(ConvNet.Inference net, float[] out, float[] v) implements Policy {
        CameraPolicy(ConvNet.Inference net) {
            this(net, new float[net.actDim()], new float[1]);
        }

        @Override
        public float[] forward(float[] o, float[] value) {
            net.forward(o, 1, out, v);
            if (value != null) {
                value[0] = v[0];
            }
            return out.clone();
        }

        @Override
        public float value(float[] o) {
            net.forward(o, 1, out, v);
            return v[0];
        }
    }

    private List<Episode> collect(long firstEpisode, int count, boolean greedy, BooleanSupplier stop) {
        if (convNet != null && lockstep) {
            return collectLockstep(firstEpisode, count, greedy, stop);
        }
        List<Future<Episode>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long e = firstEpisode + i;
            int idx = i;
            futures.add(pool.submit(() -> {
                if (stop.getAsBoolean()) {
                    return null;
                }
                Worker w = workers.get();
                long episodeSeed = EnvSpec.mix(seed, greedy ? -1 - idx : e);
                Episode ep;
                if (greedy) {
                    // traced, every one (cheap)
                    ep = evaluationEpisode(w.evaluation(), episodeSeed, env.evalRow(idx, count));
                } else {
                    // traced: the first sampled episode of an iteration
                    ep = runEpisode(w.env(), ResetOptions.roundRobin(e), w.policy(), episodeSeed, idx == 0, stop);
                }
                if (ep != null) {
                    ep.indexInIteration = idx;
                }
                return ep;
            }));
        }
        List<Episode> out = new ArrayList<>(count);
        for (Future<Episode> f : futures) {
            try {
                Episode ep = f.get();
                if (ep == null) {
                    futures.forEach(x -> x.cancel(false));
                    return null;
                }
                out.add(ep);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException ex) {
                Throwable c = ex.getCause();
                throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
            }
        }
        return out;
    }

    /**
     * {@link #collect} for camera models: the episodes shared by the lock-step groups (one pool task each, each
     * group up to three quarters of its share of the episodes side by side), gathered by episode index.
     */
    private List<Episode> collectLockstep(long firstEpisode, int count, boolean greedy, BooleanSupplier stop) {
        if (count == 0) {
            return new ArrayList<>();
        }
        int groups = Math.min(lanes.size(), count);
        // three quarters of a group's share side by side; the rest go to whichever slots free first, which evens
        // the threads' work out when the episodes differ in length (a batch of 8 gets most of 16's gain)
        int share = (count + groups - 1) / groups;
        int slots = (3 * share + 3) / 4;
        Episode[] into = new Episode[count];
        AtomicInteger next = new AtomicInteger();
        List<Future<Boolean>> futures = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            Lockstep lane = lanes.get(g);
            futures.add(pool.submit(() -> greedy
                    ? lane.evaluate(count, seed, env::evalRow, slots, next, into, stop)
                    : lane.train(firstEpisode, count, seed, slots, next, into, stop)));
        }
        // every group waited for, even after a failure: a group still running would share its slots with the next call
        boolean complete = true;
        RuntimeException failure = null;
        for (Future<Boolean> f : futures) {
            try {
                complete &= f.get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException ex) {
                Throwable c = ex.getCause();
                if (failure == null) {
                    failure = c instanceof RuntimeException r ? r : new IllegalStateException(c);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return complete ? Arrays.asList(into) : null;
    }

    /** The boxes now on the track, each {@code {x, y, heading}}; null when there are none (a traced episode's). */
    public static double[][] boxes(dev.racer.world.WorldObjects o) {
        if (o.count() == 0) {
            return null;
        }
        double[][] b = new double[o.count()][];
        for (int i = 0; i < b.length; i++) {
            b[i] = new double[] {o.x(i), o.y(i), o.heading(i)};
        }
        return b;
    }

    /** One greedy evaluation lap from {@code row} under the race session's rules, traced (SAC's too). */
    public static Episode evaluationEpisode(RaceSession session, long episodeSeed, int row) {
        EvaluationRun run = new EvaluationRun(session);
        run.start(episodeSeed, row);
        while (!run.step()) {
            // row by row until the lap ends
        }
        return run.finish();
    }

    /** Runs one training episode with the sampled current policy, reusing {@code racing}. */
    Episode runEpisode(RacingEnv racing, ResetOptions start, Policy policy, long episodeSeed, boolean traced,
                       BooleanSupplier stop) {
        EpisodeRun run = new EpisodeRun(meta.actionSpace(), obsDim, actDim, logStd, convUpdate != null);
        run.start(racing, start, episodeSeed, traced);
        float[] value = new float[1];
        while (true) {
            float[] out = policy.forward(run.observation(), value);
            if (run.act(out, 0, value[0])) {
                return run.finish(run.truncated() ? policy.value(run.lastObservation()) : 0);
            }
            if ((run.steps() & 1023) == 0 && stop.getAsBoolean()) {
                return null;
            }
        }
    }

    static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    static void softmax(float[] logits, float[] probs) {
        softmax(logits, 0, logits.length, probs);
    }

    /** {@code probs[0 .. n) = softmax(logits[off .. off + n))}. */
    static void softmax(float[] logits, int off, int n, float[] probs) {
        int best = off;
        for (int i = off + 1; i < off + n; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        float max = logits[best];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(logits[off + i] - max);
            probs[i] = (float) e;
            sum += e;
        }
        for (int i = 0; i < n; i++) {
            probs[i] /= (float) sum;
        }
    }

    static int sampleCategorical(float[] logits, float[] probs, SplittableRandom rnd) {
        return sampleCategorical(logits, 0, logits.length, probs, rnd);
    }

    /** An index drawn from the softmax of {@code logits[off .. off + n)}, whose probabilities land in {@code probs}. */
    static int sampleCategorical(float[] logits, int off, int n, float[] probs, SplittableRandom rnd) {
        softmax(logits, off, n, probs);
        double x = rnd.nextDouble();
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += probs[i];
            if (x < acc) {
                return i;
            }
        }
        return n - 1;
    }

    // =================================================================================== advantages

    /** All samples of an iteration, in episode order. */
    static final class Batch {
        float[] obs, act, logp, adv, ret;
        byte[] frames;
        int n;
    }

    Batch advantages(List<Episode> eps) {
        Batch b = new Batch();
        for (Episode e : eps) {
            b.n += e.steps;
        }
        boolean bytes = convUpdate != null;
        if (bytes) {
            b.frames = new byte[b.n * obsDim];
        } else {
            b.obs = new float[b.n * obsDim];
        }
        b.act = new float[b.n * actDim];
        b.logp = new float[b.n];
        b.adv = new float[b.n];
        b.ret = new float[b.n];
        int at = 0;
        float[] adv = new float[0], ret = new float[0];
        for (Episode e : eps) {
            if (adv.length < e.steps) {
                adv = new float[e.steps];
                ret = new float[e.steps];
            }
            Gae.compute(e.reward, e.value, 0, e.steps, e.bootstrap, hp.discountFactor(), config.gaeLambda(), adv, ret);
            if (bytes) {
                System.arraycopy(e.frames, 0, b.frames, at * obsDim, e.steps * obsDim);
            } else {
                System.arraycopy(e.obs, 0, b.obs, at * obsDim, e.steps * obsDim);
            }
            System.arraycopy(e.act, 0, b.act, at * actDim, e.steps * actDim);
            System.arraycopy(e.logp, 0, b.logp, at, e.steps);
            System.arraycopy(adv, 0, b.adv, at, e.steps);
            System.arraycopy(ret, 0, b.ret, at, e.steps);
            at += e.steps;
        }
        return b;
    }

    // =================================================================================== update

    /** {@code num_epochs} passes over shuffled minibatches, then copies the weights for the next rollout. */
    Map<String, Double> update(Batch b, long firstEpisode, BooleanSupplier stop) {
        SplittableRandom shuffle = new SplittableRandom(EnvSpec.mix(seed ^ 0x5DEECE66DL, firstEpisode));
        if (convUpdate != null) {
            convUpdate.fitEpochs(b.frames, b.act, b.logp, b.adv, b.ret, b.n, hp.batchSize(), hp.numEpochs(), shuffle,
                    stop);
            convNet.write(net::set); // the graph keeps the weights for the model files
            return convUpdate.lastLosses();
        }
        if (javaUpdate != null) {
            javaUpdate.fitEpochs(b.obs, b.act, b.logp, b.adv, b.ret, b.n, hp.batchSize(), hp.numEpochs(), shuffle);
            net.setFrom(actor, critic, logStd); // the graph keeps the weights for the model files
            return javaUpdate.losses(b.obs, b.act, b.logp, b.adv, b.ret, b.n);
        }
        net.fitEpochs(b.obs, b.act, b.logp, b.adv, b.ret, b.n, hp.batchSize(), hp.numEpochs(), shuffle);
        Map<String, Double> losses = net.camera() ? chunkedLosses(b)
                : net.evaluate(b.obs, b.act, b.logp, b.adv, b.ret, b.n, "pg_loss", "v_loss", "entropy", "approx_kl");
        if (actor != null) {
            net.copyTo(actor, critic);
        }
        if (convNet != null) {
            convNet.read(net::values);
        }
        System.arraycopy(net.logStd(), 0, logStd, 0, logStd.length);
        return losses;
    }

    /**
     * The losses of a camera network over the iteration's samples, {@value #LOSS_CHUNK} frames at a time (the
     * convolutions' activations for a whole iteration at once would take gigabytes); all four are means, so
     * the chunks' values are averaged weighted by their sizes.
     */
    private Map<String, Double> chunkedLosses(Batch b) {
        String[] names = {"pg_loss", "v_loss", "entropy", "approx_kl"};
        double[] sum = new double[names.length];
        for (int from = 0; from < b.n; from += LOSS_CHUNK) {
            int n = Math.min(LOSS_CHUNK, b.n - from);
            Map<String, Double> m = net.evaluate(
                    Arrays.copyOfRange(b.obs, from * obsDim, (from + n) * obsDim),
                    Arrays.copyOfRange(b.act, from * actDim, (from + n) * actDim),
                    Arrays.copyOfRange(b.logp, from, from + n), Arrays.copyOfRange(b.adv, from, from + n),
                    Arrays.copyOfRange(b.ret, from, from + n), n, names);
            for (int k = 0; k < names.length; k++) {
                sum[k] += m.get(names[k]) * n;
            }
        }
        Map<String, Double> out = new java.util.HashMap<>();
        for (int k = 0; k < names.length; k++) {
            out.put(names[k], sum[k] / b.n);
        }
        return out;
    }

    private static final int LOSS_CHUNK = 256;

    // =================================================================================== files

    public void save(Path file, boolean withUpdater) {
        net.save(file, withUpdater);
    }

    /**
     * The plain-Java update's Adam state (the SameDiff update keeps its own in the graph's file), or an empty
     * list when the graph's file holds it.
     */
    private List<AdamState.Part> adamState() {
        return convUpdate != null ? convUpdate.adamState() : javaUpdate != null ? javaUpdate.adamState() : List.of();
    }

    /**
     * Writes the plain-Java update's Adam state beside the checkpoint whose weights are {@code weights}
     * ({@link AdamState#besides}); nothing for the SameDiff update, whose graph file holds it.
     */
    public void saveAdam(Path weights) {
        List<AdamState.Part> parts = adamState();
        if (!parts.isEmpty()) {
            AdamState.write(AdamState.besides(weights), parts);
        }
    }

    /**
     * Restores the Adam state written by {@link #saveAdam} beside {@code weights}, so that a resumed run steps on
     * as if it had not stopped. Returns false (moments start afresh) when there is no such file: a checkpoint from
     * before Racer wrote them, or one of the SameDiff update.
     */
    public boolean loadAdam(Path weights) {
        Path file = AdamState.besides(weights);
        List<AdamState.Part> parts = adamState();
        if (parts.isEmpty() || !java.nio.file.Files.isRegularFile(file)) {
            return false;
        }
        AdamState.read(file, parts);
        return true;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        if (javaUpdate != null) {
            javaUpdate.close();
        }
        if (convUpdate != null) {
            convUpdate.close();
        }
        synchronized (rewards) {
            for (RewardFunction r : rewards) {
                try {
                    r.close();
                } catch (RuntimeException ignored) {
                    // closing is best effort
                }
            }
            rewards.clear();
        }
    }
}
