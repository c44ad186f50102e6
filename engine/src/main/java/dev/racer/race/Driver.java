package dev.racer.race;

import dev.racer.car.Control;
import dev.racer.sensor.CarView;
import dev.racer.sensor.Sensor;

/**
 * Something that drives: a trained model's policy, or a classical controller. It reads the observation of
 * the sensor it asks for and returns an action. One driver per environment; not thread-safe.
 */
public interface Driver extends AutoCloseable {

    /** A short name for tables and logs. */
    String name();

    /** A new sensor of the kind this driver reads (each environment gets its own). */
    Sensor newSensor();

    /** Called after each {@link RacingEnv#reset}, before the first {@link #act}; {@code car} is the car it drives. */
    default void reset(CarView car) {
    }

    /** The action for the current state; {@code observation} is what {@link #newSensor()}'s sensor saw. */
    Control act(CarView car, float[] observation);

    /**
     * The index in the model's discrete action space of the action the last {@link #act} returned, for the
     * sim-trace's {@code action} column; -1 for continuous action spaces and classical drivers.
     */
    default int lastAction() {
        return -1;
    }

    @Override
    default void close() {
    }
}
