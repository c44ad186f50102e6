package dev.racer.reward.python;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/**
 * {@link SandboxTest} with contexts made ahead of need, as the reward-check daemon runs them: each reward gets a
 * spare context that has run only the host script, and must be as closed-off as one made on the spot.
 */
class SpareContextSandboxTest extends SandboxTest {
    @Override
    PythonReward load(String text, Duration budget) throws IOException {
        PythonReward.keepSpareContexts(true);
        return new PythonReward(RewardSource.read(Files.writeString(dir.resolve("reward.py"), text)), budget, true);
    }
}
