package dev.racer.trainer.sac;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * SAC's experience replay: the last {@code capacity} transitions {@code (s, a, r, s', done)} in a ring, sampled
 * uniformly with replacement. Storage grows by doubling up to the capacity (a million transitions of a 20-float
 * observation take 170 MB, allocated only when a run gets that far). {@code done} marks a terminal transition
 * (off track, crashed: no bootstrap); a time limit or a completed lap is not terminal for the value target
 * when the env says {@code truncated}.
 */
final class ReplayBuffer {
    private final int capacity, obsDim, actDim;
    private float[] obs = new float[0], act = new float[0], reward = new float[0], next = new float[0];
    private boolean[] done = new boolean[0];
    private int size, head;

    ReplayBuffer(int capacity, int obsDim, int actDim) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay buffer capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = actDim;
    }

    int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }

    /** Adds a transition, overwriting the oldest when full. */
    void add(float[] s, int sOffset, float[] a, int aOffset, float r, float[] s2, int s2Offset, boolean terminal) {
        int slot = head;
        if (slot >= done.length) {
            grow();
        }
        System.arraycopy(s, sOffset, obs, slot * obsDim, obsDim);
        System.arraycopy(a, aOffset, act, slot * actDim, actDim);
        System.arraycopy(s2, s2Offset, next, slot * obsDim, obsDim);
        reward[slot] = r;
        done[slot] = terminal;
        head = (head + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    private void grow() {
        int n = (int) Math.min(capacity, Math.max(1024L, 2L * done.length));
        obs = Arrays.copyOf(obs, n * obsDim);
        next = Arrays.copyOf(next, n * obsDim);
        act = Arrays.copyOf(act, n * actDim);
        reward = Arrays.copyOf(reward, n);
        done = Arrays.copyOf(done, n);
    }

    /** A minibatch of {@code b} transitions drawn uniformly with replacement, into the given arrays. */
    void sample(int b, SplittableRandom rnd, float[] s, float[] a, float[] r, float[] s2, float[] notDone) {
        if (size == 0) {
            throw new IllegalStateException("sampling an empty replay buffer");
        }
        for (int i = 0; i < b; i++) {
            int j = rnd.nextInt(size);
            System.arraycopy(obs, j * obsDim, s, i * obsDim, obsDim);
            System.arraycopy(next, j * obsDim, s2, i * obsDim, obsDim);
            System.arraycopy(act, j * actDim, a, i * actDim, actDim);
            r[i] = reward[j];
            notDone[i] = done[j] ? 0f : 1f;
        }
    }
}
