package dev.racer.race;

import java.util.List;

/**
 * The outcome of a time trial. Times are simulation time in milliseconds; {@code null} where a figure does
 * not exist (no lap completed, fewer consecutive laps than averaged, not every lap completed).
 *
 * @param track          track id
 * @param reversed       driven in reverse
 * @param driver         the driver's name
 * @param seed           the reset seed
 * @param config         the rules
 * @param status         how it ended
 * @param laps           every lap begun, the last one possibly incomplete
 * @param lapsCompleted  laps completed
 * @param bestLapMs      fastest completed lap
 * @param avgLapMs       best mean over {@link TimeTrialConfig#avgLaps()} consecutive completed laps
 * @param totalTimeMs    time for all {@link TimeTrialConfig#laps()} laps, when all were completed (the trial
 *                       clock at the last line)
 * @param elapsedMs      the trial clock when it ended, penalties included
 * @param steps          driving steps in the whole trial
 * @param offTracks      off-tracks in the whole trial
 * @param resets         resets in the whole trial
 * @param crashes        crashes into objects in the whole trial
 * @param score          the time {@link TimeTrialConfig#ranking()} ranks by, or null if the trial does not
 *                       qualify
 */
public record TrialResult(String track, boolean reversed, String driver, long seed, TimeTrialConfig config,
                          TrialStatus status, List<LapResult> laps, int lapsCompleted, Long bestLapMs,
                          Long avgLapMs, Long totalTimeMs, long elapsedMs, int steps, int offTracks, int resets,
                          int crashes, Long score) {

    public TrialResult {
        laps = List.copyOf(laps);
    }

    /** Fills in the derived figures from the laps. */
    static TrialResult of(String track, boolean reversed, String driver, long seed, TimeTrialConfig config,
                          TrialStatus status, List<LapResult> laps, long elapsedMs) {
        int completed = 0, steps = 0, offTracks = 0, resets = 0, crashes = 0;
        Long best = null;
        for (LapResult l : laps) {
            steps += l.steps();
            offTracks += l.offTracks();
            resets += l.resets();
            crashes += l.crashes();
            if (l.completed()) {
                completed++;
                best = best == null ? l.timeMs() : Math.min(best, l.timeMs());
            }
        }
        Long avg = null;
        int n = config.avgLaps();
        for (int i = 0; i + n <= laps.size(); i++) {
            long sum = 0;
            boolean all = true;
            for (int k = i; k < i + n; k++) {
                all &= laps.get(k).completed();
                sum += laps.get(k).timeMs();
            }
            if (all) {
                long mean = Math.round(sum / (double) n);
                avg = avg == null ? mean : Math.min(avg, mean);
            }
        }
        // every lap completed: the trial ended on the last lap's line, so its clock is the total (rounded
        // once, rather than the sum of rounded lap times)
        Long total = completed == config.laps() ? elapsedMs : null;
        TrialResult r = new TrialResult(track, reversed, driver, seed, config, status, laps, completed, best, avg,
                total, elapsedMs, steps, offTracks, resets, crashes, null);
        Long score = config.ranking().score(r).isPresent() ? config.ranking().score(r).getAsLong() : null;
        return new TrialResult(track, reversed, driver, seed, config, status, laps, completed, best, avg, total,
                elapsedMs, steps, offTracks, resets, crashes, score);
    }
}
