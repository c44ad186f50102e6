package dev.racer.reward.python;

import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardProvider;
import java.nio.file.Path;
import java.util.Optional;

/** Opens {@code .py} reward files for {@link dev.racer.reward.Rewards#load}: AUTO backend, default budget. */
public final class PythonRewardProvider implements RewardProvider {
    @Override
    public Optional<RewardFunction> open(Path file) {
        if (!file.getFileName().toString().endsWith(".py")) {
            return Optional.empty();
        }
        return Optional.of(RewardScripts.load(file));
    }
}
