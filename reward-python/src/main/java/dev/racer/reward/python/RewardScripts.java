package dev.racer.reward.python;

import java.nio.file.Path;
import java.time.Duration;

/** Opens Python reward files with the backend they need. */
public final class RewardScripts {
    /** Default time budget of one call: far above any sane reward (µs), low enough to catch an endless loop. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(1);

    private RewardScripts() {
    }

    /** {@link #load(Path, Backend, Duration)} with {@link Backend#AUTO} and {@link #DEFAULT_BUDGET}. */
    public static ScriptReward load(Path file) {
        return load(file, Backend.AUTO, DEFAULT_BUDGET);
    }

    /**
     * A new reward function for {@code file} (one per worker thread). {@link Backend#AUTO} picks CPython when
     * the file imports numpy, scipy or shapely, GraalPy otherwise. Problems the user can fix are
     * {@link RewardScriptException}s with the file, the line and what is wrong.
     */
    public static ScriptReward load(Path file, Backend backend, Duration perCallBudget) {
        return load(file, backend, perCallBudget, false);
    }

    /**
     * {@link #load(Path, Backend, Duration)}; {@code shortRun} for a few calls (racer reward check): GraalPy then
     * runs interpreted, as compiling would cost more CPU than the calls themselves. Same sandbox either way.
     */
    public static ScriptReward load(Path file, Backend backend, Duration perCallBudget, boolean shortRun) {
        return load(RewardSource.read(file), backend, perCallBudget, shortRun, System.err);
    }

    /**
     * {@link #load(Path, Backend, Duration, boolean)} for a source already read; {@code guestOut} receives what a
     * GraalPy reward prints (the CPython backend's child process writes to this process's stderr).
     */
    public static ScriptReward load(RewardSource source, Backend backend, Duration perCallBudget, boolean shortRun,
                                    java.io.OutputStream guestOut) {
        RewardScriptException odd = source.oddCharError();
        if (odd != null) {
            throw odd;
        }
        return switch (choose(source, backend)) {
            case CPYTHON -> new CPythonReward(source, perCallBudget);
            default -> new PythonReward(source, perCallBudget, shortRun, guestOut);
        };
    }

    /** The backend {@code backend} means for {@code source}: AUTO resolved. */
    public static Backend choose(RewardSource source, Backend backend) {
        if (backend != Backend.AUTO) {
            return backend;
        }
        return source.nativeLibs().isEmpty() ? Backend.GRAALPY : Backend.CPYTHON;
    }

    /** Why {@link #choose} picked what it picked, for users. */
    public static String reason(RewardSource source, Backend requested) {
        if (requested != Backend.AUTO) {
            return "chosen with --backend " + requested.id();
        }
        return source.nativeLibs().isEmpty() ? "auto: pure Python"
                : "auto: the file imports " + String.join(", ", source.nativeLibs());
    }
}
