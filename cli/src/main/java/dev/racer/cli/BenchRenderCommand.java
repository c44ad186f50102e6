package dev.racer.cli;

import dev.racer.cli.bench.RenderBench;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racer bench render}: camera frames per second per core, pure-Java rasterizer. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Renders 160x120 grayscale camera frames (the FRONT_FACING_CAMERA sensor) with the pure-Java"
                + " rasterizer from poses along the track and prints frames/s per core.")
public final class BenchRenderCommand implements Runnable {
    @CommandLine.Mixin
    TrackMixin track;

    @Option(names = "--seconds", defaultValue = "5", description = "measuring time [s] (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--threads", defaultValue = "1",
            description = "renderer threads, one rasterizer each (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--stereo", description = "render STEREO_CAMERAS (two frames per observation)")
    boolean stereo;

    @Override
    public void run() {
        if (threads < 1 || seconds <= 0) {
            throw new UserException("--threads must be >= 1 and --seconds > 0");
        }
        TrackGeometry geo = TrackGeometry.of(track.load(), false);
        List<RenderBench.Result> results = new ArrayList<>();
        if (threads == 1) {
            results.add(RenderBench.run(geo, seconds, stereo));
        } else {
            try (ExecutorService ex = Executors.newFixedThreadPool(threads)) {
                List<Future<RenderBench.Result>> fs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    fs.add(ex.submit(() -> RenderBench.run(geo, seconds, stereo)));
                }
                for (Future<RenderBench.Result> f : fs) {
                    results.add(f.get());
                }
            } catch (Exception e) {
                throw new IllegalStateException("benchmark failed: " + e, e);
            }
        }
        double total = 0;
        for (RenderBench.Result r : results) {
            total += r.framesPerSecond();
        }
        double perThread = total / threads;
        System.out.printf(Locale.ROOT, "bench render: track %s, %dx%d grayscale %s, %d thread(s), %.1f s%n", track.id, 160,
                120, stereo ? "STEREO_CAMERAS" : "FRONT_FACING_CAMERA", threads, seconds);
        System.out.printf(Locale.ROOT, "%,.0f frames/s per core (%.3f ms/frame)%n", perThread, 1000 / perThread);
        if (threads > 1) {
            System.out.printf(Locale.ROOT, "%,.0f frames/s in all on %d threads (%d cores available)%n", total, threads,
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
