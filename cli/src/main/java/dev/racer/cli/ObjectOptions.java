package dev.racer.cli;

import dev.racer.multi.BotConfig;
import dev.racer.race.EnvConfig;
import dev.racer.race.RaceType;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import dev.racer.world.ObjectConfig;
import dev.racer.world.ObjectPlacer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The race type, object and bot flags, with DeepRacer's names ({@code RACE_TYPE}, {@code NUMBER_OF_OBSTACLES},
 * {@code RANDOMIZE_OBSTACLE_LOCATIONS}, {@code OBJECT_POSITIONS}; {@code NUMBER_OF_BOT_CARS},
 * {@code BOT_CAR_SPEED}, {@code IS_LANE_CHANGE}). A picocli mixin of {@code racer params}, {@code train},
 * {@code evaluate} and {@code reward check}.
 */
final class ObjectOptions {
    @Option(names = "--race-type", paramLabel = "TYPE",
            description = "TIME_TRIAL (default), OBJECT_AVOIDANCE (boxes on the track) or HEAD_TO_BOT (bot cars"
                    + " driving the lanes); a crash ends a training episode and costs the collision penalty in a race. HEAD_TO_MODEL (models racing each other) is `racer race`'s")
    String raceType;

    @Option(names = "--bots", paramLabel = "N",
            description = "number of bot cars (default: 3, evenly spaced, alternating lanes); implies"
                    + " --race-type HEAD_TO_BOT")
    Integer bots;

    @Option(names = "--bot-speed", paramLabel = "S",
            description = "bot cars' speed [m/s] along the centre line (default: DeepRacer's "
                    + BotConfig.DEFAULT_SPEED + "); at most the car's top speed")
    Double botSpeed;

    @Option(names = "--bot-lane-change",
            description = "bot cars change lanes every " + BotConfig.DEFAULT_LOWER_LANE_CHANGE_TIME + " to "
                    + BotConfig.DEFAULT_UPPER_LANE_CHANGE_TIME + " s (DeepRacer's IS_LANE_CHANGE)")
    boolean botLaneChange;

    @Option(names = "--objects", paramLabel = "N",
            description = "number of boxes, evenly spaced, alternating lanes (default: DeepRacer's fixed positions,"
                    + " 3 in training, 6 in races); implies --race-type OBJECT_AVOIDANCE")
    Integer objects;

    @Option(names = "--randomize-objects",
            description = "move the boxes to random places and lanes at every episode (same seed, same boxes)")
    boolean randomize;

    @Option(names = "--object-positions", paramLabel = "LIST",
            description = "fixed boxes as DeepRacer's OBJECT_POSITIONS: \"ndist,lane;...\" with ndist the fraction"
                    + " of the track and lane 1 inner, -1 outer, e.g. \"0.15,1;0.3,-1\"")
    String positions;

    /** Whether any of the flags was given. */
    boolean given() {
        return raceType != null || objectFlags() || botFlags();
    }

    /**
     * Whether {@code --race-type HEAD_TO_MODEL} was given (a league's race type; no object or bot flag goes with
     * it).
     */
    boolean headToModel() {
        if (raceType == null || !raceType.strip().equalsIgnoreCase(RaceType.HEAD_TO_MODEL.name())) {
            return false;
        }
        if (objectFlags() || botFlags()) {
            throw new UserException("--race-type HEAD_TO_MODEL races models against each other: leave out --objects,"
                    + " --randomize-objects, --object-positions, --bots, --bot-speed and --bot-lane-change");
        }
        return true;
    }

    private boolean objectFlags() {
        return objects != null || randomize || positions != null;
    }

    private boolean botFlags() {
        return bots != null || botSpeed != null || botLaneChange;
    }

    /**
     * {@code base} with the race type and objects of the flags, checked on {@code track}; {@code training} picks
     * DeepRacer's default object count (3 in training, 6 in races). Bad input is a {@link UserException} naming
     * the flag.
     */
    EnvConfig apply(EnvConfig base, Track track, boolean training) {
        if (!given()) {
            return base;
        }
        RaceType type;
        try {
            type = raceType != null ? RaceType.parse(raceType, "--race-type")
                    : botFlags() ? RaceType.HEAD_TO_BOT : RaceType.OBJECT_AVOIDANCE;
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (!type.singleCar()) {
            throw new UserException("--race-type " + type + " races several models against each other: use"
                    + " `racer race MODEL_A MODEL_B ...` (or a HEAD_TO_MODEL league); this command drives one car");
        }
        if (type != RaceType.OBJECT_AVOIDANCE && objectFlags()) {
            throw new UserException("--objects, --randomize-objects and --object-positions need --race-type"
                    + " OBJECT_AVOIDANCE");
        }
        if (type != RaceType.HEAD_TO_BOT && botFlags()) {
            throw new UserException("--bots, --bot-speed and --bot-lane-change need --race-type HEAD_TO_BOT");
        }
        if (type == RaceType.HEAD_TO_BOT) {
            return applyBots(base, track);
        }
        if (objects != null && objects < 0) {
            throw new UserException("--objects must be >= 0, got " + objects);
        }
        if (positions != null && (objects != null || randomize)) {
            throw new UserException("--object-positions fixes the boxes: leave out --objects and --randomize-objects");
        }
        ObjectConfig oc;
        try {
            List<ObjectConfig.Position> list = positions == null ? null
                    : ObjectConfig.parsePositions(positions, "--object-positions");
            if (!objectFlags() && type == RaceType.OBJECT_AVOIDANCE && base.raceType() == RaceType.OBJECT_AVOIDANCE) {
                oc = base.objects(); // e.g. a model's stored objects, only the race type restated
            } else {
                oc = ObjectConfig.of(objects, randomize, list,
                        training ? ObjectConfig.TRAINING_DEFAULT : ObjectConfig.RACE_DEFAULT);
            }
            EnvConfig c = base.withRaceType(type).withObjects(oc);
            ObjectPlacer.validate(c.placedObjects(), TrackGeometry.of(track, c.reversed()));
            return c;
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** HEAD_TO_BOT: {@code base}'s bots (or the defaults) with the flags' count, speed and lane changes, checked. */
    private EnvConfig applyBots(EnvConfig base, Track track) {
        if (bots != null && bots < 0) {
            throw new UserException("--bots must be >= 0, got " + bots);
        }
        if (botSpeed != null && !(botSpeed > 0 && Double.isFinite(botSpeed))) {
            throw new UserException("--bot-speed must be a number > 0 [m/s], got " + botSpeed);
        }
        BotConfig b = base.raceType() == RaceType.HEAD_TO_BOT ? base.bots() : EnvConfig.DEFAULT_BOTS;
        EnvConfig c;
        try {
            b = new BotConfig(bots != null ? bots : b.count(), botSpeed != null ? botSpeed : b.speed(),
                    botLaneChange || b.laneChange(), b.lowerLaneChangeTime(), b.upperLaneChangeTime(),
                    b.laneChangeDistance(), b.minDistance(), b.randomize(), b.penaltySeconds(), b.startDelay());
            c = base.withRaceType(RaceType.HEAD_TO_BOT).withBots(b);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        checkBots(c, track, "");
        return c;
    }

    /**
     * Checks that {@code c}'s bots fit on {@code track} (a loop, spaced as the simapp spaces them) and are no
     * faster than the car; {@code where} is appended to the message (e.g. the file the settings came from).
     */
    static void checkBots(EnvConfig c, Track track, String where) {
        BotConfig b = c.placedBots();
        if (b.count() == 0) {
            return;
        }
        if (!track.isLoop()) {
            throw new UserException("--race-type HEAD_TO_BOT: track " + track.id() + " is not a loop; bot cars need"
                    + " one" + where);
        }
        try {
            b.validate(TrackGeometry.of(track, c.reversed()).length(), c.car().maxSpeed(), track.id());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage() + where);
        }
    }

    /** The env's race settings under DeepRacer's training-params names (for training_params.json). */
    static Map<String, Object> deepRacerNames(EnvConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("race_type", c.raceType().name());
        ObjectConfig o = c.placedObjects();
        m.put("number_of_obstacles", o.objects());
        m.put("randomize_obstacle_locations", o.randomize());
        List<String> pos = new ArrayList<>();
        for (ObjectConfig.Position p : o.positions()) {
            pos.add(p.text());
        }
        m.put("object_positions", pos);
        BotConfig b = c.placedBots();
        m.put("number_of_bot_cars", b.count());
        m.put("bot_car_speed", b.speed());
        m.put("is_lane_change", b.laneChange());
        return m;
    }
}
