package dev.racer.reward.python;

import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;
import java.nio.file.Path;
import java.time.Duration;

/** A reward function from a Python file, run by one {@link Backend}. One instance per worker thread. */
public interface ScriptReward extends RewardFunction {

    /** The backend that runs it: {@link Backend#GRAALPY} or {@link Backend#CPYTHON}. */
    Backend backend();

    /** The reward file. */
    Path file();

    /** The time budget of one call (of one batch for {@link #rewards}). */
    Duration budget();

    /** One line for users: backend, version, and how sandboxed it is. */
    String describe();

    /**
     * Rewards for a batch of states (the CPython backend sends them in one message). Throws on the first
     * state that fails, naming its index.
     */
    default double[] rewards(RewardParams[] batch) {
        double[] out = new double[batch.length];
        for (int i = 0; i < batch.length; i++) {
            try {
                out[i] = reward(batch[i]);
            } catch (RewardScriptException e) {
                throw new RewardScriptException(e.kind(), "state " + i + " of the batch: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
