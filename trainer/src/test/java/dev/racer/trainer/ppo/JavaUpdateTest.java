package dev.racer.trainer.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racer.trainer.Mlp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The plain-Java update takes the same Adam steps as SameDiff on the same loss graph. */
class JavaUpdateTest {

    void sameSteps(boolean discrete, boolean huber) {
        int obsDim = 5, actDim = discrete ? 4 : 2, n = 48;
        PolicyNet.LossConfig lc = new PolicyNet.LossConfig(0.2, 0.5, 0.05, huber, 3e-3);
        PolicyNet net = PolicyNet.create(obsDim, actDim, discrete, new int[] {8, 6}, lc, 11);
        Mlp actor = net.actor(), critic = net.critic();
        float[] logStd = net.logStd();
        SplittableRandom r = new SplittableRandom(4);
        float[] obs = new float[n * obsDim], act = new float[n * actDim], old = new float[n], adv = new float[n],
                ret = new float[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < obsDim; k++) {
                obs[i * obsDim + k] = (float) r.nextDouble(-1, 1);
            }
            if (discrete) {
                act[i * actDim + r.nextInt(actDim)] = 1;
            } else {
                for (int k = 0; k < actDim; k++) {
                    act[i * actDim + k] = (float) r.nextGaussian();
                }
            }
            // old log-probabilities far enough from the new ones that some ratios fall outside the clip
            old[i] = (float) (discrete ? Math.log(0.25) + r.nextDouble(-0.4, 0.4) : -2.5 + r.nextDouble(-0.4, 0.4));
            adv[i] = (float) r.nextGaussian();
            ret[i] = (float) (3 * r.nextGaussian());
        }
        JavaUpdate java = new JavaUpdate(actor, critic, logStd, discrete, lc);
        java.fitEpochs(obs, act, old, adv, ret, n, 16, 3, new SplittableRandom(8));
        net.fitEpochs(obs, act, old, adv, ret, n, 16, 3, new SplittableRandom(8));
        Mlp a2 = net.actor(), c2 = net.critic();
        double tol = discrete ? 5e-4 : 2e-5;
        for (int l = 0; l < actor.layers(); l++) {
            assertClose(a2.weights(l), actor.weights(l), "actor W" + l, tol);
            assertClose(a2.biases(l), actor.biases(l), "actor b" + l, tol);
            assertClose(c2.weights(l), critic.weights(l), "critic W" + l, tol);
            assertClose(c2.biases(l), critic.biases(l), "critic b" + l, tol);
        }
        assertClose(net.logStd(), logStd, "log_std", tol);

        // the loss report: the graph's outputs with the Java weights
        net.setFrom(actor, critic, logStd);
        java.util.Map<String, Double> expected = net.evaluate(obs, act, old, adv, ret, n, "pg_loss", "v_loss",
                "entropy", "approx_kl");
        java.util.Map<String, Double> actual = java.losses(obs, act, old, adv, ret, n);
        for (String k : expected.keySet()) {
            assertEquals(expected.get(k), actual.get(k), 1e-5 + 1e-5 * Math.abs(expected.get(k)), k);
        }
    }

    /**
     * SameDiff's log-softmax gradient is about 1 % off the true one (see the finite-difference test below), so
     * discrete runs agree to a looser tolerance; continuous runs agree to float precision.
     */
    static void assertClose(float[] expected, float[] actual, String what, double tol) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol + 1e-3 * Math.abs(expected[i]), what + "[" + i + "]");
        }
    }

    @Test
    void discreteGradientMatchesFiniteDifferences() {
        int obsDim = 3, actDim = 4, n = 16;
        PolicyNet.LossConfig lc = new PolicyNet.LossConfig(0.2, 0.5, 0.05, true, 3e-3);
        PolicyNet net = PolicyNet.create(obsDim, actDim, true, new int[] {6}, lc, 5);
        SplittableRandom r = new SplittableRandom(4);
        float[] obs = new float[n * obsDim], act = new float[n * actDim], old = new float[n], adv = new float[n],
                ret = new float[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < obsDim; k++) {
                obs[i * obsDim + k] = (float) r.nextDouble(-1, 1);
            }
            act[i * actDim + r.nextInt(actDim)] = 1;
            old[i] = (float) (Math.log(0.25) + r.nextDouble(-0.4, 0.4));
            adv[i] = (float) r.nextGaussian();
            ret[i] = (float) r.nextGaussian();
        }
        float[][] g = new JavaUpdate(net.actor(), net.critic(), net.logStd(), true, lc)
                .gradients(obs, act, old, adv, ret, n);
        // central differences of the graph's loss, output biases (pi_b1) and a few first-layer weights (pi_w0)
        String[] vars = {"pi_b1", "pi_w0"};
        int[] gIndex = {3, 0}; // gradients come as actor w0, b0, w1, b1, then the critic
        for (int v = 0; v < vars.length; v++) {
            float[] base = vars[v].equals("pi_b1") ? net.actor().biases(1).clone() : net.actor().weights(0).clone();
            for (int j = 0; j < Math.min(4, base.length); j++) {
                double h = 1e-2;
                float[] p = base.clone();
                p[j] += (float) h;
                net.set(vars[v], p);
                double lp = net.evaluate(obs, act, old, adv, ret, n, "loss").get("loss");
                p[j] -= (float) (2 * h);
                net.set(vars[v], p);
                double lm = net.evaluate(obs, act, old, adv, ret, n, "loss").get("loss");
                net.set(vars[v], base);
                assertEquals((lp - lm) / (2 * h), g[gIndex[v]][j], 2e-5, vars[v] + "[" + j + "]");
            }
        }
    }

    @Test
    void twoThreadsGiveTheSameWeightsAsOne() {
        PolicyNet.LossConfig lc = new PolicyNet.LossConfig(0.2, 0.5, 0.01, true, 1e-3);
        PolicyNet net = PolicyNet.create(6, 5, true, new int[] {16, 16}, lc, 3);
        Mlp a1 = net.actor(), c1 = net.critic(), a2 = net.actor(), c2 = net.critic();
        int n = 200;
        SplittableRandom r = new SplittableRandom(1);
        float[] obs = new float[n * 6], act = new float[n * 5], old = new float[n], adv = new float[n], ret = new float[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 6; k++) {
                obs[i * 6 + k] = (float) r.nextDouble(-1, 1);
            }
            act[i * 5 + r.nextInt(5)] = 1;
            old[i] = (float) Math.log(0.2);
            adv[i] = (float) r.nextGaussian();
            ret[i] = (float) r.nextGaussian();
        }
        new JavaUpdate(a1, c1, new float[0], true, lc, 1).fitEpochs(obs, act, old, adv, ret, n, 64, 3, new SplittableRandom(2));
        JavaUpdate two = new JavaUpdate(a2, c2, new float[0], true, lc, 2);
        two.fitEpochs(obs, act, old, adv, ret, n, 64, 3, new SplittableRandom(2));
        two.close();
        for (int l = 0; l < a1.layers(); l++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a1.weights(l), a2.weights(l));
            org.junit.jupiter.api.Assertions.assertArrayEquals(c1.weights(l), c2.weights(l));
        }
    }

    @Test
    void discreteHuber() {
        sameSteps(true, true);
    }

    @Test
    void discreteMse() {
        sameSteps(true, false);
    }

    @Test
    void continuousHuber() {
        sameSteps(false, true);
    }

    @Test
    void continuousMse() {
        sameSteps(false, false);
    }

    /** A 63-sample minibatch pads the scratch to 64 rows; a later 64-sample one must fit in it (it once overran). */
    @Test
    void aLargerMinibatchWithinThePaddedCapacityFits() {
        int obsDim = 5, actDim = 3, n = 64;
        PolicyNet.LossConfig lc = new PolicyNet.LossConfig(0.2, 0.5, 0.05, false, 3e-3);
        PolicyNet net = PolicyNet.create(obsDim, actDim, true, new int[] {8}, lc, 11);
        JavaUpdate java = new JavaUpdate(net.actor(), net.critic(), net.logStd(), true, lc);
        SplittableRandom r = new SplittableRandom(2);
        float[] obs = new float[n * obsDim], act = new float[n * actDim], old = new float[n], adv = new float[n],
                ret = new float[n];
        for (int i = 0; i < n; i++) {
            obs[i * obsDim] = (float) r.nextDouble(-1, 1);
            act[i * actDim + r.nextInt(actDim)] = 1;
            old[i] = (float) Math.log(1.0 / actDim);
            adv[i] = (float) r.nextGaussian();
        }
        java.fitEpochs(obs, act, old, adv, ret, 63, 64, 1, new SplittableRandom(1));
        java.fitEpochs(obs, act, old, adv, ret, 64, 64, 1, new SplittableRandom(1));
        for (float w : net.actor().weights(0)) {
            assertEquals(false, Float.isNaN(w));
        }
    }
}
