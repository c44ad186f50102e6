package dev.racer.reward;

/**
 * A reward function, DeepRacer-style: it sees the {@link RewardParams} of one step and returns the reward.
 * Java implementations are trusted code; Python reward files run through a sandboxed backend that
 * implements this interface too.
 */
@FunctionalInterface
public interface RewardFunction extends AutoCloseable {

    /**
     * The reward for the step described by {@code params}. {@code params} is owned by the caller and
     * overwritten on the next step: copy ({@link RewardParams#copy()}) whatever must outlive the call.
     */
    double reward(RewardParams params);

    /** A short name for logs and model folders. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Releases what the function holds (a script engine, a child process). No-op for plain Java rewards. */
    @Override
    default void close() {
    }
}
