package dev.racer.race;

/**
 * Sees every row of a time trial as it happens: each driving step and each step of a penalty pause (the
 * rows of a sim-trace). The row is reused: copy what must be kept.
 */
@FunctionalInterface
public interface TrialObserver {

    void onRow(TrialRow row);

    /**
     * Called once before the car moves, with the starting state: status {@link EpisodeStatus#PREPARE}, lap 1,
     * row 0, time 0, the reset's params (the first row of DeepRacer's sim-trace).
     */
    default void onStart(TrialRow row) {
    }

    TrialObserver NONE = row -> {
    };

    /** This observer, then {@code next}. */
    default TrialObserver andThen(TrialObserver next) {
        TrialObserver first = this;
        return new TrialObserver() {
            @Override
            public void onRow(TrialRow row) {
                first.onRow(row);
                next.onRow(row);
            }

            @Override
            public void onStart(TrialRow row) {
                first.onStart(row);
                next.onStart(row);
            }
        };
    }
}
