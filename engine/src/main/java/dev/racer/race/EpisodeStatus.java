package dev.racer.race;

/** Why an episode is where it is, with DeepRacer's sim-trace names ({@link #traceName()}). */
public enum EpisodeStatus {
    PREPARE("prepare"),
    IN_PROGRESS("in_progress"),
    OFF_TRACK("off_track"),
    REVERSED("reversed"),
    IMMOBILIZED("immobilized"),
    CRASHED("crashed"),
    PAUSE("pause"),
    LAP_COMPLETE("lap_complete"),
    TIME_UP("time_up");

    private final String traceName;

    EpisodeStatus(String traceName) {
        this.traceName = traceName;
    }

    /** The word DeepRacer writes in the {@code episode_status} column of its sim-trace. */
    public String traceName() {
        return traceName;
    }

    /** Whether this status ends an episode by failure (off track, reversed, immobilised, crashed). */
    public boolean isFailure() {
        return this == OFF_TRACK || this == REVERSED || this == IMMOBILIZED || this == CRASHED;
    }
}
