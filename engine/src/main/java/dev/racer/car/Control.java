package dev.racer.car;

/**
 * One action, in DeepRacer's units.
 *
 * @param steeringAngle commanded front-wheel angle, + left [deg]
 * @param speed         commanded speed [m/s]
 */
public record Control(double steeringAngle, double speed) {

    /** This control clipped to the car's limits (steering ±max, speed 0..max). NaN becomes 0. */
    public Control clipped(CarSpec spec) {
        return new Control(Dynamics.clipSteering(steeringAngle, spec), Dynamics.clipSpeed(speed, spec));
    }
}
