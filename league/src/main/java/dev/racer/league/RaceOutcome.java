package dev.racer.league;

import java.util.List;

/**
 * What one league race produced.
 *
 * @param completed  every lap of the league was finished
 * @param endReason  why the race ended: {@code finished}, {@code off_track} (reset limit), {@code reversed},
 *                   {@code immobilized}, {@code time_up}, ...
 * @param laps       the laps raced (the last one may be unfinished)
 * @param totalMs    race time [ms] in simulation time, penalties included
 * @param offtracks  times the car left the track
 * @param resets     times the car was put back on the track
 * @param steps      simulation steps
 */
public record RaceOutcome(boolean completed, String endReason, List<Lap> laps, long totalMs, int offtracks,
                          int resets, long steps) {

    /**
     * One lap.
     *
     * @param lap       0-based lap number
     * @param timeMs    lap time [ms], penalties included
     * @param offtracks times off track in this lap
     * @param completed the lap was finished
     */
    public record Lap(int lap, long timeMs, int offtracks, boolean completed) {
    }

    public RaceOutcome {
        laps = List.copyOf(laps);
    }

    /** Finished laps. */
    public int lapsCompleted() {
        return (int) laps.stream().filter(Lap::completed).count();
    }

    /** The fastest finished lap [ms], or -1. */
    public long bestLapMs() {
        return laps.stream().filter(Lap::completed).mapToLong(Lap::timeMs).min().orElse(-1);
    }

    /** The mean of the finished laps [ms], or -1. */
    public long avgLapMs() {
        return lapsCompleted() == 0 ? -1
                : Math.round(laps.stream().filter(Lap::completed).mapToLong(Lap::timeMs).average().orElse(-1));
    }

    /** The score the ranking rule gives a completed race [ms] (lower is better), or -1 if not completed. */
    public long scoreMs(Ranking ranking) {
        if (!completed) {
            return -1;
        }
        return switch (ranking) {
            case BEST_LAP_TIME -> bestLapMs();
            case AVG_LAP_TIME -> avgLapMs();
            case TOTAL_TIME -> totalMs;
        };
    }
}
