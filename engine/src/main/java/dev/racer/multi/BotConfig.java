package dev.racer.multi;

/**
 * DeepRacer's head-to-bot settings (the simapp's {@code WorldConfig} params read by {@code BotCarsCtrl}), with
 * the simapp's defaults.
 *
 * @param count              {@code NUMBER_OF_BOT_CARS}
 * @param speed              {@code BOT_CAR_SPEED} [m/s], along the centre line
 * @param laneChange         {@code IS_LANE_CHANGE}
 * @param lowerLaneChangeTime {@code LOWER_LANE_CHANGE_TIME} [s]: least time in a lane between changes
 * @param upperLaneChangeTime {@code UPPER_LANE_CHANGE_TIME} [s]: most time in a lane between changes
 * @param laneChangeDistance {@code LANE_CHANGE_DISTANCE} [m] along the centre line that a change takes
 * @param minDistance        {@code MIN_DISTANCE_BETWEEN_BOT_CARS} [m]; also where the first bot starts
 * @param randomize          {@code RANDOMIZE_BOT_CAR_LOCATIONS}: random gaps and lanes each reset
 * @param penaltySeconds     {@code PENALTY_SECONDS} [s]: how long every bot stops when one runs into the back of
 *                           a racing car
 * @param startDelay         {@code pause_time_before_start} [s]: bots wait this long after a reset
 */
public record BotConfig(int count, double speed, boolean laneChange, double lowerLaneChangeTime,
                        double upperLaneChangeTime, double laneChangeDistance, double minDistance, boolean randomize,
                        double penaltySeconds, double startDelay) {
    public static final double DEFAULT_SPEED = 0.2;
    public static final double DEFAULT_LOWER_LANE_CHANGE_TIME = 3.0;
    public static final double DEFAULT_UPPER_LANE_CHANGE_TIME = 5.0;
    public static final double DEFAULT_LANE_CHANGE_DISTANCE = 1.0;
    public static final double DEFAULT_MIN_DISTANCE = 2.0;
    public static final double DEFAULT_PENALTY_SECONDS = 2.0;
    /** No bots (a time trial or a head-to-model race without bots). */
    public static final BotConfig NONE = of(0, DEFAULT_SPEED, false);

    public BotConfig {
        if (count < 0) {
            throw new IllegalArgumentException("--bots must be >= 0, got " + count);
        }
        if (!(speed > 0) || !Double.isFinite(speed)) {
            throw new IllegalArgumentException("--bot-speed must be a number > 0 [m/s], got " + speed);
        }
        if (!(lowerLaneChangeTime >= 0) || !(upperLaneChangeTime >= lowerLaneChangeTime)
                || !Double.isFinite(upperLaneChangeTime)) {
            throw new IllegalArgumentException("bot lane change times must satisfy 0 <= lower <= upper [s], got "
                    + lowerLaneChangeTime + " .. " + upperLaneChangeTime);
        }
        if (!(laneChangeDistance > 0) || !Double.isFinite(laneChangeDistance)) {
            throw new IllegalArgumentException("bot lane change distance must be > 0 [m], got " + laneChangeDistance);
        }
        if (!(minDistance > 0) || !Double.isFinite(minDistance)) {
            throw new IllegalArgumentException("minimum distance between bot cars must be > 0 [m], got " + minDistance);
        }
        if (!(penaltySeconds >= 0) || !Double.isFinite(penaltySeconds) || !(startDelay >= 0)
                || !Double.isFinite(startDelay)) {
            throw new IllegalArgumentException("bot penalty and start delay must be >= 0 [s], got " + penaltySeconds
                    + " and " + startDelay);
        }
    }

    /** {@code count} bots at {@code speed} [m/s], lane changes on or off, the other settings the simapp's defaults. */
    public static BotConfig of(int count, double speed, boolean laneChange) {
        return new BotConfig(count, speed, laneChange, DEFAULT_LOWER_LANE_CHANGE_TIME, DEFAULT_UPPER_LANE_CHANGE_TIME,
                DEFAULT_LANE_CHANGE_DISTANCE, DEFAULT_MIN_DISTANCE, false, DEFAULT_PENALTY_SECONDS, 0.0);
    }

    public BotConfig withRandomize(boolean r) {
        return new BotConfig(count, speed, laneChange, lowerLaneChangeTime, upperLaneChangeTime, laneChangeDistance,
                minDistance, r, penaltySeconds, startDelay);
    }

    /** Seconds a lane change takes: the simapp's {@code lane_change_distance / bot_car_speed}. */
    public double laneChangeDuration() {
        return laneChangeDistance / speed;
    }

    /**
     * Checks that the bots fit: no faster than the racing car's top speed, and the simapp's evenly spaced start
     * distances ({@code linspace(minDistance, length - 1, count)}) at least {@code minDistance} apart.
     *
     * @param trackLength centre-line length [m]
     * @param carMaxSpeed the racing car's top speed [m/s]
     * @param trackId     named in the message
     */
    public void validate(double trackLength, double carMaxSpeed, String trackId) {
        if (speed > carMaxSpeed) {
            throw new IllegalArgumentException("--bot-speed " + speed + " m/s is faster than the car's top speed "
                    + carMaxSpeed + " m/s");
        }
        if (count == 0) {
            return;
        }
        double span = trackLength - 1.0 - minDistance;
        if (span < 0 || (count > 1 && span / (count - 1) < minDistance)) {
            int fit = span < 0 ? 0 : 1 + (int) Math.floor(span / minDistance + 1e-9);
            throw new IllegalArgumentException("--bots " + count + ": track " + trackId + " (" + String.format(
                    java.util.Locale.ROOT, "%.2f", trackLength) + " m) holds at most " + fit + " bot cars "
                    + minDistance + " m apart");
        }
    }
}
