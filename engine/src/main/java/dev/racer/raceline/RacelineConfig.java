package dev.racer.raceline;

/**
 * How a racing line is computed. Defaults live in {@link #DEFAULT}.
 *
 * @param margin        clearance kept from each border beyond the car's half-width ({@code axleTrack / 2}) [m]
 * @param spacing       distance between the line's points, measured along the centre line [m]
 * @param gripFactor    fraction of {@code CarSpec.maxLateralAccel} the speed profile uses in corners [-]
 * @param accelFactor   fraction of the acceleration the speed response can give, {@code (maxSpeed - v) / tau} [-]
 * @param brakeFactor   fraction of the deceleration the speed response can give, {@code v / tau} [-]
 * @param maxIterations cap on the optimiser's iterations [-]
 */
public record RacelineConfig(double margin, double spacing, double gripFactor, double accelFactor,
                             double brakeFactor, int maxIterations) {

    public static final RacelineConfig DEFAULT = new RacelineConfig(0.05, 0.1, 0.9, 0.8, 0.7, 50_000);

    public RacelineConfig {
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number >= 0 [m], got " + margin);
        }
        if (!(spacing >= 0.02 && spacing <= 1.0)) {
            throw new IllegalArgumentException("spacing must be in [0.02, 1] [m], got " + spacing);
        }
        fraction("gripFactor", gripFactor);
        fraction("accelFactor", accelFactor);
        fraction("brakeFactor", brakeFactor);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
    }

    public RacelineConfig withMargin(double m) {
        return new RacelineConfig(m, spacing, gripFactor, accelFactor, brakeFactor, maxIterations);
    }

    public RacelineConfig withGripFactor(double g) {
        return new RacelineConfig(margin, spacing, g, accelFactor, brakeFactor, maxIterations);
    }

    private static void fraction(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + v);
        }
    }
}
