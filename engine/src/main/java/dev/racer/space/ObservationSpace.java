package dev.racer.space;

import java.util.Arrays;

/**
 * Gymnasium's {@code Box} observation space: a float array of {@link #shape()} whose element {@code i} lies
 * in {@code [low[i], high[i]]} (flattened row-major).
 *
 * @param shape dimensions, e.g. {@code [17]} for a vector sensor, {@code [2, 120, 160]} for stereo cameras
 * @param low   lower bound per element
 * @param high  upper bound per element
 */
public record ObservationSpace(int[] shape, float[] low, float[] high) {

    public ObservationSpace {
        shape = shape.clone();
        low = low.clone();
        high = high.clone();
        int n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("observation shape has a negative dimension: "
                        + Arrays.toString(shape));
            }
            n *= d;
        }
        if (low.length != n || high.length != n) {
            throw new IllegalArgumentException("observation bounds must have " + n + " elements (shape "
                    + Arrays.toString(shape) + "), got " + low.length + " and " + high.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(low[i] <= high[i])) {
                throw new IllegalArgumentException("observation bound " + i + ": low " + low[i] + " > high " + high[i]);
            }
        }
    }

    /** A box of {@code shape} with the same bounds for every element. */
    public static ObservationSpace box(float low, float high, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] lo = new float[n], hi = new float[n];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new ObservationSpace(shape, lo, hi);
    }

    /** number of floats in an observation */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] low() {
        return low.clone();
    }

    @Override
    public float[] high() {
        return high.clone();
    }

    /** Whether {@code obs} has the space's size and every element is within its bounds. */
    public boolean contains(float[] obs) {
        if (obs.length != low.length) {
            return false;
        }
        for (int i = 0; i < obs.length; i++) {
            if (!(obs[i] >= low[i] && obs[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservationSpace s && Arrays.equals(shape, s.shape) && Arrays.equals(low, s.low)
                && Arrays.equals(high, s.high);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(low)) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box(shape=" + Arrays.toString(shape) + ")";
    }
}
