package dev.racer.trainer.ppo;

import dev.racer.trainer.conv.ConvBench;
import java.lang.management.ManagementFactory;
import java.util.Properties;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.internal.memory.NoOpMemoryMgr;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Throughput of the camera network as the SameDiff graph ({@link PolicyNet#createCamera}) on ND4J's native
 * backend, measured as {@link dev.racer.trainer.conv.ConvBench} measures the plain-Java path: the forward pass
 * ({@link PolicyNet#forward}, as rollouts call it) and the PPO update ({@link PolicyNet#fitEpochs}) on random
 * frames. ND4J runs its work on native threads, so CPU figures are the whole process's CPU time.
 *
 * <p>The native build is whichever {@code nd4j-native} jar is on the class path (its classifier, chosen by
 * JavaCPP's {@code javacpp.platform.extension} property, e.g. {@code -onednn-avx2}); {@link Result#nd4j} says
 * what loaded.
 */
public final class SameDiffConvBench {
    private SameDiffConvBench() {
    }

    /** The convolutions' data layout: channels first (the model format) or last. */
    public enum Layout { NCHW, NHWC }

    /**
     * @param forwardPerSecond    frames/s through {@link PolicyNet#forward}, {@code batch} frames a call
     * @param forwardPerCpuSecond frames per second of the process's CPU time
     * @param updatePerSecond     frame-epochs/s through {@link PolicyNet#fitEpochs} (minibatches of {@code minibatch})
     * @param updatePerCpuSecond  frame-epochs per second of the process's CPU time
     * @param nd4j                the backend, BLAS, native build and threads ND4J reports
     */
    public record Result(double forwardPerSecond, double forwardPerCpuSecond, double updatePerSecond,
                         double updatePerCpuSecond, String nd4j) {
    }

    /**
     * Runs each half for about {@code seconds} (at least one call each, after one warm-up call).
     *
     * @param threads     native threads asked of ND4J (its maximum and master threads) and of OpenBLAS, put back to
     *                    one afterwards; ND4J 1.0.0-M1.1 keeps the count it read from {@code OMP_NUM_THREADS} at
     *                    load, so {@link Result#nd4j} says what ran (set the variable to match)
     * @param layout      the convolutions' data layout (NHWC: benchmarks only, not the model format)
     * @param cacheArrays whether inference keeps SameDiff's default array cache (its workspace-like memory
     *                    manager); false: a fresh array per op ({@code NoOpMemoryMgr}). Training always uses the
     *                    cache (SameDiff 1.0.0-M1.1 makes a new training session per fit call, with no setting)
     * @param helpers     whether ND4J may use its platform helpers (oneDNN) where the native build has them; put
     *                    back to allowed afterwards
     */
    public static Result run(String network, int channels, int actions, int batch, int minibatch, int threads,
                             Layout layout, boolean cacheArrays, boolean helpers, double seconds) {
        PolicyNet net = PolicyNet.createCamera(network, channels, actions, true,
                new PolicyNet.LossConfig(0.2, 0.5, 0.01, true, 3e-4), 1, layout == Layout.NHWC);
        setThreads(threads);
        Nd4j.getEnvironment().allowHelpers(helpers);
        try {
            return measure(net, actions, batch, minibatch, cacheArrays, seconds, threads);
        } finally {
            setThreads(1);
            Nd4j.getEnvironment().allowHelpers(true);
        }
    }

    private static Result measure(PolicyNet net, int actions, int batch, int minibatch, boolean cacheArrays,
                                  double seconds, int threads) {
        SplittableRandom rnd = new SplittableRandom(1);
        int d = net.obsDim();
        int frames = 2 * minibatch;
        float[] fr = new float[Math.max(frames, batch) * d];
        for (int i = 0; i < fr.length; i++) {
            fr[i] = rnd.nextInt(256) / 255f;
        }
        float[] obs = java.util.Arrays.copyOf(fr, batch * d);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        net.forward(obs, batch); // creates this thread's inference session
        if (!cacheArrays) {
            net.sameDiff().getSessions().get(Thread.currentThread().threadId()).setMmgr(new NoOpMemoryMgr());
        }
        long end = System.nanoTime() + (long) (seconds * 0.2e9);
        while (System.nanoTime() < end) {
            net.forward(obs, batch);
        }
        long done = 0;
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        end = t0 + (long) (seconds * 1e9);
        do {
            net.forward(obs, batch);
            done += batch;
        } while (System.nanoTime() < end);
        double fwd = done / ((System.nanoTime() - t0) / 1e9);
        double fwdCpu = done / ((os.getProcessCpuTime() - c0) / 1e9);

        ConvBench.Samples smp = ConvBench.Samples.random(frames, actions, rnd);
        float[] act = smp.act(), lp = smp.logp(), adv = smp.adv(), ret = smp.ret();
        SplittableRandom sh = new SplittableRandom(2);
        net.fitEpochs(fr, act, lp, adv, ret, frames, minibatch, 1, sh);
        long n = 0;
        c0 = os.getProcessCpuTime();
        t0 = System.nanoTime();
        end = t0 + (long) (seconds * 1e9);
        do {
            net.fitEpochs(fr, act, lp, adv, ret, frames, minibatch, 1, sh);
            n += frames;
        } while (System.nanoTime() < end);
        double upd = n / ((System.nanoTime() - t0) / 1e9);
        double updCpu = n / ((os.getProcessCpuTime() - c0) / 1e9);
        return new Result(fwd, fwdCpu, upd, updCpu, info(threads));
    }

    /** Asks ND4J for {@code threads} native threads (maximum and master threads), and OpenBLAS. */
    private static void setThreads(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        try {
            org.bytedeco.openblas.global.openblas.blas_set_num_threads(threads);
        } catch (Throwable ignored) {
            // no OpenBLAS preset: ND4J's setting is all there is
        }
    }

    private static String info(int threads) {
        Properties p = Nd4j.getExecutioner().getEnvironmentInformation();
        return p.getProperty("backend", "?") + " backend, BLAS " + p.getProperty("blas.vendor", "?")
                + ", native build " + nativeBuild() + ", " + Nd4j.getEnvironment().maxThreads()
                + " native thread(s) (asked " + threads + "), OMP_NUM_THREADS="
                + System.getenv().getOrDefault("OMP_NUM_THREADS", "unset") + ", platform helpers (oneDNN) "
                + (Nd4j.getEnvironment().helpersAllowed() ? "allowed" : "off");
    }

    /** The folder JavaCPP loaded ND4J's library from: the jar's classifier ({@code linux-x86_64-onednn-avx2}). */
    private static String nativeBuild() {
        for (var e : org.bytedeco.javacpp.Loader.getLoadedLibraries().entrySet()) {
            String path = e.getValue();
            if (path != null && path.contains("jnind4jcpu")) {
                java.nio.file.Path dir = java.nio.file.Path.of(path).getParent();
                return dir == null ? path : dir.getFileName().toString();
            }
        }
        return "?";
    }
}
