package dev.racer.sensor;

import dev.racer.space.ObservationSpace;
import java.util.List;

/**
 * Several vector sensors read as one: their observations concatenated in the order given, as DeepRacer's
 * {@code sensor} list pairs its camera with a LIDAR. Racer's MLP path reads {@code RACER_BORDER_RAYS} plus one
 * LIDAR kind this way, e.g. {@code [RACER_BORDER_RAYS, SECTOR_LIDAR]} gives 17 + 8 = 25 floats: the 15 border rays,
 * speed and steering, then the 8 sector flags.
 *
 * <p>{@link #name()} is the names joined by {@code +}; {@link #reseed} and {@link #observe} reach every part;
 * {@link #observe} allocates nothing (each part writes into a scratch buffer of its own size, then is copied).
 */
public final class SensorStack implements Sensor {
    private final Sensor[] parts;
    private final float[][] scratch;
    private final int size;
    private final String name;

    /** @param parts two or more sensors, none a camera frame (their observations are flat vectors) */
    public SensorStack(List<? extends Sensor> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("a sensor stack needs at least two sensors, got " + parts.size());
        }
        this.parts = parts.toArray(new Sensor[0]);
        this.scratch = new float[this.parts.length][];
        int n = 0;
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < this.parts.length; i++) {
            Sensor s = this.parts[i];
            if (s.observationSpace().shape().length != 1) {
                throw new IllegalArgumentException(s.name() + " is not a vector sensor (observation shape "
                        + java.util.Arrays.toString(s.observationSpace().shape()) + "); a stack holds vectors only");
            }
            scratch[i] = new float[s.size()];
            n += s.size();
            names.append(i == 0 ? "" : "+").append(s.name());
        }
        this.size = n;
        this.name = names.toString();
    }

    /** the sensors, in observation order */
    public List<Sensor> parts() {
        return List.of(parts);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    /** the parts' bounds, concatenated */
    @Override
    public ObservationSpace observationSpace() {
        float[] low = new float[size], high = new float[size];
        int at = 0;
        for (Sensor s : parts) {
            ObservationSpace o = s.observationSpace();
            System.arraycopy(o.low(), 0, low, at, s.size());
            System.arraycopy(o.high(), 0, high, at, s.size());
            at += s.size();
        }
        return new ObservationSpace(new int[] {size}, low, high);
    }

    @Override
    public void reseed(long seed) {
        for (Sensor s : parts) {
            s.reseed(seed);
        }
    }

    @Override
    public void observe(CarView car, float[] out) {
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            float[] buf = scratch[i];
            parts[i].observe(car, buf);
            System.arraycopy(buf, 0, out, at, buf.length);
            at += buf.length;
        }
    }
}
