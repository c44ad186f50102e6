package dev.racer.league;

import java.nio.file.Path;

/** Races one model folder under a league's rules and writes its sim-trace. */
public interface RaceRunner {

    /**
     * Races {@code modelDir} and writes the per-step sim-trace CSV to {@code traceOut}. Stops with
     * {@link RaceTimeoutException} once {@code deadlineNanos} ({@link System#nanoTime()}) has passed or the thread
     * is interrupted. Throws {@link IllegalArgumentException} when the model cannot be driven.
     */
    RaceOutcome race(Path modelDir, LeagueRules rules, Path traceOut, long deadlineNanos) throws Exception;

    /** The race ran past the league's evaluation time limit. */
    final class RaceTimeoutException extends RuntimeException {
        public RaceTimeoutException(String message) {
            super(message);
        }
    }
}
