package dev.racer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.reward.RewardException;
import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;
import org.junit.jupiter.api.Test;

class PatientRewardTest {

    /** A reward call stopped by its budget, as the Python backends report one. */
    static final class Timeout extends RewardException {
        Timeout() {
            super("reward.py: reward_function took longer than its budget of 1000 ms");
        }

        @Override
        public boolean timedOut() {
            return true;
        }
    }

    /** Times out on its first {@code slow} calls, then returns 7. */
    static final class SlowAtFirst implements RewardFunction {
        int calls;
        final int slow;

        SlowAtFirst(int slow) {
            this.slow = slow;
        }

        @Override
        public double reward(RewardParams params) {
            if (calls++ < slow) {
                throw new Timeout();
            }
            return 7;
        }
    }

    @Test
    void aCallThatMissedItsBudgetOnceOrTwiceIsRetried() {
        SlowAtFirst r = new SlowAtFirst(PatientReward.RETRIES);
        assertEquals(7, new PatientReward(r).reward(new RewardParams()));
        assertEquals(PatientReward.RETRIES + 1, r.calls);
    }

    @Test
    void aStuckRewardStillStopsTrainingWithItsOwnMessage() {
        SlowAtFirst r = new SlowAtFirst(Integer.MAX_VALUE);
        RewardException e = assertThrows(RewardException.class, () -> new PatientReward(r).reward(new RewardParams()));
        assertEquals(PatientReward.RETRIES + 1, r.calls);
        assertTrue(e.getMessage().startsWith("reward.py: reward_function took longer than its budget of 1000 ms ("
                + (PatientReward.RETRIES + 1) + " times in a row"), e.getMessage());
    }

    @Test
    void otherErrorsAreNotRetried() {
        RewardException boom = new RewardException("reward.py, line 3: ZeroDivisionError");
        int[] calls = {0};
        RewardFunction bad = p -> {
            calls[0]++;
            throw boom;
        };
        assertSame(boom, assertThrows(RewardException.class, () -> new PatientReward(bad).reward(new RewardParams())));
        assertEquals(1, calls[0]);
    }
}
