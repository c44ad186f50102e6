package dev.racer.reward.python;

import dev.racer.reward.RewardException;

/** A reward file the user must fix (or a step it failed on), with what kind of problem it is. */
public final class RewardScriptException extends RewardException {

    /** What went wrong; each kind has its own message. */
    public enum Kind {
        /** Python cannot parse the file. */
        SYNTAX,
        /** Invisible or look-alike characters (zero-width space, NBSP, a BOM mid-file...) in the code. */
        INVISIBLE_CHARACTER,
        /** The file defines no {@code reward_function}. */
        MISSING_FUNCTION,
        /** {@code reward_function} does not take exactly one argument. */
        SIGNATURE,
        /** The file raised an exception, at import or in {@code reward_function}. */
        EXCEPTION,
        /** {@code reward_function} returned something that is not a number (None, a string...). */
        NOT_A_NUMBER,
        /** NaN, infinity or a value outside [-1e5, 1e5]. */
        BAD_VALUE,
        /** The call took longer than its time budget. */
        TIMEOUT,
        /** The backend itself could not run (no python3, numpy missing, the child process died...). */
        BACKEND
    }

    private final Kind kind;

    public RewardScriptException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RewardScriptException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    @Override
    public boolean timedOut() {
        return kind == Kind.TIMEOUT;
    }

    public Kind kind() {
        return kind;
    }

    /** Parses the host script's {@code "KIND\tmessage"}. */
    static RewardScriptException fromHost(String encoded) {
        if (encoded == null) {
            return new RewardScriptException(Kind.EXCEPTION, "reward_function failed (no message)");
        }
        int tab = encoded.indexOf('\t');
        Kind k = Kind.EXCEPTION;
        if (tab > 0) {
            try {
                k = Kind.valueOf(encoded.substring(0, tab));
            } catch (IllegalArgumentException e) {
                tab = -1;
            }
        }
        return new RewardScriptException(k, tab > 0 ? encoded.substring(tab + 1) : encoded);
    }
}
