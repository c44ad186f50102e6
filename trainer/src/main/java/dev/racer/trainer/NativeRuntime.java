package dev.racer.trainer;

import java.nio.file.Path;

/**
 * Prepares ND4J's native runtime once: JavaCPP's cache in the project cache ({@code racer.cache}, default
 * {@code .cache}) unless {@code org.bytedeco.javacpp.cachedir} is set, and one native thread (our own worker
 * threads do the parallel work; {@code OMP_NUM_THREADS=1} semantics).
 */
public final class NativeRuntime {
    private static volatile boolean done;

    private NativeRuntime() {
    }

    public static void init() {
        init(1);
    }

    /**
     * As {@link #init()} with {@code threads} native threads ({@code racer bench conv --backend samediff}). Only the
     * first call sets them: ND4J can lower its thread count later but never raise it past its first setting (nor
     * past {@code OMP_NUM_THREADS}).
     */
    public static synchronized void init(int threads) {
        if (done) {
            return;
        }
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            Path cache = Path.of(System.getProperty("racer.cache", ".cache"), "javacpp").toAbsolutePath();
            System.setProperty("org.bytedeco.javacpp.cachedir", cache.toString());
        }
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(threads);
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(threads);
        try {
            org.bytedeco.openblas.global.openblas.blas_set_num_threads(threads);
        } catch (Throwable ignored) {
            // older or newer presets: ND4J's own setting above is enough
        }
        done = true;
    }
}
