package dev.racer.multi;

import dev.racer.car.CarSpec;
import dev.racer.car.MutableCarState;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures a head-to-bot step on one thread: one racing car (a centre-line follower standing in for a model:
 * the policy's own cost is not counted) and {@code bots} bot cars changing lanes, through
 * {@link MultiCarRace#step} (the dynamics, the bots, every car's view and object params, the crash rule, the
 * off-track test and the penalties). Races restart when they end.
 *
 * <p>{@code java ... dev.racer.multi.MultiCarBench [track] [bots] [seconds] [cars]}
 */
public final class MultiCarBench {
    /**
     * @param steps      control steps measured
     * @param seconds    wall time [s]
     * @param cpuSeconds CPU time of the thread [s] (the fairer figure on a busy machine)
     */
    public record Result(long steps, double seconds, double cpuSeconds) {
        public double nsPerStep() {
            return 1e9 * seconds / steps;
        }

        public double cpuNsPerStep() {
            return 1e9 * cpuSeconds / steps;
        }
    }

    private MultiCarBench() {
    }

    /** A pure-pursuit follower of the centre line at {@code v} [m/s] (allocation-free). */
    static MultiCarRace.Controller follower(double v) {
        Projection p = new Projection();
        return (w, car, steer, speed) -> {
            MutableCarState c = w.car(car);
            TrackGeometry g = w.geometry();
            double target = w.along(car) + 0.8;
            g.center().interpolate(target - g.length() * Math.floor(target / g.length()), p);
            double alpha = Math.atan2(p.y - c.y, p.x - c.x) - c.yaw;
            double ld = Math.hypot(p.y - c.y, p.x - c.x);
            steer[car] = Math.toDegrees(Math.atan(2 * w.spec().wheelbase() * Math.sin(alpha) / ld));
            speed[car] = v;
        };
    }

    /** Runs about {@code seconds} after one second of CPU time to warm up. */
    public static Result run(TrackGeometry g, int cars, int bots, double seconds) {
        MultiCarWorld w = new MultiCarWorld(g, CarSpec.DEFAULT, cars, BotConfig.of(bots, 0.4, true));
        MultiCarRace.Controller[] drivers = new MultiCarRace.Controller[cars];
        for (int i = 0; i < cars; i++) {
            drivers[i] = follower(1.0 + 0.2 * i);
        }
        MultiCarRace race = new MultiCarRace(w, new MultiCarRace.Rules(3, 2.0, 5.0, 600, 1 / 15.0), drivers);
        race.start(1);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long warm = mx.getCurrentThreadCpuTime() + 1_000_000_000L;
        long seed = 1;
        while (mx.getCurrentThreadCpuTime() < warm) {
            for (int k = 0; k < 1024; k++) {
                if (!race.step()) {
                    race.start(++seed);
                }
            }
        }
        long steps = 0;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9), now;
        do {
            for (int k = 0; k < 1024; k++) {
                if (!race.step()) {
                    race.start(++seed);
                }
            }
            steps += 1024;
            now = System.nanoTime();
        } while (now < end);
        return new Result(steps, (now - t0) / 1e9, (mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }

    public static void main(String[] args) {
        String track = args.length > 0 ? args[0] : "reinvent_base";
        int bots = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        int cars = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        TrackGeometry g = TrackGeometry.of(TrackLibrary.standard().get(track), false);
        Result r;
        try {
            r = run(g, cars, bots, seconds);
        } catch (IllegalArgumentException e) {
            System.err.println("multi-car bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf("%s, %d car(s) + %d bots (lane changes): %.0f ns/step wall, %.0f ns/step CPU"
                        + " (%.0f steps/s CPU; %d steps in %.2f s)%n", track, cars, bots, r.nsPerStep(),
                r.cpuNsPerStep(), 1e9 / r.cpuNsPerStep(), r.steps(), r.seconds());
    }
}
