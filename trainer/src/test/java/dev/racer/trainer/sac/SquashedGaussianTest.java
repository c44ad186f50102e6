package dev.racer.trainer.sac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The squashed Gaussian's log-density and the actor's reparameterised gradient. */
class SquashedGaussianTest {

    @Test
    void logOneMinusTanh2IsStable() {
        for (double u : new double[] {-3, -0.5, 0, 0.7, 2.5}) {
            double t = Math.tanh(u);
            assertEquals(Math.log(1 - t * t), SquashedGaussian.logOneMinusTanh2(u), 1e-12, "u=" + u);
        }
        assertTrue(Double.isFinite(SquashedGaussian.logOneMinusTanh2(40)));
        assertEquals(SquashedGaussian.logOneMinusTanh2(25), SquashedGaussian.logOneMinusTanh2(-25), 1e-9);
    }

    /** Monte-Carlo: the density integrates to 1 over [-1, 1] (histogram of samples vs exp(log π)). */
    @Test
    void logDensityMatchesTheSamples() {
        float[] out = {0.3f, 0.3f}; // one dimension: mean 0.3, raw log-std 0.3 (σ ≈ 0.62)
        double[] eps = new double[1], a = new double[1];
        SplittableRandom r = new SplittableRandom(1);
        int n = 400_000, bins = 20;
        int[] hist = new int[bins];
        for (int i = 0; i < n; i++) {
            eps[0] = r.nextGaussian();
            SquashedGaussian.sample(out, 0, eps, a, 1);
            hist[Math.min(bins - 1, (int) ((a[0] + 1) / 2 * bins))]++;
            if (i < 100) { // the returned log-density, written out independently
                double u = 0.3 + sigma(0.3) * eps[0];
                double expected = -0.5 * eps[0] * eps[0] - Math.log(sigma(0.3)) - 0.5 * Math.log(2 * Math.PI)
                        - Math.log(1 - Math.tanh(u) * Math.tanh(u));
                assertEquals(expected, SquashedGaussian.sample(out, 0, eps, a, 1), 1e-6); // out holds floats
            }
        }
        // density at bin centres from the formula: log π(a) = log N(u) − log(1 − a²), u = atanh(a)
        double sigma = Math.exp(SquashedGaussian.logStd(0.3));
        for (int k = 2; k < bins - 2; k++) {
            double ac = -1 + (k + 0.5) * 2.0 / bins;
            double u = 0.5 * Math.log((1 + ac) / (1 - ac));
            double z = (u - 0.3) / sigma;
            double dens = Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI)) / (1 - ac * ac);
            double expected = dens * 2.0 / bins;
            assertEquals(expected, hist[k] / (double) n, 0.004 + 0.05 * expected, "bin " + k);
        }
    }

    private static double sigma(double raw) {
        return Math.exp(SquashedGaussian.logStd(raw));
    }

    /** The analytic gradient of α log π(a) − Q(a), Q linear in a, against finite differences in the outputs. */
    @Test
    void actorGradientMatchesFiniteDifferences() {
        int n = 2;
        double alpha = 0.3;
        double[] qw = {1.7, -0.6}; // Q(a) = qw · a + a0², to have a non-constant dQ/da
        float[] out = {0.4f, -0.8f, 0.2f, -1.1f};
        double[] eps = {0.9, -0.3}, a = new double[n];
        SquashedGaussian.sample(out, 0, eps, a, n);
        double[] dq = {qw[0] + 2 * a[0], qw[1]};
        float[] grad = new float[2 * n];
        SquashedGaussian.actorGradient(out, 0, eps, a, dq, alpha, 1.0, grad, n);
        double h = 1e-3;
        for (int k = 0; k < 2 * n; k++) {
            float keep = out[k];
            out[k] = (float) (keep + h);
            double up = objective(out, eps, alpha, qw, n);
            out[k] = (float) (keep - h);
            double down = objective(out, eps, alpha, qw, n);
            out[k] = keep;
            assertEquals((up - down) / (2 * h), grad[k], 2e-3, "output " + k);
        }
    }

    private static double objective(float[] out, double[] eps, double alpha, double[] qw, int n) {
        double[] a = new double[n];
        double logp = SquashedGaussian.sample(out, 0, eps, a, n);
        return alpha * logp - (qw[0] * a[0] + qw[1] * a[1] + a[0] * a[0]);
    }

    @Test
    void logStdIsBoundedAndTheModeIsTanhOfTheMean() {
        assertEquals(SquashedGaussian.LOG_STD_MIN, SquashedGaussian.logStd(-50), 1e-9);
        assertEquals(SquashedGaussian.LOG_STD_MAX, SquashedGaussian.logStd(50), 1e-9);
        double[] a = new double[2];
        SquashedGaussian.mode(new float[] {0.5f, -2f, 9f, 9f}, a, 2);
        assertEquals(Math.tanh(0.5), a[0], 1e-7);
        assertEquals(Math.tanh(-2), a[1], 1e-7);
    }
}
