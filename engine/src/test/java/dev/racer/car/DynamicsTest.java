package dev.racer.car;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DynamicsTest {
    private static final CarSpec SPEC = CarSpec.DEFAULT;
    private static final double DT = 1.0 / 15;

    @Test
    void speedFollowsAFirstOrderResponse() {
        // backward Euler per sub-step: v_k = v_cmd * (1 - (tau / (tau + h))^k), h = dt / substeps
        CarState s = CarState.atRest(0, 0, 0);
        CarState next = Dynamics.step(s, new Control(0, 2.0), DT, SPEC);
        double h = DT / SPEC.substeps();
        double keep = SPEC.speedTimeConstant() / (SPEC.speedTimeConstant() + h);
        assertEquals(2.0 * (1 - Math.pow(keep, SPEC.substeps())), next.speed(), 1e-12);
        assertEquals(0.0, next.y(), 1e-15, "straight ahead stays on the x axis");
        assertEquals(0.0, next.yaw(), 1e-15);
        // distance: trapezoid over sub-steps of the sub-step end speeds
        double x = 0, v = 0;
        for (int k = 0; k < SPEC.substeps(); k++) {
            v += (2.0 - v) * (1 - keep);
            x += v * h;
        }
        assertEquals(x, next.x(), 1e-12);
    }

    @Test
    void steeringIsRateLimited() {
        CarState s = CarState.atRest(0, 0, 0);
        CarState next = Dynamics.step(s, new Control(30, 1.0), DT, SPEC);
        // 360 deg/s for 1/15 s: at most 24 degrees after one step
        assertEquals(Math.toRadians(24.0), next.steering(), 1e-12);
        next = Dynamics.step(next, new Control(30, 1.0), DT, SPEC);
        assertEquals(Math.toRadians(30.0), next.steering(), 1e-12);
        next = Dynamics.step(next, new Control(-45, 1.0), DT, SPEC);
        assertEquals(Math.toRadians(6.0), next.steering(), 1e-12, "clipped to -30, moved 24 degrees towards it");
    }

    @Test
    void steadyTurnFollowsTheBicycleRadius() {
        // 10 degrees at 1 m/s: lateral acceleration 1.08 m/s^2 is within grip, radius = L / tan(10 deg)
        double radius = SPEC.wheelbase() / Math.tan(Math.toRadians(10));
        assertEquals(radius, measuredRadius(10, 1.0), 2e-3 * radius);
    }

    @Test
    void pastTheGripLimitTheCarSlidesWide() {
        // 30 degrees at 3 m/s wants a 0.284 m radius (31.7 m/s^2); grip caps it at v^2 / a_max = 1.125 m
        double kinematic = SPEC.wheelbase() / Math.tan(Math.toRadians(30));
        double r = measuredRadius(30, 3.0);
        assertEquals(9.0 / SPEC.maxLateralAccel(), r, 0.01);
        assertTrue(r > 3 * kinematic);
    }

    /** Drives a steady circle and returns its radius from three points half a turn apart. */
    private static double measuredRadius(double steerDeg, double speed) {
        CarState s = new CarState(0, 0, 0, speed, Math.toRadians(steerDeg));
        for (int i = 0; i < 150; i++) { // settle
            s = Dynamics.step(s, new Control(steerDeg, speed), DT, SPEC);
        }
        double maxD = 0;
        CarState first = s;
        for (int i = 0; i < 400; i++) {
            s = Dynamics.step(s, new Control(steerDeg, speed), DT, SPEC);
            maxD = Math.max(maxD, Math.hypot(s.x() - first.x(), s.y() - first.y()));
        }
        return maxD / 2; // the diameter is the largest distance between two points of the circle
    }

    @Test
    void stepIsPureAndDeterministic() {
        CarState s = new CarState(1, 2, 0.3, 1.5, 0.1);
        Control c = new Control(-12, 2.5);
        CarState a = Dynamics.step(s, c, DT, SPEC);
        CarState b = Dynamics.step(s, c, DT, SPEC);
        assertEquals(a, b);
        assertEquals(new CarState(1, 2, 0.3, 1.5, 0.1), s, "input untouched");
    }

    @Test
    void controlsAreClippedAndNaNIsZero() {
        assertEquals(new Control(30, 4), new Control(55, 9).clipped(SPEC));
        assertEquals(new Control(-30, 0), new Control(-55, -1).clipped(SPEC));
        assertEquals(new Control(0, 0), new Control(Double.NaN, Double.NaN).clipped(SPEC));
    }

    @Test
    void yawWrapsIntoMinusPiPi() {
        assertEquals(Math.PI, Dynamics.wrap(Math.PI), 1e-15);
        assertEquals(Math.PI, Dynamics.wrap(-Math.PI), 1e-15);
        assertEquals(-Math.PI / 2, Dynamics.wrap(3 * Math.PI / 2), 1e-12);
        assertEquals(0.5, Dynamics.wrap(0.5 + 4 * Math.PI), 1e-12);
    }

    @Test
    void specRejectsNonsense() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CarSpec(-1, 0.162, 0.14, 30, 4, 0.2, 360, 8, 4));
        assertTrue(e.getMessage().contains("wheelbase"), e.getMessage());
    }
}
