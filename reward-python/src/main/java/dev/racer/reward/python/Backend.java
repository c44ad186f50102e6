package dev.racer.reward.python;

import java.util.Locale;

/** Where a Python reward file runs. */
public enum Backend {
    /** GraalPy, unless the file imports numpy, scipy or shapely: then CPython. */
    AUTO,
    /** GraalPy embedded in the JVM: sandboxed, fastest with the Graal compiler; pure-Python standard library only. */
    GRAALPY,
    /** The user's own {@code python3} as a child process: any installed library (numpy...), not sandboxed. */
    CPYTHON;

    /** Parses {@code auto}, {@code graalpy} or {@code cpython} (any case). */
    public static Backend parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown backend \"" + s + "\": use auto, graalpy or cpython");
        }
    }

    /** The lower-case name users type. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
