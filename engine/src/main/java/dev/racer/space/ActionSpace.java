package dev.racer.space;

import dev.racer.car.CarSpec;
import dev.racer.car.Control;
import java.util.ArrayList;
import java.util.List;

/**
 * DeepRacer's action space: a list of discrete {@code (steering_angle, speed)} actions, or continuous bounds.
 * Limits (DeepRacer's): 2–30 discrete actions, speed 0.1–4 m/s, steering ±30°.
 */
public sealed interface ActionSpace {
    double MAX_STEERING = 30.0;
    double MIN_SPEED = 0.1;
    double MAX_SPEED = 4.0;
    int MIN_ACTIONS = 2;
    int MAX_ACTIONS = 30;

    /** {@code discrete} or {@code continuous}, as in {@code action_space_type}. */
    String type();

    /** Number of network outputs for the policy: actions (discrete) or 2 means (continuous). */
    int policyOutputs();

    /**
     * The one decode of a discrete action: action {@code index} of the list. Allocates nothing (the list's own
     * {@link Control}).
     *
     * @throws IllegalArgumentException for a continuous space, or an index outside the list
     */
    default Control decode(int index) {
        if (this instanceof Discrete d) {
            if (index < 0 || index >= d.size()) {
                throw new IllegalArgumentException("action index " + index + " is outside the discrete action space"
                        + " of " + d.size() + " actions");
            }
            return d.actions().get(index);
        }
        throw new IllegalArgumentException("a continuous action space has no action index (got " + index + ")");
    }

    /**
     * The one decode of a continuous action: steering and speed normalised to [-1, 1] (clamped) mapped
     * linearly onto the space's bounds.
     *
     * @throws IllegalArgumentException for a discrete space
     */
    default Control decode(double steering, double speed) {
        Continuous c = continuous();
        return new Control(c.steering(steering), c.speed(speed));
    }

    /** This space as a continuous box; a clear error for a discrete one. */
    default Continuous continuous() {
        if (this instanceof Continuous c) {
            return c;
        }
        throw new IllegalArgumentException("a discrete action space has no continuous bounds: decode an action index");
    }

    /** A list of actions; the network picks one by index. */
    record Discrete(List<Control> actions) implements ActionSpace {
        public Discrete {
            actions = List.copyOf(actions);
        }

        @Override
        public String type() {
            return "discrete";
        }

        @Override
        public int policyOutputs() {
            return actions.size();
        }

        public int size() {
            return actions.size();
        }

        public Control get(int i) {
            return actions.get(i);
        }
    }

    /** Steering in [steeringLow, steeringHigh] [deg], speed in [speedLow, speedHigh] [m/s]. */
    record Continuous(double steeringLow, double steeringHigh, double speedLow, double speedHigh)
            implements ActionSpace {
        @Override
        public String type() {
            return "continuous";
        }

        @Override
        public int policyOutputs() {
            return 2;
        }

        /** Maps a normalised value in [-1, 1] (clamped) to the steering bounds [deg]. */
        public double steering(double normalised) {
            return steeringLow + (clamp(normalised) + 1) / 2 * (steeringHigh - steeringLow);
        }

        /** Maps a normalised value in [-1, 1] (clamped) to the speed bounds [m/s]. */
        public double speed(double normalised) {
            return speedLow + (clamp(normalised) + 1) / 2 * (speedHigh - speedLow);
        }

        private static double clamp(double u) {
            return u < -1 ? -1 : u > 1 ? 1 : u;
        }
    }

    /** A continuous box over a car's whole range: steering ±its maximum [deg], speed 0 to its maximum [m/s]. */
    static Continuous of(CarSpec car) {
        return new Continuous(-car.maxSteeringAngle(), car.maxSteeringAngle(), 0, car.maxSpeed());
    }

    /**
     * Racer's default discrete space: DeepRacer console's default shape (steering −30, −15, 0, 15, 30° ×
     * two speeds), with speeds 1 and 2 m/s.
     */
    static Discrete defaultDiscrete() {
        List<Control> a = new ArrayList<>();
        for (double speed : new double[] {1.0, 2.0}) {
            for (double steer : new double[] {-30, -15, 0, 15, 30}) {
                a.add(new Control(steer, speed));
            }
        }
        return new Discrete(a);
    }
}
