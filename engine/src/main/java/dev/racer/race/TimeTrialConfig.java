package dev.racer.race;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The rules of a time trial. Defaults live in {@link #DEFAULT} only; JSON may override any subset.
 *
 * @param laps            laps to race, continuously from the start line
 * @param offTrackPenalty how long a car that went off track is frozen before it is put back [s]; the time
 *                        counts in the lap time (DeepRacer's default: 2 s)
 * @param maxResets       resets allowed in the whole trial; {@value #UNLIMITED} = unlimited (the time-trial
 *                        default), 0 = the first off-track ends the trial
 * @param onStuck         whether a reversed or immobilised car ends the trial or is reset like an off-track
 * @param ranking         the ranking rule the trial is scored by
 * @param avgLaps         consecutive laps averaged by {@link RankingRule#AVG_LAP_TIME}
 * @param timeLimit       the trial ends (time up) when its clock, penalties included, reaches this [s]
 * @param collisionPenalty how long a car that crashed into an object is frozen before it is put back [s]
 *                        (DeepRacer's default: 5 s)
 */
public record TimeTrialConfig(int laps, double offTrackPenalty, int maxResets, StuckRule onStuck,
                              RankingRule ranking, int avgLaps, double timeLimit, double collisionPenalty) {

    /** {@link #maxResets} for no limit */
    public static final int UNLIMITED = -1;

    /** Default laps (constants so that command-line help can quote them). */
    public static final int DEFAULT_LAPS = 3;
    /** Default off-track penalty [s]: DeepRacer's. */
    public static final double DEFAULT_OFF_TRACK_PENALTY = 2.0;
    /** Default laps averaged by {@link RankingRule#AVG_LAP_TIME}. */
    public static final int DEFAULT_AVG_LAPS = 3;
    /** Default time limit [s] of simulation time. */
    public static final double DEFAULT_TIME_LIMIT = 600.0;
    /** Default collision penalty [s]: DeepRacer's. */
    public static final double DEFAULT_COLLISION_PENALTY = 5.0;

    public static final TimeTrialConfig DEFAULT = new TimeTrialConfig(DEFAULT_LAPS, DEFAULT_OFF_TRACK_PENALTY,
            UNLIMITED, StuckRule.END, RankingRule.BEST_LAP_TIME, DEFAULT_AVG_LAPS, DEFAULT_TIME_LIMIT,
            DEFAULT_COLLISION_PENALTY);

    /** The rules without a collision penalty field (the default applies). */
    public TimeTrialConfig(int laps, double offTrackPenalty, int maxResets, StuckRule onStuck, RankingRule ranking,
                           int avgLaps, double timeLimit) {
        this(laps, offTrackPenalty, maxResets, onStuck, ranking, avgLaps, timeLimit, DEFAULT_COLLISION_PENALTY);
    }

    public TimeTrialConfig {
        if (laps < 1 || laps > 1000) {
            throw new IllegalArgumentException("laps must be in 1..1000, got " + laps);
        }
        if (!(offTrackPenalty >= 0 && offTrackPenalty <= 60)) {
            throw new IllegalArgumentException("offTrackPenalty must be in [0, 60] [s], got " + offTrackPenalty);
        }
        if (maxResets < UNLIMITED) {
            throw new IllegalArgumentException("maxResets must be >= 0, or " + UNLIMITED + " for unlimited, got "
                    + maxResets);
        }
        if (onStuck == null) {
            throw new IllegalArgumentException("onStuck must be END or RESET");
        }
        if (ranking == null) {
            throw new IllegalArgumentException("ranking must be BEST_LAP_TIME, AVG_LAP_TIME or TOTAL_TIME");
        }
        if (avgLaps < 1) {
            throw new IllegalArgumentException("avgLaps must be >= 1, got " + avgLaps);
        }
        if (!(timeLimit > 0) || Double.isInfinite(timeLimit)) {
            throw new IllegalArgumentException("timeLimit must be a finite number > 0 [s], got " + timeLimit);
        }
        if (!(collisionPenalty >= 0 && collisionPenalty <= 60)) {
            throw new IllegalArgumentException("collisionPenalty must be in [0, 60] [s], got " + collisionPenalty);
        }
    }

    @JsonCreator
    public static TimeTrialConfig of(@JsonProperty("laps") Integer laps,
                                     @JsonProperty("offTrackPenalty") Double offTrackPenalty,
                                     @JsonProperty("maxResets") Integer maxResets,
                                     @JsonProperty("onStuck") StuckRule onStuck,
                                     @JsonProperty("ranking") RankingRule ranking,
                                     @JsonProperty("avgLaps") Integer avgLaps,
                                     @JsonProperty("timeLimit") Double timeLimit,
                                     @JsonProperty("collisionPenalty") Double collisionPenalty) {
        TimeTrialConfig d = DEFAULT;
        return new TimeTrialConfig(laps == null ? d.laps : laps,
                offTrackPenalty == null ? d.offTrackPenalty : offTrackPenalty,
                maxResets == null ? d.maxResets : maxResets,
                onStuck == null ? d.onStuck : onStuck,
                ranking == null ? d.ranking : ranking,
                avgLaps == null ? d.avgLaps : avgLaps,
                timeLimit == null ? d.timeLimit : timeLimit,
                collisionPenalty == null ? d.collisionPenalty : collisionPenalty);
    }

    /** Whether {@link #maxResets} is unlimited. */
    @JsonIgnore
    public boolean unlimitedResets() {
        return maxResets == UNLIMITED;
    }

    public TimeTrialConfig withLaps(int n) {
        return new TimeTrialConfig(n, offTrackPenalty, maxResets, onStuck, ranking, avgLaps, timeLimit, collisionPenalty);
    }

    public TimeTrialConfig withOffTrackPenalty(double s) {
        return new TimeTrialConfig(laps, s, maxResets, onStuck, ranking, avgLaps, timeLimit, collisionPenalty);
    }

    public TimeTrialConfig withMaxResets(int n) {
        return new TimeTrialConfig(laps, offTrackPenalty, n, onStuck, ranking, avgLaps, timeLimit, collisionPenalty);
    }

    public TimeTrialConfig withOnStuck(StuckRule r) {
        return new TimeTrialConfig(laps, offTrackPenalty, maxResets, r, ranking, avgLaps, timeLimit, collisionPenalty);
    }

    public TimeTrialConfig withRanking(RankingRule r) {
        return new TimeTrialConfig(laps, offTrackPenalty, maxResets, onStuck, r, avgLaps, timeLimit, collisionPenalty);
    }

    public TimeTrialConfig withAvgLaps(int n) {
        return new TimeTrialConfig(laps, offTrackPenalty, maxResets, onStuck, ranking, n, timeLimit, collisionPenalty);
    }

    public TimeTrialConfig withTimeLimit(double s) {
        return new TimeTrialConfig(laps, offTrackPenalty, maxResets, onStuck, ranking, avgLaps, s, collisionPenalty);
    }

    public TimeTrialConfig withCollisionPenalty(double s) {
        return new TimeTrialConfig(laps, offTrackPenalty, maxResets, onStuck, ranking, avgLaps, timeLimit, s);
    }
}
