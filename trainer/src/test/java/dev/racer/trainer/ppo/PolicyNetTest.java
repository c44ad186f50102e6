package dev.racer.trainer.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.trainer.Mlp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clipped PPO loss against values computed by hand. */
class PolicyNetTest {
    private static final String[] OUT = {"loss", "pg_loss", "v_loss", "entropy", "approx_kl"};

    /** Zero weights: logits = output bias = [0, ln 2, 0] → probs [1/4, 1/2, 1/4]; value = 0.5 everywhere. */
    private static PolicyNet handBuilt(boolean huber) {
        PolicyNet net = PolicyNet.create(2, 3, true, new int[] {2},
                new PolicyNet.LossConfig(0.2, 0.5, 0.01, huber, 3e-4), 1);
        for (String v : net.variableNames()) {
            int n = v.endsWith("w0") ? 4 : v.endsWith("w1") ? (v.startsWith("pi") ? 6 : 2)
                    : v.endsWith("b0") ? 2 : v.startsWith("pi") ? 3 : 1;
            net.set(v, new float[n]);
        }
        net.set("pi_b1", new float[] {0, (float) Math.log(2), 0});
        net.set("v_b1", new float[] {0.5f});
        return net;
    }

    // sample 0: action 1 (p = 0.5), old p = 0.4 → ratio 1.25, clipped 1.2; adv +1 → min(1.25, 1.2) = 1.2
    // sample 1: action 0 (p = 0.25), old p = 0.5 → ratio 0.5, clipped 0.8; adv -2 → min(-1.0, -1.6) = -1.6
    private static final float[] OBS = {0.3f, -0.7f, 1.0f, 2.0f};
    private static final float[] ACT = {0, 1, 0, 1, 0, 0};
    private static final float[] OLD = {(float) Math.log(0.4), (float) Math.log(0.5)};
    private static final float[] ADV = {1, -2};
    private static final float[] RET = {2.5f, 0.0f}; // value 0.5: errors -2 and +0.5

    @Test
    void discreteClippedLossWithHuberValueLoss() {
        Map<String, Double> m = handBuilt(true).evaluate(OBS, ACT, OLD, ADV, RET, 2, OUT);
        double pg = -(1.2 - 1.6) / 2;                 // 0.2
        double v = (1.5 + 0.125) / 2;                 // huber(2) = 1.5, huber(0.5) = 0.125
        double ent = 1.5 * Math.log(2);               // -(2 * 0.25 ln 0.25 + 0.5 ln 0.5)
        double kl = ((0.25 - Math.log(1.25)) + (-0.5 - Math.log(0.5))) / 2;
        assertEquals(pg, m.get("pg_loss"), 1e-6);
        assertEquals(v, m.get("v_loss"), 1e-6);
        assertEquals(ent, m.get("entropy"), 1e-6);
        assertEquals(kl, m.get("approx_kl"), 1e-6);
        assertEquals(pg + 0.5 * v - 0.01 * ent, m.get("loss"), 1e-6);
    }

    @Test
    void mseValueLoss() {
        Map<String, Double> m = handBuilt(false).evaluate(OBS, ACT, OLD, ADV, RET, 2, OUT);
        assertEquals((0.5 * 4 + 0.5 * 0.25) / 2, m.get("v_loss"), 1e-6);
    }

    @Test
    void continuousGaussianLogProbAndEntropy() {
        PolicyNet net = PolicyNet.create(2, 2, false, new int[] {2},
                new PolicyNet.LossConfig(0.2, 0.5, 0.01, false, 3e-4), 1);
        for (String v : net.variableNames()) {
            if (!v.equals("log_std")) {
                int n = v.endsWith("w0") ? 4 : v.endsWith("w1") ? (v.startsWith("pi") ? 4 : 2)
                        : v.endsWith("b0") ? 2 : v.startsWith("pi") ? 2 : 1;
                net.set(v, new float[n]);
            }
        }
        net.set("pi_b1", new float[] {0.5f, -0.5f});
        net.set("log_std", new float[] {(float) Math.log(0.5), 0f});
        // u = [1, 0.5]: z = [1, 1]; log p = -0.5 - ln 0.5 - 0.5 - 0 - 2 ln sqrt(2 pi)
        double c = 0.5 * Math.log(2 * Math.PI);
        double logp = -1 - Math.log(0.5) - 2 * c;
        float[] old = {(float) (logp - Math.log(1.1))}; // ratio 1.1, inside the clip
        Map<String, Double> m = net.evaluate(new float[] {0.1f, 0.2f}, new float[] {1f, 0.5f}, old,
                new float[] {2f}, new float[] {0.5f}, 1, "pg_loss", "entropy", "logp");
        assertEquals(logp, m.get("logp"), 1e-5);
        assertEquals(-2 * 1.1, m.get("pg_loss"), 1e-5);
        assertEquals(Math.log(0.5) + 2 * (0.5 + c), m.get("entropy"), 1e-6);
    }

    @Test
    void plainJavaCopyMatchesTheGraphAndTrainingLowersTheLoss() {
        PolicyNet net = PolicyNet.create(3, 4, true, new int[] {8, 8},
                new PolicyNet.LossConfig(0.2, 0.5, 0.0, true, 1e-2), 7);
        Mlp actor = net.actor();
        float[] probs = softmax(actor.forward(new float[] {0.1f, -0.2f, 0.3f}).clone());
        assertEquals(1.0, probs[0] + probs[1] + probs[2] + probs[3], 1e-5);
        int b = 32;
        float[] obs = new float[b * 3], act = new float[b * 4], old = new float[b], adv = new float[b], ret = new float[b];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < 3; k++) {
                obs[i * 3 + k] = (float) r.nextDouble(-1, 1);
            }
            int a = r.nextInt(4);
            act[i * 4 + a] = 1;
            float[] p = softmax(actor.forward(new float[] {obs[i * 3], obs[i * 3 + 1], obs[i * 3 + 2]}).clone());
            old[i] = (float) Math.log(p[a]);
            adv[i] = a == 2 ? 1 : -0.3f;
            ret[i] = 1;
        }
        double before = net.evaluate(obs, act, old, adv, ret, b, "loss").get("loss");
        for (int i = 0; i < 20; i++) {
            net.fit(obs, act, old, adv, ret, b);
        }
        double after = net.evaluate(obs, act, old, adv, ret, b, "loss").get("loss");
        assertTrue(after < before, "loss " + before + " -> " + after);
        net.copyTo(actor, net.critic());
        float[] p2 = softmax(actor.forward(new float[] {0.1f, -0.2f, 0.3f}).clone());
        assertTrue(p2[2] > probs[2], "action 2 (positive advantage) became more likely");
    }

    static float[] softmax(float[] z) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) Math.exp(z[i] - max);
            s += z[i];
        }
        for (int i = 0; i < z.length; i++) {
            z[i] /= (float) s;
        }
        return z;
    }
}
