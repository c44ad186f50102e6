package dev.racer.trainer.ppo;

import dev.racer.race.EpisodeStatus;
import dev.racer.race.RacingEnv;
import dev.racer.race.ResetOptions;
import dev.racer.race.StepResult;
import dev.racer.space.ActionSpace;
import dev.racer.trainer.conv.ConvNet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One training episode in progress, driven a step at a time by whoever computes the policy's outputs: a whole
 * episode on one thread ({@link ClippedPpo#runEpisode}), or many side by side with one batched forward per step
 * ({@link Lockstep}). {@link #start} resets the environment; then, until {@link #act} says the episode is done,
 * the caller reads {@link #observation()} (the frame is recorded then), computes the actor's outputs and the
 * critic's value for it and hands them to {@link #act}, which samples the action, steps the environment and
 * records the step. The episode's randomness comes from its seed alone. One instance per environment, reused;
 * a step allocates nothing (but the sample arrays' doubling and a traced episode's rows).
 */
final class EpisodeRun {
    private final ActionSpace space;
    private final int obsDim;
    private final int actDim;
    private final float[] logStd;
    /** frames stored as grey levels (the plain-Java camera update), else as floats */
    private final boolean bytes;
    private final float[] probs;
    private final float[] u;
    private final double[] squashed = new double[2];

    private RacingEnv racing;
    private SplittableRandom rnd;
    private ClippedPpo.Episode ep;
    private StepResult r;
    private boolean traced;
    private int t;
    private int cap;

    EpisodeRun(ActionSpace space, int obsDim, int actDim, float[] logStd, boolean bytes) {
        this.space = space;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.logStd = logStd;
        this.bytes = bytes;
        this.probs = new float[actDim];
        this.u = new float[actDim];
    }

    /** Resets {@code env} for a new episode from {@code start}, its randomness from {@code episodeSeed}. */
    void start(RacingEnv env, ResetOptions start, long episodeSeed, boolean traced) {
        this.racing = env;
        this.traced = traced;
        rnd = new SplittableRandom(episodeSeed);
        ep = new ClippedPpo.Episode();
        cap = 256;
        if (bytes) {
            ep.frames = new byte[cap * obsDim];
        } else {
            ep.obs = new float[cap * obsDim];
        }
        ep.act = new float[cap * actDim];
        ep.logp = new float[cap];
        ep.value = new float[cap];
        ep.reward = new float[cap];
        r = racing.reset(rnd.nextLong(), start);
        ep.startRow = racing.params().closestWaypointPrev();
        t = 0;
        if (traced) {
            ep.trace = new ArrayList<>();
            // the sim-trace's first row: the state before the car moves (DeepRacer's "prepare")
            ep.trace.add(new ClippedPpo.TraceStep(r.params().copy(), -1, 0, false, EpisodeStatus.PREPARE,
                    racing.carSpeed(), 0));
            ep.boxes = ClippedPpo.boxes(racing.objects());
        }
    }

    /** Steps taken so far. */
    int steps() {
        return t;
    }

    /** The observation the next action answers (recorded as the step's sample). */
    float[] observation() {
        if (t == cap) {
            grow();
        }
        float[] o = r.observation();
        if (bytes) {
            for (int i = 0, at = t * obsDim; i < obsDim; i++) {
                ep.frames[at + i] = ConvNet.level(o[i]);
            }
        } else {
            System.arraycopy(o, 0, ep.obs, t * obsDim, obsDim);
        }
        return o;
    }

    /**
     * Samples an action from the actor's outputs {@code out[off .. off + actDim)} for the current
     * {@link #observation()}, whose critic value is {@code value}, steps the environment and records the step.
     * Returns whether the episode is done; then, if {@link #truncated()}, the caller computes the bootstrap value
     * of {@link #lastObservation()} and calls {@link #finish}.
     */
    boolean act(float[] out, int off, float value) {
        int actionIndex = -1;
        if (space instanceof ActionSpace.Discrete) {
            int a = ClippedPpo.sampleCategorical(out, off, actDim, probs, rnd);
            ep.act[t * actDim + a] = 1;
            actionIndex = a;
            ep.logp[t] = (float) Math.log(Math.max(probs[a], 1e-30));
        } else {
            double lp = 0;
            for (int k = 0; k < actDim; k++) {
                double std = Math.exp(logStd[k]);
                double z = rnd.nextGaussian();
                u[k] = (float) (out[off + k] + std * z);
                ep.act[t * actDim + k] = u[k];
                lp += -0.5 * z * z - logStd[k] - 0.5 * Math.log(2 * Math.PI);
            }
            ep.logp[t] = (float) lp;
            // DeepRacer's continuous PPO: the Gaussian sample is clipped to [-1, 1]; the env scales it to the bounds
            squashed[0] = PolicyNet.clipAction(u[0]);
            squashed[1] = PolicyNet.clipAction(u[1]);
        }
        ep.value[t] = value;
        // the environment decodes the action through its action space (the model's)
        r = actionIndex >= 0 ? racing.step(actionIndex) : racing.step(squashed);
        ep.reward[t] = (float) r.reward();
        ep.totalReward += r.reward();
        if (traced) {
            ep.trace.add(new ClippedPpo.TraceStep(r.params().copy(), actionIndex, r.reward(), r.done(), r.status(),
                    racing.carSpeed(), racing.time()));
        }
        t++;
        return r.done();
    }

    /** Whether the episode ended by the step cap (its last state then needs the critic's value). */
    boolean truncated() {
        return !r.terminated();
    }

    /** The observation after the last step. */
    float[] lastObservation() {
        return r.observation();
    }

    /**
     * The finished episode; {@code bootstrap} is the critic's value of {@link #lastObservation()} when
     * {@link #truncated()}, ignored otherwise.
     */
    ClippedPpo.Episode finish(double bootstrap) {
        ClippedPpo.Episode done = ep;
        done.bootstrap = r.terminated() ? 0 : bootstrap;
        done.progress = r.params().progress();
        done.status = r.status();
        done.steps = t;
        ep = null;
        racing = null;
        return done;
    }

    private void grow() {
        cap *= 2;
        if (bytes) {
            ep.frames = Arrays.copyOf(ep.frames, cap * obsDim);
        } else {
            ep.obs = Arrays.copyOf(ep.obs, cap * obsDim);
        }
        ep.act = Arrays.copyOf(ep.act, cap * actDim);
        ep.logp = Arrays.copyOf(ep.logp, cap);
        ep.value = Arrays.copyOf(ep.value, cap);
        ep.reward = Arrays.copyOf(ep.reward, cap);
    }
}
