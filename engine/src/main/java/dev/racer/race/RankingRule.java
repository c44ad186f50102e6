package dev.racer.race;

import java.util.Comparator;
import java.util.Locale;
import java.util.OptionalLong;

/** How a league ranks time-trial results: DeepRacer's three ranking methods. Lower is better. */
public enum RankingRule {
    /** the fastest completed lap */
    BEST_LAP_TIME,
    /** the best average over {@link TimeTrialConfig#avgLaps()} consecutive completed laps */
    AVG_LAP_TIME,
    /** the time for all laps of the trial (only when every lap was completed) */
    TOTAL_TIME;

    /** The time this rule ranks by [ms], or empty when the trial does not qualify (too few laps). */
    public OptionalLong score(TrialResult r) {
        Long v = switch (this) {
            case BEST_LAP_TIME -> r.bestLapMs();
            case AVG_LAP_TIME -> r.avgLapMs();
            case TOTAL_TIME -> r.totalTimeMs();
        };
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * Best first: results with a score by score, then the rest by laps completed (more first) and the time
     * they took (less first).
     */
    public Comparator<TrialResult> comparator() {
        return Comparator.<TrialResult>comparingLong(r -> score(r).orElse(Long.MAX_VALUE))
                .thenComparing(Comparator.comparingInt(TrialResult::lapsCompleted).reversed())
                .thenComparingLong(TrialResult::elapsedMs);
    }

    /** Lower-case name as users type it ({@code best_lap_time}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code best_lap_time}, {@code BEST_LAP_TIME}, {@code best-lap-time} or the short forms {@code best}, {@code avg}, {@code total}. */
    public static RankingRule parse(String s) {
        String k = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (k) {
            case "BEST", "BEST_LAP", "BEST_LAP_TIME" -> BEST_LAP_TIME;
            case "AVG", "AVERAGE", "AVG_LAP", "AVG_LAP_TIME", "AVERAGE_LAP_TIME" -> AVG_LAP_TIME;
            case "TOTAL", "TOTAL_TIME" -> TOTAL_TIME;
            default -> throw new IllegalArgumentException("unknown ranking \"" + s
                    + "\"; expected best_lap_time, avg_lap_time or total_time");
        };
    }
}
