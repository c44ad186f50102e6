package dev.racer.reward;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens reward files of some kind (Python scripts, ...). Registered with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.racer.reward.RewardProvider}); {@link Rewards#load} asks each in turn.
 */
public interface RewardProvider {

    /**
     * A new reward function for {@code file}, or empty if this provider does not handle files of its kind.
     * Each call returns a fresh instance (one per worker thread). Errors the user can fix throw
     * {@link RewardException} with the file, the line and what is wrong.
     */
    Optional<RewardFunction> open(Path file);
}
