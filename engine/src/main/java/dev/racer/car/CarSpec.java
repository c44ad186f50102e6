package dev.racer.car;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything physical about the 1/18-scale DeepRacer car and how it is integrated. Defaults live in
 * {@link #DEFAULT} only; JSON may override any subset of the fields (unknown fields are an error).
 *
 * @param wheelbase           distance from rear to front axle [m]
 * @param axleTrack           distance between the left and right wheels [m]
 * @param frontPointOffset    distance ahead of the origin (rear-axle centre) of the point DeepRacer reports as
 *                            {@code x, y} [m]
 * @param maxSteeringAngle    steering limit either way [deg]
 * @param maxSpeed            speed limit [m/s]
 * @param speedTimeConstant   time constant of the first-order response of speed to the commanded speed [s]
 * @param maxSteeringRate     how fast the front wheels turn towards the commanded angle [deg/s]
 * @param maxLateralAccel     grip limit: beyond this lateral acceleration the car slides wide [m/s^2]
 * @param substeps            integration sub-steps inside each control step [-]
 */
public record CarSpec(double wheelbase, double axleTrack, double frontPointOffset, double maxSteeringAngle,
                      double maxSpeed, double speedTimeConstant, double maxSteeringRate, double maxLateralAccel,
                      int substeps) {

    /** DeepRacer's car: 0.164 m wheelbase, 0.162 m track, ±30°, 4 m/s. */
    public static final CarSpec DEFAULT = new CarSpec(0.164, 0.162, 0.14, 30.0, 4.0, 0.2, 360.0, 8.0, 4);

    public CarSpec {
        positive("wheelbase", wheelbase);
        positive("axleTrack", axleTrack);
        if (!(frontPointOffset >= 0) || Double.isInfinite(frontPointOffset)) {
            throw new IllegalArgumentException("frontPointOffset must be a finite number >= 0 [m], got " + frontPointOffset);
        }
        if (!(maxSteeringAngle > 0 && maxSteeringAngle < 90)) {
            throw new IllegalArgumentException("maxSteeringAngle must be in (0, 90) [deg], got " + maxSteeringAngle);
        }
        positive("maxSpeed", maxSpeed);
        positive("speedTimeConstant", speedTimeConstant);
        positive("maxSteeringRate", maxSteeringRate);
        positive("maxLateralAccel", maxLateralAccel);
        if (substeps < 1 || substeps > 100) {
            throw new IllegalArgumentException("substeps must be in 1..100, got " + substeps);
        }
    }

    /** Reads a spec from JSON fields, taking {@link #DEFAULT}'s value for each field left out. */
    @JsonCreator
    public static CarSpec of(@JsonProperty("wheelbase") Double wheelbase,
                             @JsonProperty("axleTrack") Double axleTrack,
                             @JsonProperty("frontPointOffset") Double frontPointOffset,
                             @JsonProperty("maxSteeringAngle") Double maxSteeringAngle,
                             @JsonProperty("maxSpeed") Double maxSpeed,
                             @JsonProperty("speedTimeConstant") Double speedTimeConstant,
                             @JsonProperty("maxSteeringRate") Double maxSteeringRate,
                             @JsonProperty("maxLateralAccel") Double maxLateralAccel,
                             @JsonProperty("substeps") Integer substeps) {
        CarSpec d = DEFAULT;
        return new CarSpec(or(wheelbase, d.wheelbase), or(axleTrack, d.axleTrack),
                or(frontPointOffset, d.frontPointOffset), or(maxSteeringAngle, d.maxSteeringAngle),
                or(maxSpeed, d.maxSpeed), or(speedTimeConstant, d.speedTimeConstant),
                or(maxSteeringRate, d.maxSteeringRate), or(maxLateralAccel, d.maxLateralAccel),
                substeps == null ? d.substeps : substeps);
    }

    private static double or(Double v, double d) {
        return v == null ? d : v;
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v);
        }
    }
}
