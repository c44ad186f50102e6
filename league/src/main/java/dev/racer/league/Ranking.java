package dev.racer.league;

import java.util.Locale;

/** How a league ranks a race: DeepRacer's three time-trial rules. Lower is better for all three. */
public enum Ranking {
    /** the fastest single lap */
    BEST_LAP_TIME,
    /** the mean of the league's consecutive laps */
    AVG_LAP_TIME,
    /** the time for all the league's laps, penalties included */
    TOTAL_TIME;

    /** Accepts {@code total_time}, {@code TOTAL_TIME}, {@code total-time}; a clear error otherwise. */
    public static Ranking parse(String s) {
        if (s == null) {
            throw new IllegalArgumentException("ranking must be one of best_lap_time, avg_lap_time, total_time");
        }
        String k = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (k) {
            case "BEST_LAP_TIME", "BEST_LAP" -> BEST_LAP_TIME;
            case "AVG_LAP_TIME", "AVERAGE_LAP_TIME", "AVG_LAP" -> AVG_LAP_TIME;
            case "TOTAL_TIME", "TOTAL" -> TOTAL_TIME;
            default -> throw new IllegalArgumentException("ranking must be one of best_lap_time, avg_lap_time,"
                    + " total_time; got \"" + s + "\"");
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
