package dev.racer.trainer.ppo;

/**
 * Generalised advantage estimation (Schulman et al. 2015) for one episode, in plain Java.
 *
 * <pre>
 *   delta_t = r_t + gamma * V(s_{t+1}) - V(s_t)       V(s_T) = bootstrap (0 when the episode terminated)
 *   A_t     = delta_t + gamma * lambda * A_{t+1}
 *   R_t     = A_t + V(s_t)                              (the value target)
 * </pre>
 */
public final class Gae {
    private Gae() {
    }

    /**
     * Writes advantages and returns for steps {@code [from, from + n)} of the arrays.
     *
     * @param bootstrap the value of the state after the last step: 0 if the episode terminated (lap complete,
     *                  off track...), the critic's estimate if the step cap truncated it
     */
    public static void compute(float[] rewards, float[] values, int from, int n, double bootstrap, double gamma,
                               double lambda, float[] advantages, float[] returns) {
        double next = bootstrap;
        double adv = 0;
        for (int t = from + n - 1; t >= from; t--) {
            double delta = rewards[t] + gamma * next - values[t];
            adv = delta + gamma * lambda * adv;
            advantages[t] = (float) adv;
            returns[t] = (float) (adv + values[t]);
            next = values[t];
        }
    }
}
