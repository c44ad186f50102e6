package dev.racer.trainer;

import dev.racer.reward.RewardException;
import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;
import dev.racer.reward.Rewards;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reward function as training calls it: a call stopped by its time budget (Python rewards: 1000 ms) is
 * retried for the same step, up to {@value #RETRIES} times, with a warning. On a loaded machine a step's call
 * can miss its budget once without anything being wrong; a training run of many minutes must not die of it.
 * A reward that is really stuck (an endless loop) misses every attempt and still stops training, with the
 * reward's own message and how many times it was tried. Module state a stopped call changed before it was
 * stopped is kept (or reset, when the call had to be cancelled hard), as for the first attempt.
 */
public final class PatientReward implements RewardFunction {
    /** retries of a timed-out call for the same step */
    public static final int RETRIES = 2;
    private static final AtomicLong WARNINGS = new AtomicLong();

    private final RewardFunction inner;

    public PatientReward(RewardFunction inner) {
        this.inner = inner;
    }

    /**
     * {@code Rewards.load(spec)}, tried again (up to {@value #RETRIES} times, with a warning) when loading was
     * stopped by its time budget: starting a Python context on a loaded machine can take longer than the
     * budget of running the file at import, once, with nothing wrong; a file that loops at import fails every
     * time and its error is thrown.
     */
    public static RewardFunction load(String spec) {
        for (int attempt = 0; ; attempt++) {
            try {
                return Rewards.load(spec);
            } catch (RewardException e) {
                if (!e.timedOut() || attempt == RETRIES) {
                    throw e;
                }
                System.err.println("warning: " + e.getMessage() + "; loading it again (" + (attempt + 1) + " of "
                        + RETRIES + "; a busy machine?)");
            }
        }
    }

    @Override
    public double reward(RewardParams params) {
        for (int attempt = 0; ; attempt++) {
            try {
                return inner.reward(params);
            } catch (RewardException e) {
                if (!e.timedOut()) {
                    throw e;
                }
                if (attempt == RETRIES) {
                    throw new RewardException(e.getMessage() + " (" + (RETRIES + 1) + " times in a row for the same"
                            + " step: not a passing load spike)", e);
                }
                long n = WARNINGS.incrementAndGet();
                if (n <= 5 || n % 100 == 0) { // a loaded machine may do this often: not a line per step
                    System.err.println("warning: " + e.getMessage() + "; retrying the step (" + (attempt + 1) + " of "
                            + RETRIES + "; a busy machine?)" + (n == 5 ? " [further warnings: every 100th]" : ""));
                }
            }
        }
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void close() {
        inner.close();
    }
}
