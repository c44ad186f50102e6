package dev.racer.league;

import dev.racer.race.RankingRule;
import dev.racer.track.TrackLibrary;

/**
 * The rules one league races every submission under.
 *
 * @param trackId          the track
 * @param laps             laps raced continuously from the start line
 * @param offtrackPenaltyMs time [ms] the car is frozen after going off track before it is put back
 * @param maxResets        off-track resets allowed before the race ends (-1: unlimited)
 * @param ranking          how races are ranked
 * @param timeLimitSeconds wall-clock limit for evaluating one submission [s]
 */
public record LeagueRules(String trackId, int laps, long offtrackPenaltyMs, int maxResets, RankingRule ranking,
                          int timeLimitSeconds) {

    public static final LeagueRules DEFAULT = new LeagueRules("reinvent_base", 3, 2000, -1, RankingRule.TOTAL_TIME, 120);

    public LeagueRules {
        if (!TrackLibrary.isSafeId(trackId)) {
            throw new IllegalArgumentException("track must be a track id (letters, digits, _ . -), got \"" + trackId + "\"");
        }
        if (laps < 1 || laps > 20) {
            throw new IllegalArgumentException("laps must be in [1, 20], got " + laps);
        }
        if (offtrackPenaltyMs < 0 || offtrackPenaltyMs > 60_000) {
            throw new IllegalArgumentException("offtrack penalty must be in [0, 60] s, got " + offtrackPenaltyMs / 1000.0);
        }
        if (maxResets < -1 || maxResets > 1000) {
            throw new IllegalArgumentException("max resets must be -1 (unlimited) or in [0, 1000], got " + maxResets);
        }
        if (ranking == null) {
            throw new IllegalArgumentException("ranking must be given");
        }
        if (timeLimitSeconds < 1 || timeLimitSeconds > 3600) {
            throw new IllegalArgumentException("time limit must be in [1, 3600] s, got " + timeLimitSeconds);
        }
    }
}
