package dev.racer.world;

import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;

/**
 * Measures the per-step cost of object avoidance on one thread: DeepRacer's object params with the crash test
 * ({@link ObjectParamsCalculator}) plus one LIDAR observation ({@link LidarSensor}), for car poses spread along
 * the centre line and swaying across the lane, with {@code objects} boxes placed at random. What an environment
 * step adds on top of a time trial's step.
 *
 * <p>{@code java ... dev.racer.world.WorldBench [track] [objects] [seconds] [LIDAR|SECTOR_LIDAR|DISCRETIZED_SECTOR_LIDAR]
 *  [params|lidar|both]}
 */
public final class WorldBench {

    /**
     * @param steps      steps measured
     * @param seconds    wall time [s] they took
     * @param cpuSeconds CPU time of the measuring thread [s] (on a busy machine, the fairer figure)
     */
    public record Result(long steps, double seconds, double cpuSeconds) {
        public double nsPerStep() {
            return 1e9 * seconds / steps;
        }

        public double cpuNsPerStep() {
            return 1e9 * cpuSeconds / steps;
        }

        public double stepsPerSecond() {
            return steps / seconds;
        }
    }

    private WorldBench() {
    }

    /** Runs for about {@code seconds} after a warm-up of one second of CPU time. */
    public static Result run(TrackGeometry g, int objects, LidarSensor.Kind kind, double seconds) {
        return run(g, objects, kind, seconds, true, true);
    }

    /** As {@link #run(TrackGeometry, int, LidarSensor.Kind, double)}, timing only the params or only the LIDAR. */
    public static Result run(TrackGeometry g, int objects, LidarSensor.Kind kind, double seconds, boolean doParams,
                             boolean doLidar) {
        WorldObjects o = new WorldObjects(objects);
        new ObjectPlacer().place(ObjectConfig.spaced(objects, true), g, 1, o);
        LidarSensor lidar = LidarSensor.of(kind, o);
        lidar.reseed(1);
        ObjectParams params = new ObjectParams(objects);
        ObjectParamsCalculator calc = new ObjectParamsCalculator();
        int poses = 997;
        double[] x = new double[poses], y = new double[poses], yaw = new double[poses];
        Projection p = new Projection();
        for (int i = 0; i < poses; i++) {
            double along = g.length() * i / poses;
            yaw[i] = g.headingAt(along, p);
            double lateral = 0.3 * Math.sin(i * 0.37); // sway across the lanes
            x[i] = p.x - lateral * Math.sin(yaw[i]);
            y[i] = p.y + lateral * Math.cos(yaw[i]);
        }
        float[] out = new float[lidar.size()];
        long sink = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        // warm up on CPU time, not wall time: on a busy machine half a second of wall time may not finish the JIT
        long warm = mx.getCurrentThreadCpuTime() + 1_000_000_000L;
        int i = 0;
        while (mx.getCurrentThreadCpuTime() < warm) {
            for (int k = 0; k < 1024; k++) {
                sink += step(g, o, calc, params, doLidar ? lidar : null, x[i], y[i], yaw[i], out, doParams);
                i = (i + 1) % poses;
            }
        }
        long steps = 0;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9), now;
        do {
            for (int k = 0; k < 1024; k++) {
                sink += step(g, o, calc, params, doLidar ? lidar : null, x[i], y[i], yaw[i], out, doParams);
                i = i + 1 == poses ? 0 : i + 1;
            }
            steps += 1024;
            now = System.nanoTime();
        } while (now < end);
        if (sink == 42) {
            System.out.print("");
        }
        return new Result(steps, (now - t0) / 1e9, (mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }

    private static int step(TrackGeometry g, WorldObjects o, ObjectParamsCalculator calc, ObjectParams params,
                            LidarSensor lidar, double ox, double oy, double yaw, float[] out, boolean doParams) {
        if (doParams) {
            double c = Math.cos(yaw), s = Math.sin(yaw);
            double fx = ox + CarBody.FRONT_FROM_ORIGIN * c, fy = oy + CarBody.FRONT_FROM_ORIGIN * s;
            calc.compute(g, o, fx, fy, ox, oy, yaw, params);
        }
        if (lidar != null) {
            lidar.observe(ox, oy, yaw, out);
        }
        return params.nextObject + (params.crashed ? 1 : 0) + (int) out[0];
    }

    public static void main(String[] args) {
        String track = args.length > 0 ? args[0] : "reinvent_base";
        int objects = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        LidarSensor.Kind kind = args.length > 3 ? LidarSensor.Kind.valueOf(args[3]) : LidarSensor.Kind.LIDAR;
        String parts = args.length > 4 ? args[4] : "both"; // params, lidar or both
        TrackGeometry g = TrackGeometry.of(TrackLibrary.standard().get(track), false);
        Result r = run(g, objects, kind, seconds, !parts.equals("lidar"), !parts.equals("params"));
        System.out.printf("%s, %d boxes, %s, %s: %.0f ns/step wall, %.0f ns/step CPU (%d steps in %.2f s, %.2f s CPU)%n",
                track, objects, kind, parts, r.nsPerStep(), r.cpuNsPerStep(), r.steps(), r.seconds(), r.cpuSeconds());
    }
}
