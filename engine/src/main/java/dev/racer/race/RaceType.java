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
    HEAD_TO_BOT,
    /**
     * two or more trained models race each other ({@link dev.racer.multi.HeadToModel}: {@code racer race}, and
     * head-to-model leagues); not a single-car environment: training and evaluation refuse it
     */
    HEAD_TO_MODEL;

    /** Whether one car races alone in this type's environment ({@link RacingEnv}); false for HEAD_TO_MODEL. */
    public boolean singleCar() {
        return this != HEAD_TO_MODEL;
    }

    /** Parses a flag or field value with a one-line error naming {@code what}. */
    public static RaceType parse(String s, String what) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": expected TIME_TRIAL, OBJECT_AVOIDANCE, HEAD_TO_BOT or HEAD_TO_MODEL, got \""
                    + s + "\"");
        }
    }
}
