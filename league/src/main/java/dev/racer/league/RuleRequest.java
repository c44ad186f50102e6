package dev.racer.league;

import dev.racer.league.api.LeagueApi;
import dev.racer.multi.BotConfig;
import dev.racer.race.EnvConfig;
import dev.racer.race.RaceType;
import dev.racer.race.RankingRule;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import dev.racer.world.ObjectConfig;
import dev.racer.world.ObjectPlacer;
import java.util.ArrayList;
import java.util.List;

/** A {@code POST /api/leagues} request's rules, checked field by field ({@link ApiException}s naming the field). */
final class RuleRequest {
    private RuleRequest() {
    }

    /**
     * The rules a request asks for: a null field takes the default rule; the object fields imply race type
     * OBJECT_AVOIDANCE. A bad value is a 400 naming its field: an unknown race type, a negative or too large number
     * of objects (they must fit on the track), a penalty out of range, object or bot fields for another race type.
     */
    static LeagueRules rules(LeagueApi.CreateLeague b, TrackLibrary tracks) {
        LeagueRules d = LeagueRules.DEFAULT;
        boolean objectFields = b.objects() != null || b.randomizeObjects() != null || b.objectPositions() != null;
        boolean botFields = b.bots() != null || b.botSpeed() != null || b.botLaneChange() != null;
        try {
            RaceType type = b.raceType() != null ? LeagueRules.parseRaceType(b.raceType(), "race_type")
                    : objectFields ? RaceType.OBJECT_AVOIDANCE : d.raceType();
            ObjectConfig objects = null;
            if (objectFields) {
                if (type != RaceType.OBJECT_AVOIDANCE) {
                    String f = b.objects() != null ? "objects" : b.randomizeObjects() != null ? "randomize_objects"
                            : "object_positions";
                    throw ApiException.badField(f, "field \"" + f + "\" needs race_type OBJECT_AVOIDANCE, got " + type);
                }
                objects = objects(b);
            }
            BotConfig bots = null;
            if (botFields) {
                String f = b.bots() != null ? "bots" : b.botSpeed() != null ? "bot_speed" : "bot_lane_change";
                if (!type.name().equals("HEAD_TO_BOT")) {
                    throw ApiException.badField(f, "field \"" + f + "\" needs race_type HEAD_TO_BOT, got " + type);
                }
                bots = bots(b);
            }
            double collision = b.collisionPenalty() != null ? b.collisionPenalty() : d.collisionPenaltyMs() / 1000.0;
            if (!(collision >= 0 && collision <= 60)) {
                throw ApiException.badField("collision_penalty", "field \"collision_penalty\" must be in [0, 60] s, got "
                        + collision);
            }
            LeagueRules rules = new LeagueRules(b.track() != null ? b.track() : d.trackId(),
                    b.laps() != null ? b.laps() : d.laps(),
                    b.offtrackPenalty() != null ? Math.round(b.offtrackPenalty() * 1000) : d.offtrackPenaltyMs(),
                    b.maxResets() != null ? b.maxResets() : d.maxResets(),
                    b.ranking() != null ? ranking(b.ranking()) : d.ranking(),
                    b.timeLimit() != null ? b.timeLimit() : d.timeLimitSeconds(), type, objects,
                    Math.round(collision * 1000), bots,
                    b.heatSize() != null ? b.heatSize() : LeagueRules.DEFAULT_HEAT_SIZE);
            if (b.heatSize() != null && type != RaceType.HEAD_TO_MODEL) {
                throw ApiException.badField("heat_size", "field \"heat_size\" needs race_type HEAD_TO_MODEL, got " + type);
            }
            LeagueController.checkTrack(tracks, rules.trackId());
            TrackGeometry g = TrackGeometry.of(tracks.get(rules.trackId()), false);
            try {
                ObjectPlacer.validate(rules.objects(), g, "objects");
            } catch (IllegalArgumentException e) {
                throw ApiException.badField("objects", e.getMessage());
            }
            if (rules.bots().count() > 0) {
                try {
                    rules.bots().validate(g.length(), EnvConfig.DEFAULT.car().maxSpeed(), rules.trackId());
                } catch (IllegalArgumentException e) {
                    throw ApiException.badField(e.getMessage().startsWith("--bot-speed") ? "bot_speed" : "bots",
                            e.getMessage());
                }
            }
            return rules;
        } catch (LeagueRules.BadRule e) {
            throw ApiException.badField(e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static ObjectConfig objects(LeagueApi.CreateLeague b) {
        if (b.objects() != null && b.objects() < 0) {
            throw ApiException.badField("objects", "field \"objects\" must be >= 0, got " + b.objects());
        }
        List<ObjectConfig.Position> positions = null;
        if (b.objectPositions() != null) {
            if (b.objects() != null || b.randomizeObjects() != null) {
                throw ApiException.badField("object_positions", "field \"object_positions\" fixes the boxes: leave out"
                        + " \"objects\" and \"randomize_objects\"");
            }
            if (b.objectPositions().size() > LeagueRules.MAX_OBJECT_POSITIONS) {
                throw ApiException.badField("object_positions", "field \"object_positions\" holds at most "
                        + LeagueRules.MAX_OBJECT_POSITIONS + " positions, got " + b.objectPositions().size());
            }
            positions = new ArrayList<>();
            for (int i = 0; i < b.objectPositions().size(); i++) {
                String p = b.objectPositions().get(i);
                String f = "object_positions[" + i + "]";
                if (p == null) {
                    throw ApiException.badField(f, "field \"" + f + "\" must be \"ndist,lane\" such as \"0.15,1\"");
                }
                try {
                    positions.add(ObjectConfig.Position.parse(p, f));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badField(f, e.getMessage());
                }
            }
        }
        return ObjectConfig.of(b.objects(), Boolean.TRUE.equals(b.randomizeObjects()), positions,
                ObjectConfig.RACE_DEFAULT);
    }

    private static RankingRule ranking(String s) {
        try {
            return RankingRule.parse(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("ranking", e.getMessage());
        }
    }

    private static BotConfig bots(LeagueApi.CreateLeague b) {
        int n = b.bots() != null ? b.bots() : EnvConfig.DEFAULT_BOTS.count(); // race_type HEAD_TO_BOT alone: DeepRacer-for-Cloud's 3
        if (n < 0 || n > 20) {
            throw ApiException.badField("bots", "field \"bots\" must be in [0, 20], got " + n);
        }
        double speed = b.botSpeed() != null ? b.botSpeed() : BotConfig.DEFAULT_SPEED;
        if (!(speed > 0) || !Double.isFinite(speed)) {
            throw ApiException.badField("bot_speed", "field \"bot_speed\" must be a number > 0 [m/s], got " + speed);
        }
        return BotConfig.of(n, speed, Boolean.TRUE.equals(b.botLaneChange()));
    }
}
