package dev.racer.sensor;

import dev.racer.space.ObservationSpace;

/**
 * Turns the simulation state into the observation a policy sees. One instance per environment (sensors may
 * keep scratch buffers); {@link #observe} must not allocate.
 */
public interface Sensor {

    /** The name written to {@code model_metadata.json}'s {@code sensor} list. */
    String name();

    /** Number of floats {@link #observe} writes. */
    int size();

    /** Gymnasium's observation space: the shape and bounds of what {@link #observe} writes. */
    ObservationSpace observationSpace();

    /** Writes the observation of {@code car}'s current state into {@code out[0 .. size())}. */
    void observe(CarView car, float[] out);

    /**
     * Restarts the sensor's noise for a new episode (the environment calls it on every reset with the episode
     * seed: same seed, same readings). Noise-free sensors ignore it.
     */
    default void reseed(long seed) {
    }

    /** A sensor that sees nothing (benchmarks of the bare simulator). */
    static Sensor none() {
        return new Sensor() {
            @Override
            public String name() {
                return "NONE";
            }

            @Override
            public int size() {
                return 0;
            }

            @Override
            public ObservationSpace observationSpace() {
                return ObservationSpace.box(0, 0, 0);
            }

            @Override
            public void observe(CarView car, float[] out) {
            }
        };
    }
}
