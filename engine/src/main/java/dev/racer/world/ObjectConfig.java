package dev.racer.world;

import java.util.List;

/**
 * Where the objects go, with the semantics of DeepRacer's {@code ObstaclesCtrl} world parameters.
 *
 * <ul>
 *   <li>{@code positions} non-empty ({@code OBJECT_POSITIONS}): one object per entry, at that fraction of the
 *       centre line, in that lane; it overrides {@code count} and {@code randomize}.</li>
 *   <li>otherwise {@code count} objects ({@code NUMBER_OF_OBSTACLES}) spaced evenly from
 *       {@code minDistancePercent} % of the track to 1 m before its end, alternating inner, outer, inner… lanes;
 *       with {@code randomize} ({@code RANDOMIZE_OBSTACLE_LOCATIONS}) each episode moves each object at random
 *       between its neighbours (keeping {@code minDistancePercent} % of the track between them) and picks a
 *       random lane for each.</li>
 * </ul>
 *
 * @param count              number of objects when {@code positions} is empty (≥ 0)
 * @param randomize          new random positions and lanes each episode
 * @param minDistancePercent {@code MIN_DISTANCE_BETWEEN_OBSTACLES}: least distance between objects, and of the
 *                           first from the start, as a percentage of the centre-line length [%]
 * @param positions          fixed positions, or empty
 */
public record ObjectConfig(int count, boolean randomize, double minDistancePercent, List<Position> positions) {

    /**
     * One {@code OBJECT_POSITIONS} entry, DeepRacer's {@code "ndist,lane"}.
     *
     * @param ndist fraction of the centre-line length from the start line [0, 1]
     * @param lane  {@code 1} inner lane, {@code -1} outer lane
     */
    public record Position(double ndist, int lane) {
        public Position {
            if (!(ndist >= 0 && ndist <= 1)) {
                throw new IllegalArgumentException("object position ndist must be in [0, 1] (fraction of the track), got "
                        + ndist);
            }
            if (lane != 1 && lane != -1) {
                throw new IllegalArgumentException("object position lane must be 1 (inner) or -1 (outer), got " + lane);
            }
        }

        /** DeepRacer's {@code "ndist,lane"} form, e.g. {@code "0.15,1"}, as {@link #parse} reads it. */
        public String text() {
            return ndist + "," + lane;
        }

        /** Parses DeepRacer's {@code "0.15,1"} form; {@code what} names the flag or field in errors. */
        public static Position parse(String text, String what) {
            String[] parts = text.trim().split(",");
            if (parts.length != 2) {
                throw new IllegalArgumentException(what + ": expected \"ndist,lane\" such as \"0.15,1\", got \"" + text + "\"");
            }
            try {
                return new Position(Double.parseDouble(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": expected \"ndist,lane\" such as \"0.15,1\", got \"" + text + "\"");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": " + e.getMessage());
            }
        }
    }

    /** The simapp's default {@code MIN_DISTANCE_BETWEEN_OBSTACLES} [%]. */
    public static final double DEFAULT_MIN_DISTANCE_PERCENT = 2.0;

    /**
     * DeepRacer on AWS's default object positions ({@code DEFAULT_OBJECT_POSITIONS}): 15 %, 30 % … 90 % of the
     * track, inner lane first, then alternating.
     */
    public static final List<Position> DEEPRACER_POSITIONS = List.of(
            new Position(0.15, 1), new Position(0.30, -1), new Position(0.45, 1),
            new Position(0.60, -1), new Position(0.75, 1), new Position(0.90, -1));

    /** DeepRacer on AWS's object-avoidance race: its six default positions. */
    public static final ObjectConfig RACE_DEFAULT = fixed(DEEPRACER_POSITIONS);
    /** DeepRacer on AWS's object-avoidance training default: the first three of them. */
    public static final ObjectConfig TRAINING_DEFAULT = fixed(DEEPRACER_POSITIONS.subList(0, 3));
    /** No objects (a time trial). */
    public static final ObjectConfig NONE = new ObjectConfig(0, false, DEFAULT_MIN_DISTANCE_PERCENT, List.of());

    public ObjectConfig {
        positions = positions == null ? List.of() : List.copyOf(positions);
        if (count < 0) {
            throw new IllegalArgumentException("--objects must be >= 0, got " + count);
        }
        if (!(minDistancePercent >= 0 && minDistancePercent < 100)) {
            throw new IllegalArgumentException("min object distance must be in [0, 100) [% of the track], got "
                    + minDistancePercent);
        }
    }

    /** {@code count} objects, evenly spaced or randomised each episode. */
    public static ObjectConfig spaced(int count, boolean randomize) {
        return new ObjectConfig(count, randomize, DEFAULT_MIN_DISTANCE_PERCENT, List.of());
    }

    /** Objects at fixed positions. */
    public static ObjectConfig fixed(List<Position> positions) {
        return new ObjectConfig(positions.size(), false, DEFAULT_MIN_DISTANCE_PERCENT, positions);
    }

    /**
     * The objects DeepRacer's settings ask for, as {@code racer}'s object flags and a league's rules give them:
     * the fixed {@code positions} when given ({@code OBJECT_POSITIONS}); else, when a count or {@code randomize}
     * is given, {@code count} objects ({@code dflt}'s number when null) spaced evenly, randomised each episode or
     * not; else {@code dflt}.
     *
     * @param count     {@code NUMBER_OF_OBSTACLES}, or null
     * @param randomize {@code RANDOMIZE_OBSTACLE_LOCATIONS}
     * @param positions {@code OBJECT_POSITIONS}, or null (an empty list places no object)
     * @param dflt      what applies when none is given (DeepRacer's training or race default)
     * @throws IllegalArgumentException for a negative count, or positions given with a count or randomize
     */
    public static ObjectConfig of(Integer count, boolean randomize, List<Position> positions, ObjectConfig dflt) {
        if (positions != null) {
            if (count != null || randomize) {
                throw new IllegalArgumentException("fixed object positions fix the boxes: leave out the object count"
                        + " and randomize");
            }
            return fixed(positions);
        }
        if (count != null || randomize) {
            return spaced(count != null ? count : dflt.objects(), randomize);
        }
        return dflt;
    }

    /**
     * Parses {@code "ndist,lane;ndist,lane..."} (DeepRacer's {@code OBJECT_POSITIONS} joined by {@code ;}); blank
     * entries are skipped. {@code what} names the flag or field in errors.
     */
    public static List<Position> parsePositions(String text, String what) {
        List<Position> list = new java.util.ArrayList<>();
        for (String p : text.split(";")) {
            if (!p.isBlank()) {
                list.add(Position.parse(p, what));
            }
        }
        return List.copyOf(list);
    }

    /** {@code positions} in the form {@link #parsePositions} reads, e.g. {@code "0.15,1;0.3,-1"}. */
    public static String formatPositions(List<Position> positions) {
        StringBuilder b = new StringBuilder();
        for (Position p : positions) {
            if (!b.isEmpty()) {
                b.append(';');
            }
            b.append(p.text());
        }
        return b.toString();
    }

    /** Number of objects placed. */
    public int objects() {
        return positions.isEmpty() ? count : positions.size();
    }
}
