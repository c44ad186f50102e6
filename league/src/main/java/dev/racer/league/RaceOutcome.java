package dev.racer.league;

import dev.racer.race.LapResult;
import dev.racer.race.TrialResult;
import java.util.List;
import java.util.Locale;

/**
 * What one league race produced: the figures of a {@link TrialResult} the league stores and shows.
 *
 * @param completed  every lap of the league was finished
 * @param endReason  how the trial ended: {@code finished}, {@code off_track} (no reset left), {@code reversed},
 *                   {@code immobilized}, {@code time_up}, ...
 * @param laps       the laps raced (the last one may be unfinished)
 * @param scoreMs    what the league's ranking rule ranks by [ms], or null when the race does not qualify
 * @param bestLapMs  fastest completed lap, or null
 * @param avgLapMs   best mean over consecutive completed laps, or null
 * @param totalMs    the trial clock when it ended [ms], penalties included
 * @param offtracks  times the car left the track
 * @param resets     times the car was put back on the track
 * @param steps      driving steps
 * @param crashes    times the car crashed into an object (each cost the league's collision penalty)
 */
public record RaceOutcome(boolean completed, String endReason, List<Lap> laps, Long scoreMs, Long bestLapMs,
                          Long avgLapMs, long totalMs, int offtracks, int resets, long steps, int crashes) {

    /**
     * One lap.
     *
     * @param lap       lap number, from 1
     * @param timeMs    lap time [ms], penalties included
     * @param offtracks times off track in this lap
     * @param completed the lap was finished
     * @param progress  how far the lap got [%]
     * @param crashes   crashes into objects in this lap (0 in laps stored before they were counted)
     */
    public record Lap(int lap, long timeMs, int offtracks, boolean completed, double progress, int crashes) {
    }

    public RaceOutcome {
        laps = List.copyOf(laps);
    }

    /** Finished laps. */
    public int lapsCompleted() {
        return (int) laps.stream().filter(Lap::completed).count();
    }

    /** The league's view of a time trial. */
    public static RaceOutcome of(TrialResult r) {
        List<Lap> laps = r.laps().stream().map(RaceOutcome::lap).toList();
        return new RaceOutcome(r.lapsCompleted() == r.config().laps(), r.status().name().toLowerCase(Locale.ROOT), laps,
                r.score(), r.bestLapMs(), r.avgLapMs(), r.elapsedMs(), r.offTracks(), r.resets(), r.steps(), r.crashes());
    }

    private static Lap lap(LapResult l) {
        return new Lap(l.lap(), l.timeMs(), l.offTracks(), l.completed(), l.progress(), l.crashes());
    }
}
