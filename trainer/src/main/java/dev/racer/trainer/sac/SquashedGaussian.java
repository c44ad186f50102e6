package dev.racer.trainer.sac;

/**
 * SAC's policy distribution, per action dimension: a Gaussian over {@code u} with a state-dependent mean and
 * log standard deviation, squashed by {@code a = tanh(u)} into [-1, 1] (then scaled to the action bounds).
 * The actor's raw log-std output is bounded smoothly into [{@value #LOG_STD_MIN}, {@value #LOG_STD_MAX}]
 * (DeepRacer's SAC head clips it to rl_coach's [-20, 2]; a smooth bound keeps a gradient everywhere).
 * The greedy action is {@code tanh(mean)}, as DeepRacer's ({@code use_deterministic_for_evaluation}).
 * Pure functions on arrays of one sample's dimensions.
 */
final class SquashedGaussian {
    static final double LOG_STD_MIN = -5, LOG_STD_MAX = 2;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG2 = Math.log(2);

    private SquashedGaussian() {
    }

    /** The log standard deviation for the actor's raw output {@code raw}. */
    static double logStd(double raw) {
        return LOG_STD_MIN + 0.5 * (LOG_STD_MAX - LOG_STD_MIN) * (Math.tanh(raw) + 1);
    }

    /** d logStd / d raw. */
    static double dLogStd(double raw) {
        double th = Math.tanh(raw);
        return 0.5 * (LOG_STD_MAX - LOG_STD_MIN) * (1 - th * th);
    }

    /** {@code log(1 - tanh(u)^2)}, stable for large |u|: {@code 2 (log 2 - u - softplus(-2u))}. */
    static double logOneMinusTanh2(double u) {
        double x = -2 * u;
        double softplus = x > 30 ? x : Math.log1p(Math.exp(x));
        return 2 * (LOG2 - u - softplus);
    }

    /**
     * Samples one action: {@code u = mean + σ·eps}, {@code a = tanh(u)} into {@code a}; returns log π(a), the
     * Gaussian's log-density of {@code u} minus the log-Jacobian of the squash.
     *
     * @param out    the actor's outputs: means in {@code [0, n)}, raw log-stds in {@code [n, 2n)}
     * @param eps    standard normal draws, {@code [n]}
     * @param a      the squashed action, {@code [n]} (written)
     */
    static double sample(float[] out, int offset, double[] eps, double[] a, int n) {
        double logp = 0;
        for (int k = 0; k < n; k++) {
            double ls = logStd(out[offset + n + k]);
            double u = out[offset + k] + Math.exp(ls) * eps[k];
            a[k] = Math.tanh(u);
            logp += -0.5 * eps[k] * eps[k] - ls - HALF_LOG_2PI - logOneMinusTanh2(u);
        }
        return logp;
    }

    /**
     * The gradient of {@code α·log π(a) − Q(s, a)} with respect to the actor's outputs for one sample drawn by
     * {@link #sample} with the same {@code eps} (reparameterised: {@code eps} held fixed), given
     * {@code dQda = ∂Q/∂a}; written into {@code dOut[offset ..]} scaled by {@code scale}.
     */
    static void actorGradient(float[] out, int offset, double[] eps, double[] a, double[] dQda, double alpha,
                              double scale, float[] dOut, int n) {
        for (int k = 0; k < n; k++) {
            double raw = out[offset + n + k];
            double sigma = Math.exp(logStd(raw));
            // du/dmean = 1, du/dlogσ = σ·eps; d(-log(1 - tanh²u))/du = 2 tanh u; dQ/du = dQ/da · (1 - a²)
            double dObjDu = alpha * 2 * a[k] - dQda[k] * (1 - a[k] * a[k]);
            double dMean = dObjDu;
            double dLogStd = dObjDu * sigma * eps[k] - alpha; // −log σ in log π: −α
            dOut[offset + k] = (float) (scale * dMean);
            dOut[offset + n + k] = (float) (scale * dLogStd * dLogStd(raw));
        }
    }

    /** The greedy action into {@code a}: {@code tanh(mean)}. */
    static void mode(float[] out, double[] a, int n) {
        for (int k = 0; k < n; k++) {
            a[k] = Math.tanh(out[k]);
        }
    }
}
