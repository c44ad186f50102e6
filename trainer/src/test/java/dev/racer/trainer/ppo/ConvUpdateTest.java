package dev.racer.trainer.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.trainer.conv.ConvBench;
import dev.racer.trainer.conv.ConvNet;
import dev.racer.trainer.conv.ConvUpdate;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The plain-Java camera network against the SameDiff graph: outputs, loss gradients, reproducible training. */
class ConvUpdateTest {
    private static final PolicyNet.LossConfig LOSS = new PolicyNet.LossConfig(0.2, 0.5, 0.01, true, 3e-4);

    private static byte[] frames(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] x = new byte[n];
        for (int i = 0; i < n; i++) {
            x[i] = (byte) r.nextInt(256);
        }
        return x;
    }

    private static float[] floats(byte[] f) {
        float[] x = new float[f.length];
        for (int i = 0; i < f.length; i++) {
            x[i] = (f[i] & 0xFF) / 255f;
        }
        return x;
    }

    private static void close(float[] want, float[] got, String what) {
        close(want, got, what, 2e-3);
    }

    /** Equal to {@code rel} of the largest magnitude in {@code want}. */
    private static void close(float[] want, float[] got, String what, double rel) {
        assertEquals(want.length, got.length, what);
        double scale = 1e-6;
        for (float w : want) {
            scale = Math.max(scale, Math.abs(w));
        }
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], rel * scale, what + "[" + i + "]");
        }
    }

    private static void matchesTheGraph(String preset, int channels, int actions, boolean huber) {
        PolicyNet.LossConfig loss = new PolicyNet.LossConfig(0.2, 0.5, 0.01, huber, 3e-4);
        PolicyNet net = PolicyNet.createCamera(preset, channels, actions, true, loss, 11);
        ConvNet cn = new ConvNet(preset, channels, actions);
        cn.read(net::values);
        int b = 6, d = net.obsDim();
        byte[] fr = frames(b * d, 5);
        float[] obs = floats(fr);
        float[][] sd = net.forward(obs, b);
        float[] out = new float[b * actions], val = new float[b];
        cn.new Inference(b).forward(obs, b, out, val);
        close(sd[0], out, preset + " logits");
        close(sd[1], val, preset + " values");

        float[] act = new float[b * actions];
        float[] oldLogp = new float[b], adv = new float[b], ret = new float[b];
        double[] shift = {0, 0.5, -0.5, 0.05, 1.0, -1.0};
        for (int i = 0; i < b; i++) {
            int a = (i * 7) % actions;
            act[i * actions + a] = 1;
            float[] p = new float[actions];
            ClippedPpo.softmax(java.util.Arrays.copyOfRange(out, i * actions, (i + 1) * actions), p);
            oldLogp[i] = (float) (Math.log(p[a]) + shift[i]);
            adv[i] = i % 2 == 0 ? 1.3f : -0.7f;
            ret[i] = val[i] + (i % 3 == 0 ? 2.5f : -0.3f); // both sides of Huber's delta
        }
        int[] rows = {0, 1, 2, 3, 4, 5};
        String[] names = cn.variables().toArray(String[]::new);
        Map<String, float[]> want = net.gradients(obs, act, oldLogp, adv, ret, b, names);
        try (ConvUpdate up = new ConvUpdate(cn, 0.2, 0.5, 0.01, huber, 3e-4, 2)) {
            Map<String, float[]> got = up.gradients(fr, rows, act, oldLogp, adv, ret);
            // SameDiff's own gradient of the actor head is off its loss's finite differences by ~0.3 % (its
            // log-softmax back-propagation); there the plain-Java gradient is held to the finite differences
            float[] pb = net.values("pi_b0");
            float[] fd = new float[actions];
            for (int k = 0; k < actions; k++) {
                double h = 1e-2;
                float[] q = pb.clone();
                q[k] += (float) h;
                net.set("pi_b0", q);
                double plus = net.evaluate(obs, act, oldLogp, adv, ret, b, "loss").get("loss");
                q[k] = pb[k] - (float) h;
                net.set("pi_b0", q);
                double minus = net.evaluate(obs, act, oldLogp, adv, ret, b, "loss").get("loss");
                net.set("pi_b0", pb);
                fd[k] = (float) ((plus - minus) / (2 * h));
            }
            close(fd, got.get("pi_b0"), preset + " d/dpi_b0 (finite differences)", 1e-3);
            for (String v : names) {
                close(want.get(v), got.get(v), preset + " d/d" + v, v.startsWith("pi_") ? 1e-2 : 2e-3);
            }
            Map<String, Double> l = net.evaluate(obs, act, oldLogp, adv, ret, b, "pg_loss", "v_loss", "entropy",
                    "approx_kl");
            Map<String, Double> m = up.losses(fr, act, oldLogp, adv, ret, b);
            for (String k : l.keySet()) {
                assertEquals(l.get(k), m.get(k), 1e-4 * Math.max(1, Math.abs(l.get(k))), k);
            }
        }
    }

    @Test
    void shallowMatchesTheGraphOnValuesAndGradients() {
        matchesTheGraph("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 5, true);
    }

    @Test
    void stereoDeeperPresetMatchesTheGraph() {
        matchesTheGraph("DEEP_CONVOLUTIONAL_NETWORK", 2, 3, false);
    }

    @Test
    void trainingIsTheSameWithOneOrTwoThreadsAndStopsWhenAsked() {
        PolicyNet net = PolicyNet.createCamera("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 3, true, LOSS, 3);
        int n = 20, d = net.obsDim();
        byte[] fr = frames(n * d, 9);
        ConvBench.Samples smp = ConvBench.Samples.random(n, 3, new SplittableRandom(4));
        float[] act = smp.act(), lp = smp.logp(), adv = smp.adv(), ret = smp.ret();
        float[][] w = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            ConvNet cn = new ConvNet("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 3);
            cn.read(net::values);
            try (ConvUpdate up = new ConvUpdate(cn, 0.2, 0.5, 0.01, true, 3e-4, threads)) {
                int done = up.fitEpochs(fr, act, lp, adv, ret, n, 8, 2, new SplittableRandom(1), () -> false);
                assertEquals(4, done, "2 epochs of 2 minibatches");
            }
            float[][] keep = new float[1][];
            cn.write((k, v) -> {
                if (k.equals("conv_w0")) {
                    keep[0] = v;
                }
            });
            w[threads - 1] = keep[0];
        }
        assertArrayEquals(w[0], w[1], "same weights whatever the threads");
        float[] before = net.values("conv_w0");
        assertTrue(java.util.Arrays.mismatch(before, w[0]) >= 0, "training moved the first convolution");

        ConvNet cn = new ConvNet("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 3);
        cn.read(net::values);
        int[] polls = {0};
        try (ConvUpdate up = new ConvUpdate(cn, 0.2, 0.5, 0.01, true, 3e-4, 1)) {
            int done = up.fitEpochs(fr, act, lp, adv, ret, n, 8, 10, new SplittableRandom(1), () -> ++polls[0] > 3);
            assertEquals(3, done, "the update ends at the first poll that says stop");
        }
    }
    @Test
    void adamStateWrittenAndReadGoesOnAsIfNeverStopped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        PolicyNet net = PolicyNet.createCamera("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 3, true, LOSS, 3);
        int n = 8, d = net.obsDim();
        byte[] fr = frames(n * d, 9);
        ConvBench.Samples smp = ConvBench.Samples.random(n, 3, new SplittableRandom(4));
        float[] act = smp.act(), lp = smp.logp(), adv = smp.adv(), ret = smp.ret();
        // two epochs in one go, against one epoch, the state written and read into a fresh update, one more
        ConvNet whole = new ConvNet("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 3);
        whole.read(net::values);
        try (ConvUpdate up = new ConvUpdate(whole, 0.2, 0.5, 0.01, true, 3e-4, 1)) {
            up.fitEpochs(fr, act, lp, adv, ret, n, 8, 1, new SplittableRandom(1), () -> false);
            up.fitEpochs(fr, act, lp, adv, ret, n, 8, 1, new SplittableRandom(2), () -> false);
        }
        ConvNet cut = new ConvNet("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 3);
        cut.read(net::values);
        java.nio.file.Path file = tmp.resolve("model-000001.adam");
        try (ConvUpdate up = new ConvUpdate(cut, 0.2, 0.5, 0.01, true, 3e-4, 1)) {
            up.fitEpochs(fr, act, lp, adv, ret, n, 8, 1, new SplittableRandom(1), () -> false);
            AdamState.write(file, up.adamState());
        }
        try (ConvUpdate up = new ConvUpdate(cut, 0.2, 0.5, 0.01, true, 3e-4, 1)) {
            AdamState.read(file, up.adamState());
            up.fitEpochs(fr, act, lp, adv, ret, n, 8, 1, new SplittableRandom(2), () -> false);
        }
        java.util.Map<String, float[]> a = new java.util.HashMap<>(), b = new java.util.HashMap<>();
        whole.write(a::put);
        cut.write(b::put);
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k), b.get(k), k + " as if the update had never stopped");
        }
        // a file of another network is refused naming what differs
        ConvNet other = new ConvNet("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 5);
        try (ConvUpdate up = new ConvUpdate(other, 0.2, 0.5, 0.01, true, 3e-4, 1)) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> AdamState.read(file, up.adamState()));
            assertTrue(e.getMessage().contains("model-000001.adam") && e.getMessage().contains("expected"),
                    e.getMessage());
        }
    }
}
