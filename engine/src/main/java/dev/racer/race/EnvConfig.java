package dev.racer.race;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.racer.car.CarSpec;
import dev.racer.multi.BotConfig;
import dev.racer.world.ObjectConfig;

/**
 * Episode rules and start behaviour. Defaults live in {@link #DEFAULT}; JSON may override any subset.
 *
 * @param startWaypoint       row the car starts at (FIXED, and the first ROUND_ROBIN start)
 * @param startMode           where episodes start
 * @param roundRobinAdvance   fraction of a lap each ROUND_ROBIN reset moves the start on (DeepRacer: 0.05)
 * @param reversed            drive the track in reverse
 * @param maxSteps            step cap: the episode is truncated after this many steps
 * @param reversedSteps       consecutive steps of falling progress that end an episode (DeepRacer: 15)
 * @param immobilizedSteps    consecutive steps of (almost) no movement that end an episode (DeepRacer: 15)
 * @param immobilizedDistance movement [m] of the front point at or below which a step counts as immobile
 * @param dt                  control step [s] (DeepRacer's camera rate: 1/15 s)
 * @param car                 the car
 * @param raceType            TIME_TRIAL (no objects), OBJECT_AVOIDANCE or HEAD_TO_BOT
 * @param objects             the objects placed on every reset under OBJECT_AVOIDANCE (ignored otherwise)
 * @param bots                the bot cars driving under HEAD_TO_BOT (ignored otherwise; {@link #DEFAULT_BOTS})
 */
public record EnvConfig(int startWaypoint, StartMode startMode, double roundRobinAdvance, boolean reversed,
                        int maxSteps, int reversedSteps, int immobilizedSteps, double immobilizedDistance,
                        double dt, CarSpec car, RaceType raceType, ObjectConfig objects, BotConfig bots) {

    /**
     * Head-to-bot's bots unless told otherwise: DeepRacer-for-Cloud's {@code DR_H2B_NUMBER_OF_BOT_CARS=3} at the
     * simapp's {@code BOT_CAR_SPEED} 0.2 m/s, no lane changes, the simapp's other defaults.
     */
    public static final BotConfig DEFAULT_BOTS = BotConfig.of(3, BotConfig.DEFAULT_SPEED, false);

    public static final EnvConfig DEFAULT = new EnvConfig(0, StartMode.FIXED, 0.05, false, 10_000, 15, 15,
            0.0003, 1.0 / 15.0, CarSpec.DEFAULT, RaceType.TIME_TRIAL, ObjectConfig.TRAINING_DEFAULT, DEFAULT_BOTS);

    /** A time trial (no objects). */
    public EnvConfig(int startWaypoint, StartMode startMode, double roundRobinAdvance, boolean reversed,
                     int maxSteps, int reversedSteps, int immobilizedSteps, double immobilizedDistance,
                     double dt, CarSpec car) {
        this(startWaypoint, startMode, roundRobinAdvance, reversed, maxSteps, reversedSteps, immobilizedSteps,
                immobilizedDistance, dt, car, RaceType.TIME_TRIAL, ObjectConfig.TRAINING_DEFAULT, DEFAULT_BOTS);
    }

    /** Without bot settings (the defaults, {@link #DEFAULT_BOTS}). */
    public EnvConfig(int startWaypoint, StartMode startMode, double roundRobinAdvance, boolean reversed,
                     int maxSteps, int reversedSteps, int immobilizedSteps, double immobilizedDistance,
                     double dt, CarSpec car, RaceType raceType, ObjectConfig objects) {
        this(startWaypoint, startMode, roundRobinAdvance, reversed, maxSteps, reversedSteps, immobilizedSteps,
                immobilizedDistance, dt, car, raceType, objects, DEFAULT_BOTS);
    }

    public EnvConfig {
        if (startWaypoint < 0) {
            throw new IllegalArgumentException("startWaypoint must be >= 0, got " + startWaypoint);
        }
        if (startMode == null) {
            throw new IllegalArgumentException("startMode must be one of FIXED, ROUND_ROBIN, RANDOM");
        }
        if (!(roundRobinAdvance >= 0 && roundRobinAdvance < 1)) {
            throw new IllegalArgumentException("roundRobinAdvance must be in [0, 1), got " + roundRobinAdvance);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        if (reversedSteps < 1 || immobilizedSteps < 1) {
            throw new IllegalArgumentException("reversedSteps and immobilizedSteps must be >= 1");
        }
        if (!(immobilizedDistance >= 0) || Double.isInfinite(immobilizedDistance)) {
            throw new IllegalArgumentException("immobilizedDistance must be a finite number >= 0 [m]");
        }
        if (!(dt > 0 && dt <= 1)) {
            throw new IllegalArgumentException("dt must be in (0, 1] [s], got " + dt);
        }
        if (car == null) {
            throw new IllegalArgumentException("car must be given");
        }
        if (raceType == null) {
            raceType = RaceType.TIME_TRIAL;
        }
        if (!raceType.singleCar()) {
            throw new IllegalArgumentException("race type " + raceType + " races several models against each other"
                    + " (racer race MODEL_A MODEL_B ..., or a HEAD_TO_MODEL league), not one car in an environment");
        }
        if (objects == null) {
            objects = ObjectConfig.TRAINING_DEFAULT;
        }
        if (bots == null) {
            bots = DEFAULT_BOTS;
        }
    }

    /** The objects actually placed: none in a time trial. */
    public ObjectConfig placedObjects() {
        return raceType == RaceType.OBJECT_AVOIDANCE ? objects : ObjectConfig.NONE;
    }

    /** The bot cars actually driving: none unless HEAD_TO_BOT. */
    public BotConfig placedBots() {
        return raceType == RaceType.HEAD_TO_BOT ? bots : BotConfig.NONE;
    }

    @JsonCreator
    public static EnvConfig of(@JsonProperty("startWaypoint") Integer startWaypoint,
                               @JsonProperty("startMode") StartMode startMode,
                               @JsonProperty("roundRobinAdvance") Double roundRobinAdvance,
                               @JsonProperty("reversed") Boolean reversed,
                               @JsonProperty("maxSteps") Integer maxSteps,
                               @JsonProperty("reversedSteps") Integer reversedSteps,
                               @JsonProperty("immobilizedSteps") Integer immobilizedSteps,
                               @JsonProperty("immobilizedDistance") Double immobilizedDistance,
                               @JsonProperty("dt") Double dt,
                               @JsonProperty("car") CarSpec car,
                               @JsonProperty("raceType") RaceType raceType,
                               @JsonProperty("objects") ObjectConfig objects,
                               @JsonProperty("bots") BotConfig bots) {
        EnvConfig d = DEFAULT;
        return new EnvConfig(startWaypoint == null ? d.startWaypoint : startWaypoint,
                startMode == null ? d.startMode : startMode,
                roundRobinAdvance == null ? d.roundRobinAdvance : roundRobinAdvance,
                reversed == null ? d.reversed : reversed,
                maxSteps == null ? d.maxSteps : maxSteps,
                reversedSteps == null ? d.reversedSteps : reversedSteps,
                immobilizedSteps == null ? d.immobilizedSteps : immobilizedSteps,
                immobilizedDistance == null ? d.immobilizedDistance : immobilizedDistance,
                dt == null ? d.dt : dt,
                car == null ? d.car : car, raceType == null ? d.raceType : raceType,
                objects == null ? d.objects : objects, bots == null ? d.bots : bots);
    }

    public EnvConfig withStartWaypoint(int w) {
        return new EnvConfig(w, startMode, roundRobinAdvance, reversed, maxSteps, reversedSteps, immobilizedSteps,
                immobilizedDistance, dt, car, raceType, objects, bots);
    }

    public EnvConfig withStartMode(StartMode m) {
        return new EnvConfig(startWaypoint, m, roundRobinAdvance, reversed, maxSteps, reversedSteps,
                immobilizedSteps, immobilizedDistance, dt, car, raceType, objects, bots);
    }

    public EnvConfig withReversed(boolean r) {
        return new EnvConfig(startWaypoint, startMode, roundRobinAdvance, r, maxSteps, reversedSteps,
                immobilizedSteps, immobilizedDistance, dt, car, raceType, objects, bots);
    }

    public EnvConfig withMaxSteps(int m) {
        return new EnvConfig(startWaypoint, startMode, roundRobinAdvance, reversed, m, reversedSteps,
                immobilizedSteps, immobilizedDistance, dt, car, raceType, objects, bots);
    }

    public EnvConfig withCar(CarSpec c) {
        return new EnvConfig(startWaypoint, startMode, roundRobinAdvance, reversed, maxSteps, reversedSteps,
                immobilizedSteps, immobilizedDistance, dt, c, raceType, objects, bots);
    }

    public EnvConfig withRaceType(RaceType t) {
        return new EnvConfig(startWaypoint, startMode, roundRobinAdvance, reversed, maxSteps, reversedSteps,
                immobilizedSteps, immobilizedDistance, dt, car, t, objects, bots);
    }

    public EnvConfig withBots(BotConfig b) {
        return new EnvConfig(startWaypoint, startMode, roundRobinAdvance, reversed, maxSteps, reversedSteps,
                immobilizedSteps, immobilizedDistance, dt, car, raceType, objects, b);
    }

    public EnvConfig withObjects(ObjectConfig o) {
        return new EnvConfig(startWaypoint, startMode, roundRobinAdvance, reversed, maxSteps, reversedSteps,
                immobilizedSteps, immobilizedDistance, dt, car, raceType, o, bots);
    }
}
