package dev.racer.cli;

import dev.racer.trainer.conv.ConvBench;
import dev.racer.trainer.ppo.SameDiffConvBench;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racer bench conv}: the camera network's forward and update throughput (plain Java or SameDiff). */
@Command(name = "conv", mixinStandardHelpOptions = true,
        description = "Runs the camera network (plain Java: im2col + blocked matrix products; or the SameDiff graph"
                + " on ND4J's native backend) on random 160x120 frames: forward frames/s (rollouts, evaluation) and"
                + " update frame-epochs/s (PPO's forward, back-propagation and Adam), and what that means for camera"
                + " PPO steps/s.")
final class BenchConvCommand implements Runnable {
    @Option(names = "--backend", defaultValue = "java",
            description = "java (what training runs) or samediff (ND4J; the native build on the class path, chosen"
                    + " by -Djavacpp.platform.extension) (default: ${DEFAULT-VALUE})")
    String backend;
    @Option(names = "--layout", defaultValue = "nchw",
            description = "samediff: the convolutions' data layout, nchw (the model format) or nhwc"
                    + " (default: ${DEFAULT-VALUE})")
    String layout;
    @Option(names = "--memory", defaultValue = "cache",
            description = "samediff: inference arrays from SameDiff's array cache (cache) or fresh per op (noop)"
                    + " (default: ${DEFAULT-VALUE})")
    String memory;
    @Option(names = "--helpers", defaultValue = "on",
            description = "samediff: ND4J's platform helpers (oneDNN in the builds that have it), on or off"
                    + " (default: ${DEFAULT-VALUE})")
    String helpers;
    @Option(names = "--network", defaultValue = "DEEP_CONVOLUTIONAL_NETWORK_SHALLOW",
            description = "preset (default: ${DEFAULT-VALUE})")
    String network;
    @Option(names = "--stereo", description = "two stacked frames (STEREO_CAMERAS)")
    boolean stereo;
    @Option(names = "--actions", defaultValue = "5", description = "discrete actions (default: ${DEFAULT-VALUE})")
    int actions;
    @Option(names = "--batch", defaultValue = "1", description = "frames per forward call (default: ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--minibatch", defaultValue = "64", description = "update minibatch (default: ${DEFAULT-VALUE})")
    int minibatch;
    @Option(names = "--threads", defaultValue = "2",
            description = "update threads (java) or the native threads asked of ND4J and OpenBLAS (samediff; ND4J"
                    + " keeps OMP_NUM_THREADS's count: set it too), 1 or 2 (default: ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--epochs", defaultValue = "10",
            description = "epochs per iteration for the steps/s estimate (DeepRacer: 10) (default: ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--seconds", defaultValue = "5", description = "measuring time per half [s] (default: ${DEFAULT-VALUE})")
    double seconds;

    @Override
    public void run() {
        if (batch < 1 || minibatch < 1 || actions < 2 || threads < 1 || threads > 2 || seconds <= 0 || epochs < 1) {
            throw new UserException("--batch, --minibatch >= 1, --actions >= 2, --threads 1 or 2, --seconds > 0,"
                    + " --epochs >= 1 expected");
        }
        int channels = stereo ? 2 : 1;
        if (backend.equals("samediff")) {
            runSameDiff(channels);
            return;
        }
        if (!backend.equals("java")) {
            throw new UserException("--backend: java or samediff expected, not " + backend);
        }
        ConvBench.Result r;
        try {
            r = ConvBench.run(network, channels, actions, batch, minibatch, threads, seconds);
        } catch (IllegalArgumentException e) {
            throw new UserException("--network: " + e.getMessage());
        }
        double macs = ConvBench.forwardMacs(network, channels, actions);
        System.out.printf(Locale.ROOT, "bench conv: %s, %d channel(s), %d actions, %d thread(s), %d core(s) available,"
                + " %s matrix kernel%n", network, channels, actions, threads, Runtime.getRuntime().availableProcessors(),
                r.kernel());
        System.out.printf(Locale.ROOT, "forward: %,.0f frames/s at batch %d, one thread (%.2f ms/frame, %.1f GFLOP/s;"
                + " %.1f M multiply-adds a frame); %,.0f frames per CPU-second%n", r.forwardPerSecond(), batch,
                1000 / r.forwardPerSecond(), 2 * macs * r.forwardPerSecond() / 1e9, macs / 1e6,
                r.forwardPerCpuSecond());
        System.out.printf(Locale.ROOT, "update:  %,.0f frame-epochs/s, minibatch %d (%.2f ms per frame-epoch; about"
                + " %.0f MB held besides the frames); %,.0f frame-epochs per CPU-second%n", r.updatePerSecond(),
                minibatch, 1000 / r.updatePerSecond(), r.updateMegabytes(), r.updatePerCpuSecond());
        printSteps(r.forwardPerSecond(), r.updatePerSecond());
    }

    private void printSteps(double forward, double update) {
        double perStep = 1 / forward + epochs / update;
        System.out.printf(Locale.ROOT, "camera PPO at %d epochs: about %.0f steps/s from the network alone (rendering"
                + " and physics not counted)%n", epochs, 1 / perStep);
    }

    private void runSameDiff(int channels) {
        if (!layout.equals("nchw") && !layout.equals("nhwc")) {
            throw new UserException("--layout: nchw or nhwc expected, not " + layout);
        }
        if (!memory.equals("cache") && !memory.equals("noop")) {
            throw new UserException("--memory: cache or noop expected, not " + memory);
        }
        if (!helpers.equals("on") && !helpers.equals("off")) {
            throw new UserException("--helpers: on or off expected, not " + helpers);
        }
        SameDiffConvBench.Result r;
        try {
            r = SameDiffConvBench.run(network, channels, actions, batch, minibatch, threads,
                    SameDiffConvBench.Layout.valueOf(layout.toUpperCase(Locale.ROOT)), memory.equals("cache"),
                    helpers.equals("on"), seconds);
        } catch (IllegalArgumentException e) {
            throw new UserException("--network: " + e.getMessage());
        }
        double macs = ConvBench.forwardMacs(network, channels, actions);
        System.out.printf(Locale.ROOT, "bench conv: %s, %d channel(s), %d actions, SameDiff %s, inference memory %s;"
                + " %s; %d core(s) available%n", network, channels, actions, layout.toUpperCase(Locale.ROOT), memory,
                r.nd4j(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "forward: %,.0f frames/s at batch %d (%.2f ms/frame, %.1f GFLOP/s);"
                + " %,.0f frames per CPU-second%n", r.forwardPerSecond(), batch, 1000 / r.forwardPerSecond(),
                2 * macs * r.forwardPerSecond() / 1e9, r.forwardPerCpuSecond());
        System.out.printf(Locale.ROOT, "update:  %,.0f frame-epochs/s, minibatch %d (%.2f ms per frame-epoch);"
                + " %,.0f frame-epochs per CPU-second%n", r.updatePerSecond(), minibatch, 1000 / r.updatePerSecond(),
                r.updatePerCpuSecond());
        printSteps(r.forwardPerSecond(), r.updatePerSecond());
    }
}
