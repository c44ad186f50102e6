package dev.racer.trainer.ppo;

import dev.racer.model.ModelMetadata;
import dev.racer.race.RaceSession;
import dev.racer.race.RacingEnv;
import dev.racer.race.ResetOptions;
import dev.racer.reward.RewardFunction;
import dev.racer.trainer.EnvSpec;
import dev.racer.trainer.Evaluation;
import dev.racer.trainer.ModelDriverProvider;
import dev.racer.trainer.conv.ConvNet;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;

/**
 * Camera rollouts in lock-step: one thread runs up to {@link #capacity} episodes side by side, each in its own
 * slot (environment, reward function, greedy race session; created when first used, then reused across
 * iterations), and per step makes ONE batched forward of the camera network for all of its live episodes. The
 * dense layer's 11,264×512 weights ({@code fc_w}, 23 MB) are then read once per step of the group instead of
 * once per frame: a frame costs ~0.83 ms at batch 16 against ~1.06 ms alone, and two threads no longer both
 * stream the weights for every frame.
 *
 * <p>Slots take the next episode index of the iteration from a counter shared by the groups when their episode
 * ends, so the batches stay full and the threads share the work whatever the episodes' lengths. Determinism is
 * that of one episode at a time: episode {@code e}'s randomness comes from {@code (seed, e)} alone, a row's
 * outputs do not depend on the other rows of the batch (bit for bit: {@code ConvNet.Inference}), and results
 * land at their episode's index; which slot or thread ran an episode changes nothing. Each slot has its own
 * reward function, so a reward function that keeps state between calls sees whole episodes one after another,
 * as with one episode per thread.
 *
 * <p>The step path allocates nothing (but a new episode's sample arrays, their doubling, and a traced episode's
 * rows). Not thread-safe: one thread at a time (a pool task per group).
 */
final class Lockstep {
    private final EnvSpec env;
    private final ModelMetadata meta;
    private final Supplier<RewardFunction> rewards;
    private final int capacity;
    private final int obsDim;
    private final int actDim;
    private final ConvNet.Inference net;
    private final RacingEnv[] envs;
    private final EpisodeRun[] runs;
    private final EvaluationRun[] evals;
    /** the batch: observations {@code [n, obsDim]}, actor outputs {@code [n, actDim]}, critic values */
    private final float[] obs;
    private final float[] out;
    private final float[] values;
    /** slot of each row of the batch */
    private final int[] slotOfRow;
    /** row of each slot in the batch being consumed, or -1 */
    private final int[] rowOfSlot;
    /** episode index (in its iteration or evaluation) each slot runs, or -1 when idle */
    private final int[] episodeOf;
    /** per slot: the greedy driver's outputs; a lone forward's (the bootstrap value) */
    private final float[][] greedyOut;
    private final float[] loneOut;
    private final float[] loneValue = new float[1];
    /** the continuous policy's log standard deviations (the learner's, updated in place) */
    private final float[] logStd;
    /** frames stored as grey levels (the plain-Java camera update) */
    private final boolean bytes;

    /**
     * A group of up to {@code capacity} slots on {@code conv}'s weights (read, never written, while it runs);
     * {@code rewards} makes each slot's reward function (the learner closes them).
     */
    Lockstep(EnvSpec env, ModelMetadata meta, ConvNet conv, Supplier<RewardFunction> rewards, int capacity,
             float[] logStd, boolean bytes) {
        this.env = env;
        this.meta = meta;
        this.rewards = rewards;
        this.capacity = capacity;
        this.obsDim = conv.obsDim();
        this.actDim = conv.actDim();
        this.net = conv.new Inference(capacity);
        this.envs = new RacingEnv[capacity];
        this.runs = new EpisodeRun[capacity];
        this.evals = new EvaluationRun[capacity];
        this.obs = new float[capacity * obsDim];
        this.out = new float[capacity * actDim];
        this.values = new float[capacity];
        this.slotOfRow = new int[capacity];
        this.rowOfSlot = new int[capacity];
        this.episodeOf = new int[capacity];
        this.greedyOut = new float[capacity][actDim];
        this.loneOut = new float[actDim];
        this.logStd = logStd;
        this.bytes = bytes;
    }

    private RacingEnv env(int s) {
        if (envs[s] == null) {
            envs[s] = env.newEnv(rewards.get(), meta.newSensor(), meta.actionSpace());
        }
        return envs[s];
    }

    // ------------------------------------------------------------------ training episodes

    /**
     * Runs sampled training episodes on up to {@code slots} slots: each slot takes the next index {@code i} from
     * {@code next} while {@code i < count} and runs episode {@code firstEpisode + i} (seed
     * {@code EnvSpec.mix(seed, firstEpisode + i)}, the round robin's start, traced when {@code i == 0}) into
     * {@code into[i]}. Returns false when {@code stop} said so (checked as each episode starts and every 1,024
     * steps).
     */
    boolean train(long firstEpisode, int count, long seed, int slots, AtomicInteger next, ClippedPpo.Episode[] into,
                  BooleanSupplier stop) {
        slots = Math.min(slots, capacity);
        int live = 0;
        for (int s = 0; s < slots; s++) {
            episodeOf[s] = -1;
            if (runs[s] == null) {
                runs[s] = new EpisodeRun(meta.actionSpace(), obsDim, actDim, logStd, bytes);
            }
        }
        for (int s = 0; s < slots; s++) {
            if (stop.getAsBoolean()) {
                return false;
            }
            live += startTraining(s, firstEpisode, count, seed, next);
        }
        long round = 0;
        while (live > 0) {
            int n = 0;
            for (int s = 0; s < slots; s++) {
                if (episodeOf[s] >= 0) {
                    System.arraycopy(runs[s].observation(), 0, obs, n * obsDim, obsDim);
                    slotOfRow[n++] = s;
                }
            }
            net.forward(obs, n, out, values);
            for (int j = 0; j < n; j++) {
                int s = slotOfRow[j];
                EpisodeRun run = runs[s];
                if (!run.act(out, j * actDim, values[j])) {
                    continue;
                }
                double bootstrap = 0;
                if (run.truncated()) {
                    net.forward(run.lastObservation(), 1, loneOut, loneValue);
                    bootstrap = loneValue[0];
                }
                ClippedPpo.Episode ep = run.finish(bootstrap);
                ep.indexInIteration = episodeOf[s];
                into[episodeOf[s]] = ep;
                episodeOf[s] = -1;
                live--;
                if (stop.getAsBoolean()) {
                    return false;
                }
                live += startTraining(s, firstEpisode, count, seed, next);
            }
            if ((++round & 1023) == 0 && stop.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    private int startTraining(int s, long firstEpisode, int count, long seed, AtomicInteger next) {
        int i = next.getAndIncrement();
        if (i >= count) {
            return 0;
        }
        long e = firstEpisode + i;
        episodeOf[s] = i;
        // traced: the first sampled episode of an iteration
        runs[s].start(env(s), ResetOptions.roundRobin(e), EnvSpec.mix(seed, e), i == 0);
        return 1;
    }

    // ------------------------------------------------------------------ greedy evaluation laps

    /**
     * Races greedy evaluation laps on up to {@code slots} slots: each slot takes the next index {@code i} from
     * {@code next} while {@code i < count} and races lap {@code i} (seed {@code EnvSpec.mix(seed, -1 - i)}, from
     * row {@code startRow.applyAsInt(i, count)}) into {@code into[i]}. Returns false when {@code stop} said so
     * (checked as each lap starts).
     *
     * <p>A {@link RaceSession} asks its driver for an action inside its step; the slots' drivers answer from the
     * batched forward made just before for the observation the session holds, and make a lone forward (same
     * result) when the observation they are given is another (never under {@link Evaluation#RULES}, which
     * put no car back).
     */
    boolean evaluate(int count, long seed, IntBinaryOperator startRow, int slots, AtomicInteger next,
                     ClippedPpo.Episode[] into, BooleanSupplier stop) {
        slots = Math.min(slots, capacity);
        int live = 0;
        for (int s = 0; s < slots; s++) {
            episodeOf[s] = -1;
            rowOfSlot[s] = -1;
            if (evals[s] == null) {
                evals[s] = new EvaluationRun(new RaceSession(env(s), Evaluation.RULES, greedyDriver(s)));
            }
        }
        for (int s = 0; s < slots; s++) {
            if (stop.getAsBoolean()) {
                return false;
            }
            live += startEvaluation(s, count, seed, startRow, next);
        }
        while (live > 0) {
            int n = 0;
            for (int s = 0; s < slots; s++) {
                if (episodeOf[s] >= 0) {
                    float[] o = evals[s].session().row().result().observation();
                    System.arraycopy(o, 0, obs, n * obsDim, obsDim);
                    rowOfSlot[s] = n;
                    slotOfRow[n++] = s;
                }
            }
            net.forward(obs, n, out, null);
            for (int j = 0; j < n; j++) {
                int s = slotOfRow[j];
                boolean finished = evals[s].step();
                rowOfSlot[s] = -1;
                if (!finished) {
                    continue;
                }
                ClippedPpo.Episode ep = evals[s].finish();
                ep.indexInIteration = episodeOf[s];
                into[episodeOf[s]] = ep;
                episodeOf[s] = -1;
                live--;
                if (stop.getAsBoolean()) {
                    return false;
                }
                live += startEvaluation(s, count, seed, startRow, next);
            }
        }
        return true;
    }

    private int startEvaluation(int s, int count, long seed, IntBinaryOperator startRow, AtomicInteger next) {
        int i = next.getAndIncrement();
        if (i >= count) {
            return 0;
        }
        episodeOf[s] = i;
        evals[s].start(EnvSpec.mix(seed, -1 - i), startRow.applyAsInt(i, count));
        return 1;
    }

    /** Slot {@code s}'s greedy driver: its row of the batch when that row is its observation, else a lone forward. */
    private dev.racer.race.Driver greedyDriver(int s) {
        float[] mine = greedyOut[s];
        return ModelDriverProvider.driver("greedy", meta, o -> {
            int row = rowOfSlot[s];
            if (row >= 0 && Arrays.equals(o, 0, obsDim, obs, row * obsDim, (row + 1) * obsDim)) {
                System.arraycopy(out, row * actDim, mine, 0, actDim);
            } else {
                net.forward(o, 1, mine, null);
            }
            return mine;
        });
    }
}
