package dev.racer.trainer.sac;

import dev.racer.race.Driver;
import dev.racer.race.RaceSession;
import dev.racer.race.EpisodeStatus;
import dev.racer.race.RacingEnv;
import dev.racer.race.ResetOptions;
import dev.racer.race.StepResult;
import dev.racer.reward.RewardFunction;
import dev.racer.space.ActionSpace;
import dev.racer.trainer.EnvSpec;
import dev.racer.trainer.Evaluation;
import dev.racer.trainer.ModelDriverProvider;
import dev.racer.trainer.Mlp;
import dev.racer.model.Hyperparameters;
import dev.racer.model.ModelMetadata;
import dev.racer.trainer.ppo.ClippedPpo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Soft Actor-Critic (Haarnoja et al. 2018) in one file, for continuous action spaces: collect episodes with the
 * stochastic actor into a replay buffer, then take gradient steps on minibatches drawn from it. DeepRacer's
 * hyper-parameters drive it: {@code num_episodes_between_training} episodes per iteration, minibatches of
 * {@code batch_size}, Adam at {@code lr}, discount {@code discount_factor}, the entropy temperature
 * {@code sac_alpha} (fixed, as DeepRacer's), and {@code loss_type} for the critics' loss ({@code mean squared
 * error}/{@code mse}, DeepRacer's SAC default, or {@code huber}); {@link Config} holds the rest.
 *
 * <p>Networks: an actor (state-dependent mean and log-std of a tanh-squashed Gaussian,
 * {@link SquashedGaussian}) and two Q critics with Polyak-averaged targets (the clipped double-Q form of
 * SAC v2; DeepRacer's rl_coach SAC is v1, with a separate state-value network copied to its target every
 * {@code num_episodes_between_training} steps). All are plain-Java MLPs ({@link Dense}) with tanh hidden
 * layers of the model's {@code racer_hidden_layers}. Actions are learned in [-1, 1] and scaled to the action
 * space's bounds; the greedy action is {@code tanh(mean)}.
 *
 * <p>Rollouts run on {@code workers} threads, episode {@code e} drawing its randomness from {@code (seed, e)}
 * alone, and enter the buffer in episode order; the update's randomness comes from {@code (seed, first
 * episode)}: a run is reproducible whatever the number of workers.
 */
public final class Sac implements AutoCloseable {

    /**
     * SAC settings that DeepRacer's hyperparameters.json does not cover.
     *
     * @param tau            Polyak rate of the target critics per gradient step
     * @param updatesPerStep gradient steps per environment step collected (0.25: on two shared cores a gradient
     *                       step of the three 64×64 networks on a minibatch of 64 costs as much as a few dozen
     *                       environment steps, and the simulator's steps are cheap; wall-clock is the budget)
     * @param bufferSize     replay buffer capacity [transitions] (rl_coach's experience replay default: 10^6)
     * @param evalEpisodes   greedy evaluation episodes after each iteration (spread evenly round the lap)
     */
    public record Config(double tau, double updatesPerStep, int bufferSize, int evalEpisodes) {
        public static final Config DEFAULT = new Config(0.005, 0.25, 1_000_000, 3);

        public Config {
            if (!(tau > 0 && tau <= 1)) {
                throw new IllegalArgumentException("tau must be in (0, 1], got " + tau);
            }
            if (!(updatesPerStep > 0 && updatesPerStep <= 16)) {
                throw new IllegalArgumentException("updatesPerStep must be in (0, 16], got " + updatesPerStep);
            }
            if (bufferSize < 1) {
                throw new IllegalArgumentException("bufferSize must be >= 1, got " + bufferSize);
            }
        }
    }

    /** The five networks: actor, two critics, their targets. */
    public record Networks(Mlp actor, Mlp q1, Mlp q2, Mlp q1Target, Mlp q2Target) {
        /** New networks for {@code obsDim} observations and {@code actDim} actions, drawn from {@code seed}. */
        public static Networks create(int obsDim, int actDim, int[] hidden, long seed) {
            SplittableRandom rnd = new SplittableRandom(seed);
            Mlp actor = Dense.init(sizes(obsDim, hidden, 2 * actDim), 0.01, rnd);
            Mlp q1 = Dense.init(sizes(obsDim + actDim, hidden, 1), 1.0, rnd);
            Mlp q2 = Dense.init(sizes(obsDim + actDim, hidden, 1), 1.0, rnd);
            return new Networks(actor, q1, q2, Dense.clone(q1), Dense.clone(q2));
        }

        List<Mlp> all() {
            return List.of(actor, q1, q2, q1Target, q2Target);
        }

        private static int[] sizes(int in, int[] hidden, int out) {
            int[] s = new int[hidden.length + 2];
            s[0] = in;
            System.arraycopy(hidden, 0, s, 1, hidden.length);
            s[s.length - 1] = out;
            return s;
        }
    }

    private final EnvSpec env;
    private final Hyperparameters hp;
    private final Config config;
    private final long seed;
    private final Networks nets;
    private final Dense actor, q1, q2, q1Target, q2Target;
    private final int obsDim, actDim;
    private final ReplayBuffer buffer;
    private final ExecutorService pool;
    private final List<RewardFunction> rewards = new ArrayList<>();
    private final ThreadLocal<Worker> workers;
    private final boolean huber;
    private volatile Mlp rolloutActor;

    public Sac(EnvSpec env, ModelMetadata meta, Hyperparameters hp, Config config, Networks nets, long seed,
               int workerThreads) {
        if (!(meta.actionSpace() instanceof ActionSpace.Continuous c)) { // SAC's tanh-squashed actions
            throw new IllegalArgumentException("sac needs a continuous action space");
        }
        this.env = env;
        this.hp = hp;
        this.config = config;
        this.seed = seed;
        this.nets = nets;
        this.actDim = c.policyOutputs();
        this.obsDim = nets.actor().inputs();
        this.actor = new Dense(nets.actor());
        this.q1 = new Dense(nets.q1());
        this.q2 = new Dense(nets.q2());
        this.q1Target = new Dense(nets.q1Target());
        this.q2Target = new Dense(nets.q2Target());
        this.huber = hp.lossType().equals("huber");
        this.buffer = new ReplayBuffer(config.bufferSize(), obsDim, actDim);
        this.rolloutActor = Dense.clone(nets.actor());
        this.pool = Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, "racer-rollout");
            t.setDaemon(true);
            return t;
        });
        this.workers = ThreadLocal.withInitial(() -> {
            RewardFunction rf = env.loadReward(); // once per worker thread
            synchronized (rewards) {
                rewards.add(rf);
            }
            Worker w = new Worker(rf);
            // one environment per worker, reused for every episode it runs (training and evaluation)
            w.env = env.newEnv(rf, meta.newSensor(), meta.actionSpace());
            float[] greedy = new float[actDim];
            Driver driver = ModelDriverProvider.driver("greedy", meta,
                    o -> SacFiles.greedy(w.policy.forward(o), greedy));
            w.evaluation = Evaluation.session(w.env, driver);
            return w;
        });
    }

    public Networks networks() {
        return nets;
    }

    /** Transitions in the replay buffer. */
    public int bufferSize() {
        return buffer.size();
    }

    // =================================================================================== one iteration

    /**
     * Collects {@code num_episodes_between_training} episodes (global indices from {@code firstEpisode}) into
     * the buffer, takes {@code updatesPerStep} gradient steps per step collected, then runs the greedy
     * evaluation episodes. {@code stop} abandons the rollout (the networks are left as they were): null.
     */
    public ClippedPpo.IterationStats iterate(long firstEpisode, BooleanSupplier stop) {
        long t0 = System.nanoTime();
        List<Rollout> eps = collect(firstEpisode, hp.numEpisodesBetweenTraining(), false, stop);
        if (eps == null) {
            return null;
        }
        int steps = 0;
        for (Rollout r : eps) {
            r.addTo(buffer, obsDim, actDim);
            steps += r.episode.steps();
        }
        long t1 = System.nanoTime();
        Map<String, Double> losses = update((int) Math.round(steps * config.updatesPerStep()),
                new SplittableRandom(EnvSpec.mix(seed ^ 0x5AC5AC5ACL, firstEpisode)));
        rolloutActor = Dense.clone(nets.actor());
        long t2 = System.nanoTime();
        List<Rollout> eval = collect(0, config.evalEpisodes(), true, stop);
        return new ClippedPpo.IterationStats(eps.stream().map(r -> r.episode).toList(),
                eval == null ? List.of() : eval.stream().map(r -> r.episode).toList(), steps, (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, losses);
    }

    // =================================================================================== rollout

    /**
     * One rollout thread's environment (reused for every episode it runs), reward function and evaluation
     * session; {@code policy} is its view of the actor of the current iteration.
     */
    private static final class Worker {
        final RewardFunction reward;
        RacingEnv env;
        RaceSession evaluation;
        Mlp policy;
        Mlp policySource;

        Worker(RewardFunction reward) {
            this.reward = reward;
        }

        /** Points this worker at {@code actor} (a copy sharing its weights, with its own scratch). */
        void use(Mlp actor) {
            if (policySource != actor) {
                policySource = actor;
                policy = actor.copy();
            }
        }
    }

    /** One episode's transitions (actions in [-1, 1]) and its outcome. */
    private static final class Rollout {
        final ClippedPpo.Episode episode;
        float[] obs, act, reward;
        boolean terminal;

        Rollout(ClippedPpo.Episode episode) {
            this.episode = episode;
        }

        void addTo(ReplayBuffer b, int obsDim, int actDim) {
            int n = episode.steps();
            for (int t = 0; t < n; t++) {
                b.add(obs, t * obsDim, act, t * actDim, reward[t], obs, (t + 1) * obsDim, terminal && t == n - 1);
            }
        }
    }

    private List<Rollout> collect(long firstEpisode, int count, boolean greedy, BooleanSupplier stop) {
        Mlp policy = rolloutActor;
        List<Future<Rollout>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long e = firstEpisode + i;
            int idx = i;
            futures.add(pool.submit(() -> {
                if (stop.getAsBoolean()) {
                    return null;
                }
                Worker w = workers.get();
                w.use(policy);
                long episodeSeed = EnvSpec.mix(seed, greedy ? -1 - idx : e);
                Rollout r;
                if (greedy) {
                    // a one-lap race under the race session's rules, as clipped PPO's evaluation
                    r = new Rollout(ClippedPpo.evaluationEpisode(w.evaluation, episodeSeed, env.evalRow(idx, count)));
                } else {
                    // traced: the first sampled episode of an iteration
                    r = runEpisode(w.env, ResetOptions.roundRobin(e), w.policy, episodeSeed, idx == 0, stop);
                }
                if (r != null) {
                    r.episode.indexInIteration = idx;
                }
                return r;
            }));
        }
        List<Rollout> out = new ArrayList<>(count);
        for (Future<Rollout> f : futures) {
            try {
                Rollout r = f.get();
                if (r == null) {
                    futures.forEach(x -> x.cancel(false));
                    return null;
                }
                out.add(r);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException ex) {
                Throwable c = ex.getCause();
                throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
            }
        }
        return out;
    }

    /** One training episode, actions sampled from the squashed Gaussian, reusing {@code racing}. */
    private Rollout runEpisode(RacingEnv racing, ResetOptions start, Mlp policy, long episodeSeed, boolean traced,
                               BooleanSupplier stop) {
        SplittableRandom rnd = new SplittableRandom(episodeSeed);
        Rollout ro = new Rollout(new ClippedPpo.Episode());
        ClippedPpo.Episode ep = ro.episode;
        int cap = 256;
        ro.obs = new float[(cap + 1) * obsDim];
        ro.act = new float[cap * actDim];
        ro.reward = new float[cap];
        double[] eps = new double[actDim], a = new double[actDim];
        StepResult r = racing.reset(rnd.nextLong(), start);
        ep.startRow = racing.params().closestWaypointPrev();
        System.arraycopy(r.observation(), 0, ro.obs, 0, obsDim);
        if (traced) {
            ep.trace = new ArrayList<>();
            // the sim-trace's first row: the state before the car moves (DeepRacer's "prepare")
            ep.trace.add(new ClippedPpo.TraceStep(r.params().copy(), -1, 0, false, EpisodeStatus.PREPARE,
                    racing.carSpeed(), 0));
            ep.boxes = ClippedPpo.boxes(racing.objects());
        }
        int t = 0;
        while (true) {
            if (t == cap) {
                cap *= 2;
                ro.obs = java.util.Arrays.copyOf(ro.obs, (cap + 1) * obsDim);
                ro.act = java.util.Arrays.copyOf(ro.act, cap * actDim);
                ro.reward = java.util.Arrays.copyOf(ro.reward, cap);
            }
            float[] out = policy.forward(r.observation());
            for (int k = 0; k < actDim; k++) {
                eps[k] = rnd.nextGaussian();
            }
            SquashedGaussian.sample(out, 0, eps, a, actDim);
            for (int k = 0; k < actDim; k++) {
                ro.act[t * actDim + k] = (float) a[k];
            }
            // tanh-squashed: already in [-1, 1]; the environment decodes it through its action space
            r = racing.step(a);
            ro.reward[t] = (float) r.reward();
            System.arraycopy(r.observation(), 0, ro.obs, (t + 1) * obsDim, obsDim);
            ep.totalReward += r.reward();
            if (traced) {
                ep.trace.add(new ClippedPpo.TraceStep(r.params().copy(), -1, r.reward(), r.done(), r.status(),
                        racing.carSpeed(), racing.time()));
            }
            t++;
            if (r.done()) {
                ro.terminal = r.terminated();
                ep.progress = r.params().progress();
                ep.status = r.status();
                break;
            }
            if ((t & 1023) == 0 && stop.getAsBoolean()) {
                return null;
            }
        }
        ep.setSteps(t);
        return ro;
    }

    // =================================================================================== update

    /** Scratch for one minibatch. */
    private float[] s = new float[0], a = new float[0], r = new float[0], s2 = new float[0], notDone = new float[0],
            x = new float[0], y = new float[0], dOut = new float[0], dActor = new float[0], qMin = new float[0],
            dqda = new float[0];
    private double[] epsAll = new double[0], aAll = new double[0], logp = new double[0];

    private void scratch(int b) {
        if (r.length >= b) {
            return;
        }
        s = new float[b * obsDim];
        s2 = new float[b * obsDim];
        a = new float[b * actDim];
        r = new float[b];
        notDone = new float[b];
        x = new float[b * (obsDim + actDim)];
        y = new float[b];
        dOut = new float[b];
        dActor = new float[b * 2 * actDim];
        qMin = new float[b];
        dqda = new float[b * actDim];
        epsAll = new double[b * actDim];
        aAll = new double[b * actDim];
        logp = new double[b];
    }

    /**
     * {@code n} gradient steps on minibatches from the buffer (none until it holds a minibatch); returns the
     * last iteration's mean losses: {@code pg_loss} (actor), {@code v_loss} (critics), {@code entropy}
     * ({@code −log π} of the actor's samples).
     */
    Map<String, Double> update(int n, SplittableRandom rnd) {
        int b = hp.batchSize();
        if (buffer.size() < b || n == 0) {
            return Map.of();
        }
        scratch(b);
        double actorLoss = 0, criticLoss = 0, entropy = 0;
        for (int i = 0; i < n; i++) {
            buffer.sample(b, rnd, s, a, r, s2, notDone);
            criticLoss += criticStep(b, rnd);
            double[] ae = actorStep(b, rnd);
            actorLoss += ae[0];
            entropy += ae[1];
            Dense.polyak(nets.q1(), nets.q1Target(), config.tau());
            Dense.polyak(nets.q2(), nets.q2Target(), config.tau());
        }
        return Map.of("pg_loss", actorLoss / n, "v_loss", criticLoss / n, "entropy", entropy / n);
    }

    /** Draws {@code a ~ π(·|obs)} for {@code b} observations into aAll/logp (eps kept in epsAll). */
    private void sampleActions(float[] actorOut, int b, SplittableRandom rnd) {
        double[] e = new double[actDim], act = new double[actDim];
        int w = 2 * actDim;
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < actDim; k++) {
                e[k] = rnd.nextGaussian();
            }
            logp[i] = SquashedGaussian.sample(actorOut, i * w, e, act, actDim);
            System.arraycopy(e, 0, epsAll, i * actDim, actDim);
            System.arraycopy(act, 0, aAll, i * actDim, actDim);
        }
    }

    /** The critics' input rows {@code [obs, action]}. */
    private void criticInput(float[] obs, double[] actD, float[] actF, int b) {
        int w = obsDim + actDim;
        for (int i = 0; i < b; i++) {
            System.arraycopy(obs, i * obsDim, x, i * w, obsDim);
            for (int k = 0; k < actDim; k++) {
                x[i * w + obsDim + k] = actD != null ? (float) actD[i * actDim + k] : actF[i * actDim + k];
            }
        }
    }

    /** Both critics toward {@code r + γ (1 − done) (min Q'(s', a') − α log π(a'|s'))}; returns their mean loss. */
    private double criticStep(int b, SplittableRandom rnd) {
        double alpha = hp.sacAlpha(), gamma = hp.discountFactor();
        sampleActions(actor.forward(s2, b), b, rnd);
        criticInput(s2, aAll, null, b);
        float[] v1 = q1Target.forward(x, b).clone(), v2 = q2Target.forward(x, b);
        for (int i = 0; i < b; i++) {
            y[i] = (float) (r[i] + gamma * notDone[i] * (Math.min(v1[i], v2[i]) - alpha * logp[i]));
        }
        criticInput(s, null, a, b);
        return (fitCritic(q1, b) + fitCritic(q2, b)) / 2;
    }

    private double fitCritic(Dense q, int b) {
        float[] v = q.forward(x, b);
        double loss = 0;
        for (int i = 0; i < b; i++) {
            double d = v[i] - y[i];
            double ad = Math.abs(d);
            if (huber) {
                double c = Math.min(ad, 1);
                loss += 0.5 * c * c + (ad - c);
                dOut[i] = (float) (Math.max(-1, Math.min(1, d)) / b);
            } else {
                loss += 0.5 * d * d;
                dOut[i] = (float) (d / b);
            }
        }
        q.zeroGrad();
        q.backward(dOut, b, true);
        q.adam(hp.lr());
        return loss / b;
    }

    /** The actor toward {@code min Q(s, a) − α log π(a|s)}, reparameterised; returns {loss, entropy}. */
    private double[] actorStep(int b, SplittableRandom rnd) {
        double alpha = hp.sacAlpha();
        float[] out = actor.forward(s, b).clone();
        sampleActions(out, b, rnd);
        criticInput(s, aAll, null, b);
        java.util.Arrays.fill(dOut, 0, b, 1f);
        // dQ/da from the smaller critic of each sample
        float[] v1 = q1.forward(x, b).clone();
        float[] g1 = q1.backward(dOut, b, false);
        int w = obsDim + actDim;
        for (int i = 0; i < b; i++) {
            qMin[i] = v1[i];
            System.arraycopy(g1, i * w + obsDim, dqda, i * actDim, actDim);
        }
        float[] v2 = q2.forward(x, b);
        float[] g2 = q2.backward(dOut, b, false);
        for (int i = 0; i < b; i++) {
            if (v2[i] < qMin[i]) {
                qMin[i] = v2[i];
                System.arraycopy(g2, i * w + obsDim, dqda, i * actDim, actDim);
            }
        }
        double loss = 0, ent = 0;
        double[] e = new double[actDim], act = new double[actDim], g = new double[actDim];
        for (int i = 0; i < b; i++) {
            loss += alpha * logp[i] - qMin[i];
            ent -= logp[i];
            for (int k = 0; k < actDim; k++) {
                e[k] = epsAll[i * actDim + k];
                act[k] = aAll[i * actDim + k];
                g[k] = dqda[i * actDim + k];
            }
            SquashedGaussian.actorGradient(out, i * 2 * actDim, e, act, g, alpha, 1.0 / b, dActor, actDim);
        }
        actor.zeroGrad(); // the actor's activations are still those of forward(s): the critics have their own

        actor.backward(dActor, b, true);
        actor.adam(hp.lr());
        return new double[] {loss / b, ent / b};
    }

    @Override
    public void close() {
        pool.shutdownNow();
        synchronized (rewards) {
            for (RewardFunction rf : rewards) {
                try {
                    rf.close();
                } catch (RuntimeException ignored) {
                    // closing is best effort
                }
            }
            rewards.clear();
        }
    }
}
