package dev.racer.view;

import java.util.Arrays;

/**
 * Places and gaps: cars ordered by distance raced (laps, then progress), and each car's gap in seconds to the
 * car one place ahead, measured as the time since that car passed the point where this one is now. Each car's
 * passing times are kept at every whole percent of a lap; where the car ahead has no time recorded there (it
 * started ahead, as staggered starts do) the gap is estimated from its average pace so far.
 */
final class Standings {
    private double[][] passed = new double[0][];   // per car: time [s] at which it reached mark m (NaN before)
    private double[] firstMark = new double[0];    // per car: distance [%] when recording started
    private double[] firstTime = new double[0];
    private double[] firstDistance = new double[0];
    private double[] lastDistance = new double[0];
    private Integer[] order = new Integer[0];

    /** Records where every car is at {@code s.time} and fills in positions and gaps. */
    void update(ViewState s) {
        int n = s.count();
        if (passed.length != n) {
            passed = new double[n][];
            firstMark = new double[n];
            firstTime = new double[n];
            firstDistance = new double[n];
            lastDistance = new double[n];
            order = new Integer[n];
            for (int i = 0; i < n; i++) {
                reset(i, s.car(i).distance(), s.time);
            }
        }
        for (int i = 0; i < n; i++) {
            double d = s.car(i).distance();
            if (d < lastDistance[i] - 1e-9) {
                reset(i, d, s.time);    // a new race (or a replay's next episode) started
            }
            lastDistance[i] = d;
            int m = (int) Math.floor(d);
            if (m >= 0) {
                if (m >= passed[i].length) {
                    int old = passed[i].length;
                    passed[i] = Arrays.copyOf(passed[i], Math.max(m + 1, 2 * old));
                    Arrays.fill(passed[i], old, passed[i].length, Double.NaN);
                }
                for (int k = m; k >= 0 && Double.isNaN(passed[i][k]); k--) {
                    if (k < firstMark[i]) {
                        break;
                    }
                    passed[i][k] = s.time;
                }
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(s.car(b).distance(), s.car(a).distance());
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int p = 0; p < n; p++) {
            CarState c = s.car(order[p]);
            c.position = p + 1;
            c.gap = p == 0 ? Double.NaN : gap(order[p - 1], c.distance(), s.time);
        }
    }

    private void reset(int i, double d, double time) {
        passed[i] = new double[Math.max(128, (int) d + 2)];
        Arrays.fill(passed[i], Double.NaN);
        firstMark[i] = Math.ceil(d);
        firstTime[i] = time;
        firstDistance[i] = d;
        lastDistance[i] = d;
    }

    /** Time [s] since car {@code ahead} was at distance {@code d}. */
    private double gap(int ahead, double d, double now) {
        int m = (int) Math.floor(d);
        double[] t = passed[ahead];
        if (m >= 0 && m + 1 < t.length && !Double.isNaN(t[m]) && !Double.isNaN(t[m + 1])) {
            return Math.max(0, now - (t[m] + (t[m + 1] - t[m]) * (d - m)));
        }
        if (m >= 0 && m < t.length && !Double.isNaN(t[m])) {
            return Math.max(0, now - t[m]);
        }
        // not recorded there: the distance between them at the leader's average pace
        double run = lastDistance[ahead] - firstDistance[ahead], took = now - firstTime[ahead];
        if (run > 0.5 && took > 0) {
            return Math.max(0, (lastDistance[ahead] - d) * took / run);
        }
        return Double.NaN;
    }
}
