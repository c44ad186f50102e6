package dev.racer.league;

import dev.racer.multi.BotConfig;
import dev.racer.race.RaceType;
import dev.racer.race.RankingRule;
import dev.racer.race.TimeTrialConfig;
import dev.racer.track.TrackLibrary;
import dev.racer.world.ObjectConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules one league races every submission under. A bad rule is a {@link BadRule} naming the API field.
 *
 * @param trackId            the track
 * @param laps               laps raced continuously from the start line
 * @param offtrackPenaltyMs  time [ms] the car is frozen after going off track before it is put back
 * @param maxResets          off-track resets allowed before the race ends (-1: unlimited)
 * @param ranking            how races are ranked
 * @param timeLimitSeconds   wall-clock limit for evaluating one submission [s]
 * @param raceType           DeepRacer's race type: one of {@link #RACE_TYPES}
 * @param objects            the boxes of an {@code OBJECT_AVOIDANCE} league ({@link ObjectConfig#NONE} otherwise),
 *                           placed for the race's seed as {@code racer evaluate} places them; its
 *                           {@code minDistancePercent} is DeepRacer's default (the database keeps no other)
 * @param collisionPenaltyMs time [ms] the car is frozen after crashing into an object (DeepRacer: 5 s)
 * @param bots               the bot cars of a {@code HEAD_TO_BOT} league ({@link BotConfig#NONE} otherwise): count,
 *                           speed [m/s] and lane changes are kept, the other settings are the simapp's defaults
 * @param heatSize           cars in one heat of a {@code HEAD_TO_MODEL} league (the new entry and up to
 *                           {@code heatSize - 1} others, {@link HeadToModelRunner}); kept but unused by other types
 */
public record LeagueRules(String trackId, int laps, long offtrackPenaltyMs, int maxResets, RankingRule ranking,
                          int timeLimitSeconds, RaceType raceType, ObjectConfig objects, long collisionPenaltyMs,
                          BotConfig bots, int heatSize) {

    /** The race types a league may name, as {@link RaceType} spells them (those this build's engine has). */
    private static final Set<String> LEAGUE_RACE_TYPES = Set.of("TIME_TRIAL", "OBJECT_AVOIDANCE", "HEAD_TO_BOT",
            "HEAD_TO_MODEL");
    /** The race types leagues race: those of {@link RaceType} named in {@link #LEAGUE_RACE_TYPES}. */
    public static final List<RaceType> RACE_TYPES = Arrays.stream(RaceType.values())
            .filter(t -> LEAGUE_RACE_TYPES.contains(t.name())).toList();
    /** DeepRacer's collision penalty [ms]. */
    public static final long DEFAULT_COLLISION_PENALTY_MS = Math.round(TimeTrialConfig.DEFAULT_COLLISION_PENALTY * 1000);
    /** Cars in a head-to-model heat unless the league says otherwise. */
    public static final int DEFAULT_HEAT_SIZE = 4;
    /** The most cars in a head-to-model heat (DeepRacer's staggered grid: 0.75 m apart). */
    public static final int MAX_HEAT_SIZE = 8;
    /** The most fixed object positions a league takes. */
    public static final int MAX_OBJECT_POSITIONS = 50;

    public static final LeagueRules DEFAULT = new LeagueRules("reinvent_base", 3, 2000, -1, RankingRule.TOTAL_TIME, 120);

    /** A rule out of range: the message, and the API field ({@code snake_case}) at fault. */
    public static final class BadRule extends IllegalArgumentException {
        private final String field;

        public BadRule(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The API field at fault. */
        public String field() {
            return field;
        }
    }

    /** A time trial. */
    public LeagueRules(String trackId, int laps, long offtrackPenaltyMs, int maxResets, RankingRule ranking,
                       int timeLimitSeconds) {
        this(trackId, laps, offtrackPenaltyMs, maxResets, ranking, timeLimitSeconds, RaceType.TIME_TRIAL,
                ObjectConfig.NONE, DEFAULT_COLLISION_PENALTY_MS, BotConfig.NONE);
    }

    /** Rules with the default heat size. */
    public LeagueRules(String trackId, int laps, long offtrackPenaltyMs, int maxResets, RankingRule ranking,
                       int timeLimitSeconds, RaceType raceType, ObjectConfig objects, long collisionPenaltyMs,
                       BotConfig bots) {
        this(trackId, laps, offtrackPenaltyMs, maxResets, ranking, timeLimitSeconds, raceType, objects,
                collisionPenaltyMs, bots, DEFAULT_HEAT_SIZE);
    }

    public LeagueRules {
        if (!TrackLibrary.isSafeId(trackId)) {
            throw new BadRule("track", "track must be a track id (letters, digits, _ . -), got \"" + trackId + "\"");
        }
        if (laps < 1 || laps > 20) {
            throw new BadRule("laps", "laps must be in [1, 20], got " + laps);
        }
        if (offtrackPenaltyMs < 0 || offtrackPenaltyMs > 60_000) {
            throw new BadRule("offtrack_penalty", "offtrack penalty must be in [0, 60] s, got " + offtrackPenaltyMs / 1000.0);
        }
        if (maxResets < -1 || maxResets > 1000) {
            throw new BadRule("max_resets", "max resets must be -1 (unlimited) or in [0, 1000], got " + maxResets);
        }
        if (ranking == null) {
            throw new BadRule("ranking", "ranking must be given");
        }
        if (timeLimitSeconds < 1 || timeLimitSeconds > 3600) {
            throw new BadRule("time_limit", "time limit must be in [1, 3600] s, got " + timeLimitSeconds);
        }
        if (raceType == null) {
            raceType = RaceType.TIME_TRIAL;
        }
        if (!RACE_TYPES.contains(raceType)) {
            throw new BadRule("race_type", "race type must be one of " + raceTypeNames() + ", got " + raceType);
        }
        if (objects == null) {
            objects = objectAvoidance(raceType) ? ObjectConfig.RACE_DEFAULT : ObjectConfig.NONE;
        }
        if (objects.objects() > 0 && !objectAvoidance(raceType)) {
            throw new BadRule("objects", "objects need race type OBJECT_AVOIDANCE, got " + raceType);
        }
        if (!objectAvoidance(raceType)) {
            objects = ObjectConfig.NONE;
        }
        if (objects.positions().size() > MAX_OBJECT_POSITIONS) {
            throw new BadRule("object_positions", "at most " + MAX_OBJECT_POSITIONS + " object positions, got "
                    + objects.positions().size());
        }
        if (collisionPenaltyMs < 0 || collisionPenaltyMs > 60_000) {
            throw new BadRule("collision_penalty", "collision penalty must be in [0, 60] s, got "
                    + collisionPenaltyMs / 1000.0);
        }
        if (bots == null) {
            bots = raceType == RaceType.HEAD_TO_BOT ? dev.racer.race.EnvConfig.DEFAULT_BOTS : BotConfig.NONE;
        }
        if (bots.count() > 0 && raceType != RaceType.HEAD_TO_BOT) {
            throw new BadRule("bots", "bots need race type HEAD_TO_BOT, got " + raceType);
        }
        if (heatSize < 2 || heatSize > MAX_HEAT_SIZE) {
            throw new BadRule("heat_size", "heat size must be in [2, " + MAX_HEAT_SIZE + "] cars, got " + heatSize);
        }
    }

    /** Whether {@code t} is object avoidance (the league's objects are placed). */
    private static boolean objectAvoidance(RaceType t) {
        return t == RaceType.OBJECT_AVOIDANCE;
    }

    /** {@link #RACE_TYPES} as {@code A, B}. */
    public static String raceTypeNames() {
        return RACE_TYPES.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Parses a race type a league may name; {@code field} names the field or flag in the error. */
    public static RaceType parseRaceType(String s, String field) {
        String name = s == null ? "" : s.strip().toUpperCase(java.util.Locale.ROOT);
        for (RaceType t : RACE_TYPES) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new BadRule(field, field + " must be one of " + raceTypeNames() + ", got \"" + s + "\"");
    }

    /** These rules racing {@code type} with {@code objects} (null: DeepRacer's race default under object avoidance). */
    public LeagueRules withRace(RaceType type, ObjectConfig objects) {
        return new LeagueRules(trackId, laps, offtrackPenaltyMs, maxResets, ranking, timeLimitSeconds, type, objects,
                collisionPenaltyMs, bots, heatSize);
    }

    public LeagueRules withCollisionPenaltyMs(long ms) {
        return new LeagueRules(trackId, laps, offtrackPenaltyMs, maxResets, ranking, timeLimitSeconds, raceType, objects,
                ms, bots, heatSize);
    }

    public LeagueRules withBots(BotConfig b) {
        return new LeagueRules(trackId, laps, offtrackPenaltyMs, maxResets, ranking, timeLimitSeconds, raceType, objects,
                collisionPenaltyMs, b, heatSize);
    }

    public LeagueRules withHeatSize(int n) {
        return new LeagueRules(trackId, laps, offtrackPenaltyMs, maxResets, ranking, timeLimitSeconds, raceType, objects,
                collisionPenaltyMs, bots, n);
    }
}
