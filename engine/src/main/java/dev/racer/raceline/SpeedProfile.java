package dev.racer.raceline;

import dev.racer.car.CarSpec;

/**
 * The fastest speed along a line that the car's grip and speed response allow.
 *
 * <p>Corner limit {@code v ≤ sqrt(aLat / |κ|)} with {@code aLat = gripFactor × maxLateralAccel}, capped at
 * {@code maxSpeed}. The engine's speed response is first order, {@code dv/dt = (v_cmd - v) / tau}, so the most
 * the car can accelerate at speed {@code v} is {@code (maxSpeed - v) / tau} (command full speed) and brake
 * {@code v / tau} (command 0); a forward pass limits {@code v_{i+1}² ≤ v_i² + 2 a ds} and a backward pass
 * {@code v_i² ≤ v_{i+1}² + 2 b ds}, each scaled by its factor, repeated around the loop until nothing changes.
 */
final class SpeedProfile {
    private SpeedProfile() {
    }

    static double[] compute(double[] x, double[] y, double[] kappa, CarSpec car, RacelineConfig cfg) {
        int n = x.length;
        double vMax = car.maxSpeed();
        double aLat = cfg.gripFactor() * car.maxLateralAccel();
        double tau = car.speedTimeConstant();
        double[] ds = new double[n];
        double[] v = new double[n];
        int slowest = 0;
        for (int i = 0; i < n; i++) {
            int q = (i + 1) % n;
            ds[i] = Math.hypot(x[q] - x[i], y[q] - y[i]);
            double k = Math.abs(kappa[i]);
            v[i] = k < 1e-9 ? vMax : Math.min(vMax, Math.sqrt(aLat / k));
            if (v[i] < v[slowest]) {
                slowest = i;
            }
        }
        // starting both passes at the slowest point makes one lap of each almost always enough; loop to be sure
        for (int round = 0; round < 10; round++) {
            boolean changed = false;
            for (int k = 0; k < n; k++) {
                int i = (slowest + k) % n, q = (i + 1) % n;
                double a = cfg.accelFactor() * Math.max(0, vMax - v[i]) / tau;
                double lim = Math.sqrt(v[i] * v[i] + 2 * a * ds[i]);
                if (v[q] > lim + 1e-12) {
                    v[q] = lim;
                    changed = true;
                }
            }
            for (int k = 0; k < n; k++) {
                int q = ((slowest - k) % n + n) % n, i = (q + n - 1) % n;
                double b = cfg.brakeFactor() * v[q] / tau;
                double lim = Math.sqrt(v[q] * v[q] + 2 * b * ds[i]);
                if (v[i] > lim + 1e-12) {
                    v[i] = lim;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return v;
    }
}
