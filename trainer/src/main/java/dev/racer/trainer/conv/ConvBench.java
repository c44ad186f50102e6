package dev.racer.trainer.conv;

import dev.racer.trainer.ppo.ConvTorso;
import java.util.SplittableRandom;

/**
 * Throughput of the plain-Java camera network: the forward pass (rollouts, evaluation) and the PPO update
 * (forward, back-propagation and Adam), on random frames with He-normal weights.
 */
public final class ConvBench {
    private ConvBench() {
    }

    /**
     * @param forwardPerSecond   frames/s through the forward pass, {@code batch} frames a call, one thread
     * @param updatePerSecond    frame-epochs/s through the update (minibatches of {@code minibatch})
     * @param forwardPerCpuSecond the same per second of the thread's CPU time (what a busy machine leaves out)
     * @param updatePerCpuSecond frame-epochs per second of the process's CPU time
     * @param updateMegabytes    memory the update holds [MB] (weight-sized arrays, activations and scratch)
     * @param kernel             the matrix kernel that ran ({@code "vector 512-bit"}, {@code "scalar"})
     */
    public record Result(String network, int batch, int minibatch, int threads, double forwardPerSecond,
                         double forwardPerCpuSecond, double updatePerSecond, double updatePerCpuSecond,
                         double updateMegabytes, String kernel) {
    }

    /**
     * A benchmark's PPO samples: one-hot actions {@code [n, A]} drawn uniformly, their log-probability under a
     * uniform policy, and Gaussian advantages and returns.
     */
    public record Samples(float[] act, float[] logp, float[] adv, float[] ret) {
        public static Samples random(int n, int actions, SplittableRandom rnd) {
            float[] act = new float[n * actions], lp = new float[n], adv = new float[n], ret = new float[n];
            for (int i = 0; i < n; i++) {
                act[i * actions + rnd.nextInt(actions)] = 1;
                lp[i] = (float) -Math.log(actions);
                adv[i] = (float) rnd.nextGaussian();
                ret[i] = (float) rnd.nextGaussian();
            }
            return new Samples(act, lp, adv, ret);
        }
    }

    /** Runs each half for about {@code seconds} (after a short warm-up). */
    public static Result run(String network, int channels, int actions, int batch, int minibatch, int threads,
                             double seconds) {
        ConvNet net = new ConvNet(network, channels, actions);
        SplittableRandom rnd = new SplittableRandom(1);
        net.read(name -> {
            int n = size(net, name);
            float[] v = new float[n];
            double std = name.endsWith("_b0") || name.startsWith("conv_b") || name.equals("fc_b") ? 0 : 0.05;
            for (int i = 0; i < n; i++) {
                v[i] = (float) (rnd.nextGaussian() * std);
            }
            return v;
        });
        int d = net.obsDim();
        int frames = Math.max(batch, minibatch) * 2;
        System.gc();
        byte[] fr = new byte[frames * d];
        float[] obs = new float[batch * d];
        for (int i = 0; i < fr.length; i++) {
            fr[i] = (byte) rnd.nextInt(256);
        }
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (fr[i] & 0xFF) / 255f;
        }
        Gemm.preferVector(); // measure the kernel the update runs, once it is warm (as in training)
        long ready = System.nanoTime() + 30_000_000_000L;
        while (Gemm.VECTOR && !Gemm.vectorReady() && System.nanoTime() < ready) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ConvNet.Inference inf = net.new Inference(batch);
        float[] out = new float[batch * actions], val = new float[batch];
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 0.2e9);
        while (System.nanoTime() < end) {
            inf.forward(obs, batch, out, val);
        }
        long done = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            inf.forward(obs, batch, out, val);
            done += batch;
        }
        double fwd = done / ((System.nanoTime() - t0) / 1e9);
        double fwdCpu = done / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);

        Samples smp = Samples.random(frames, actions, rnd);
        float[] act = smp.act(), lp = smp.logp(), adv = smp.adv(), ret = smp.ret();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double upd, updCpu;
        try (ConvUpdate up = new ConvUpdate(net, 0.2, 0.5, 0.01, true, 3e-4, threads)) {
            up.fitEpochs(fr, act, lp, adv, ret, frames, minibatch, 1, new SplittableRandom(2), () -> false);
            long n = 0;
            long p0 = os.getProcessCpuTime();
            t0 = System.nanoTime();
            end = t0 + (long) (seconds * 1e9);
            SplittableRandom sh = new SplittableRandom(3);
            while (System.nanoTime() < end) {
                n += (long) up.fitEpochs(fr, act, lp, adv, ret, frames, minibatch, 1, sh, () -> false) * minibatch;
            }
            upd = n / ((System.nanoTime() - t0) / 1e9);
            updCpu = n / ((os.getProcessCpuTime() - p0) / 1e9);
        }
        return new Result(network, batch, minibatch, threads, fwd, fwdCpu, upd, updCpu, heldMegabytes(net),
                Gemm.kernel());
    }

    private static int size(ConvNet net, String name) {
        int[] n = {0};
        net.write((k, v) -> {
            if (k.equals(name)) {
                n[0] = v.length;
            }
        });
        return n[0];
    }

    /**
     * What the update holds besides the frames [MB]: for each weight array, the weights, Adam's two moments and
     * the two halves' gradients (5 copies), plus per minibatch frame its activations and features.
     */
    static double heldMegabytes(ConvNet net) {
        long weights = (long) net.flat * net.features;
        for (ConvNet.Geo g : net.geo) {
            weights += (long) g.kk() * g.cout() * 2;
        }
        long perFrame = (long) net.channels * net.geo[0].inP() + 3L * net.flat + 2L * net.features;
        for (ConvNet.Geo g : net.geo) {
            perFrame += (long) g.cout() * g.outP();
        }
        return (5 * weights + 64 * perFrame) * 4 / 1e6;
    }

    /** Multiply-adds of one forward pass of one frame (convolutions, dense layer, heads). */
    public static long forwardMacs(String network, int channels, int actions) {
        ConvNet net = new ConvNet(network, channels, actions);
        long m = 0;
        for (ConvNet.Geo g : net.geo) {
            m += (long) g.outP() * g.kk() * g.cout();
        }
        return m + (long) net.flat * ConvTorso.FEATURES + (long) ConvTorso.FEATURES * (actions + 1);
    }
}
