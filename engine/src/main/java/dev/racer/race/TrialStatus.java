package dev.racer.race;

import java.util.Locale;

/** How a time trial ended. */
public enum TrialStatus {
    /** every lap completed */
    FINISHED,
    /** went off track with no reset left */
    OFF_TRACK,
    /** drove the wrong way (as the engine rules define it) and that ends the trial, or no reset was left */
    REVERSED,
    /** stood still (as the engine rules define it) and that ends the trial, or no reset was left */
    IMMOBILIZED,
    /** hit an object with no reset left */
    CRASHED,
    /** the trial's time limit ran out before the last lap */
    TIME_UP;

    /** The trial status that a failing episode status ends a trial with. */
    static TrialStatus of(EpisodeStatus s) {
        return switch (s) {
            case OFF_TRACK -> OFF_TRACK;
            case REVERSED -> REVERSED;
            case IMMOBILIZED -> IMMOBILIZED;
            case CRASHED -> CRASHED;
            case TIME_UP -> TIME_UP;
            default -> throw new IllegalArgumentException("not a failure: " + s);
        };
    }

    /** lower-case words for tables */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
