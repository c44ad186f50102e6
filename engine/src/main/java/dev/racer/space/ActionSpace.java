package dev.racer.space;

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

        /** Maps a squashed value in [-1, 1] to the steering bounds. */
        public double steering(double squashed) {
            return steeringLow + (squashed + 1) / 2 * (steeringHigh - steeringLow);
        }

        public double speed(double squashed) {
            return speedLow + (squashed + 1) / 2 * (speedHigh - speedLow);
        }
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
