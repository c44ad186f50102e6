package dev.racer.race;

/**
 * Sees every row of a time trial as it happens: each driving step and each step of a penalty pause (the
 * rows of a sim-trace). The row is reused: copy what must be kept.
 */
@FunctionalInterface
public interface TrialObserver {

    void onRow(TrialRow row);

    TrialObserver NONE = row -> {
    };

    /** This observer, then {@code next}. */
    default TrialObserver andThen(TrialObserver next) {
        return row -> {
            onRow(row);
            next.onRow(row);
        };
    }
}
