package dev.racer.trainer;

import java.nio.file.Path;

/**
 * Prepares ND4J's native runtime once: JavaCPP's cache in the project cache ({@code racer.cache}, default
 * {@code .cache}) unless {@code org.bytedeco.javacpp.cachedir} is set, and one native thread asked for (our own
 * worker threads do the parallel work). ND4J 1.0.0-M1.1 ignores that request: its thread count stays what it read
 * from {@code OMP_NUM_THREADS} when it loaded (all cores when unset; {@code racer bench conv --backend samediff}
 * prints it), so only the environment variable gives {@code OMP_NUM_THREADS=1} semantics; OpenBLAS's setting holds.
 */
public final class NativeRuntime {
    private static volatile boolean done;

    private NativeRuntime() {
    }

    public static synchronized void init() {
        if (done) {
            return;
        }
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            Path cache = Path.of(System.getProperty("racer.cache", ".cache"), "javacpp").toAbsolutePath();
            System.setProperty("org.bytedeco.javacpp.cachedir", cache.toString());
        }
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(1);
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(1);
        try {
            org.bytedeco.openblas.global.openblas.blas_set_num_threads(1);
        } catch (Throwable ignored) {
            // older or newer presets: ND4J's own setting above is enough
        }
        done = true;
    }
}
