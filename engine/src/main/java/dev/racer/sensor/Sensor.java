package dev.racer.sensor;

import dev.racer.race.RacingEnv;

/**
 * Turns the simulation state into the observation a policy sees. One instance per environment (sensors may
 * keep scratch buffers); {@link #observe} must not allocate.
 */
public interface Sensor {

    /** The name written to {@code model_metadata.json}'s {@code sensor} list. */
    String name();

    /** Number of floats {@link #observe} writes. */
    int size();

    /** Writes the observation of {@code env}'s current state into {@code out[0 .. size())}. */
    void observe(RacingEnv env, float[] out);

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
            public void observe(RacingEnv env, float[] out) {
            }
        };
    }
}
