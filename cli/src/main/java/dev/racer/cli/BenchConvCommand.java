package dev.racer.cli;

import dev.racer.trainer.conv.ConvBench;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racer bench conv}: the camera network's forward and update throughput (plain Java). */
@Command(name = "conv", mixinStandardHelpOptions = true,
        description = "Runs the camera network (plain Java: im2col + blocked matrix products) on random 160x120"
                + " frames: forward frames/s (rollouts, evaluation) and update frame-epochs/s (PPO's forward,"
                + " back-propagation and Adam), and what that means for camera PPO steps/s.")
final class BenchConvCommand implements Runnable {
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
    @Option(names = "--threads", defaultValue = "2", description = "update threads, 1 or 2 (default: ${DEFAULT-VALUE})")
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
        double perStep = 1 / r.forwardPerSecond() + epochs / r.updatePerSecond();
        System.out.printf(Locale.ROOT, "camera PPO at %d epochs: about %.0f steps/s from the network alone (rendering"
                + " and physics not counted)%n", epochs, 1 / perStep);
    }
}
