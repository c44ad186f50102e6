package dev.racer.race;

/** DeepRacer's {@code RACE_TYPE}s that Racer runs. */
public enum RaceType {
    /** the car alone on the track */
    TIME_TRIAL,
    /** static boxes on the track ({@link dev.racer.world.ObjectConfig}); a crash ends a training episode */
    OBJECT_AVOIDANCE,
    /**
     * DeepRacer's bot cars driving the lanes ({@link dev.racer.multi.BotConfig}); a crash into a bot from behind
     * ends a training episode and costs the collision penalty in a race (the car is not moved back)
     */
    HEAD_TO_BOT;

    /** Parses a flag or field value with a one-line error naming {@code what}. */
    public static RaceType parse(String s, String what) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": expected TIME_TRIAL, OBJECT_AVOIDANCE or HEAD_TO_BOT, got \""
                    + s + "\"");
        }
    }
}
