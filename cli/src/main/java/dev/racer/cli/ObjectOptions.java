package dev.racer.cli;

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
 * The race type and object flags, with DeepRacer's names ({@code RACE_TYPE}, {@code NUMBER_OF_OBSTACLES},
 * {@code RANDOMIZE_OBSTACLE_LOCATIONS}, {@code OBJECT_POSITIONS}). A picocli mixin of {@code racer params},
 * {@code train}, {@code evaluate} and {@code reward check}.
 */
final class ObjectOptions {
    @Option(names = "--race-type", paramLabel = "TYPE",
            description = "TIME_TRIAL (default) or OBJECT_AVOIDANCE (boxes on the track; a crash ends a training"
                    + " episode and costs the collision penalty in a race)")
    String raceType;

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
        return raceType != null || objects != null || randomize || positions != null;
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
            type = raceType == null ? RaceType.OBJECT_AVOIDANCE : RaceType.parse(raceType, "--race-type");
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        boolean objectFlags = objects != null || randomize || positions != null;
        if (type == RaceType.TIME_TRIAL && objectFlags) {
            throw new UserException("--objects, --randomize-objects and --object-positions need --race-type"
                    + " OBJECT_AVOIDANCE");
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
            if (!objectFlags && type == RaceType.OBJECT_AVOIDANCE && base.raceType() == RaceType.OBJECT_AVOIDANCE) {
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
        return m;
    }
}
