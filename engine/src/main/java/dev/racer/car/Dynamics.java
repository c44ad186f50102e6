package dev.racer.car;

/**
 * "Simple physics" for the DeepRacer car: a kinematic bicycle model with a first-order speed response, a
 * rate-limited steering servo and a grip limit on lateral acceleration, integrated in {@link CarSpec#substeps}
 * sub-steps per control step.
 *
 * <p>Per sub-step of length {@code h}:
 * <ul>
 *   <li>steering moves towards the command by at most {@code maxSteeringRate * h};</li>
 *   <li>speed relaxes towards the command: {@code v += (v_cmd - v) * h / (tau + h)} (backward Euler of
 *       {@code dv/dt = (v_cmd - v) / tau}, stable for any {@code h});</li>
 *   <li>path curvature {@code k = tan(steering) / wheelbase}, capped at {@code maxLateralAccel / v^2}: past the
 *       grip limit the car follows a wider arc than its wheels point (it slides wide);</li>
 *   <li>position advances along the heading averaged over the sub-step (trapezoid), then yaw by {@code v k h}.</li>
 * </ul>
 * {@link #step} is a pure function; {@link #integrate} is the same arithmetic on a mutable state so that an
 * environment's hot loop allocates nothing.
 */
public final class Dynamics {
    private static final double DEG = Math.PI / 180.0;

    private Dynamics() {
    }

    /** The state after holding {@code control} for {@code dt} seconds. Pure. */
    public static CarState step(CarState state, Control control, double dt, CarSpec spec) {
        MutableCarState s = new MutableCarState();
        s.set(state);
        integrate(s, control.steeringAngle(), control.speed(), dt, spec);
        return s.snapshot();
    }

    /**
     * Advances {@code s} in place by {@code dt} [s] under a commanded steering angle [deg] and speed [m/s]
     * (clipped to the spec's limits here).
     */
    public static void integrate(MutableCarState s, double steeringDeg, double speedCmd, double dt, CarSpec spec) {
        double steerCmd = clipSteering(steeringDeg, spec) * DEG;
        double vCmd = clipSpeed(speedCmd, spec);
        int n = spec.substeps();
        double h = dt / n;
        double maxDelta = spec.maxSteeringRate() * DEG * h;
        double alpha = h / (spec.speedTimeConstant() + h);
        double aMax = spec.maxLateralAccel();
        double invL = 1.0 / spec.wheelbase();

        double x = s.x, y = s.y, yaw = s.yaw, v = s.speed, delta = s.steering;
        double c = Math.cos(yaw), sn = Math.sin(yaw);
        double tanDelta = Math.tan(delta);
        for (int k = 0; k < n; k++) {
            double d = steerCmd - delta;
            if (d != 0) {
                delta += d > maxDelta ? maxDelta : (d < -maxDelta ? -maxDelta : d);
                tanDelta = Math.tan(delta);
            }
            v += (vCmd - v) * alpha;
            double kappa = tanDelta * invL;
            double v2 = v * v;
            if (v2 * Math.abs(kappa) > aMax) {
                kappa = Math.copySign(aMax / v2, kappa);
            }
            double dTheta = v * kappa * h;
            // rotate the heading vector by dTheta; the series is exact to 1e-6 below 0.1 rad, which
            // the default spec never exceeds (5.3 rad/s peak yaw rate x 1/60 s)
            double cr, sr;
            if (Math.abs(dTheta) < 0.1) {
                double t2 = dTheta * dTheta;
                cr = 1 - t2 * 0.5 + t2 * t2 / 24.0;
                sr = dTheta * (1 - t2 / 6.0);
            } else {
                cr = Math.cos(dTheta);
                sr = Math.sin(dTheta);
            }
            double c1 = c * cr - sn * sr;
            double s1 = sn * cr + c * sr;
            x += v * h * 0.5 * (c + c1);
            y += v * h * 0.5 * (sn + s1);
            c = c1;
            sn = s1;
            yaw += dTheta;
        }
        s.x = x;
        s.y = y;
        s.yaw = wrap(yaw);
        s.speed = v;
        s.steering = delta;
    }

    /** Steering [deg] clipped to ±max; NaN becomes 0. */
    public static double clipSteering(double deg, CarSpec spec) {
        double m = spec.maxSteeringAngle();
        return deg != deg ? 0 : Math.max(-m, Math.min(m, deg));
    }

    /** Speed [m/s] clipped to 0..max; NaN becomes 0. */
    public static double clipSpeed(double v, CarSpec spec) {
        return v != v ? 0 : Math.max(0, Math.min(spec.maxSpeed(), v));
    }

    /** Angle wrapped to (-pi, pi] [rad]. */
    public static double wrap(double a) {
        if (a > Math.PI || a <= -Math.PI) {
            a = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
            if (a <= -Math.PI) {
                a += 2 * Math.PI;
            }
        }
        return a;
    }
}
