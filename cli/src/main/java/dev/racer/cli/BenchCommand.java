package dev.racer.cli;

import com.sun.management.ThreadMXBean;
import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.race.StepResult;
import dev.racer.reward.CenterLineReward;
import dev.racer.sensor.Sensor;
import dev.racer.track.Projection;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racer bench}: benchmarks of the hot paths. Each feature adds its subcommand here. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks of the hot paths; each prints its figure.",
        subcommands = {BenchCommand.Env.class, BenchRenderCommand.class, BenchRewardCommand.class, BenchConvCommand.class,
            LeagueBenchCommand.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /**
     * Steps one environment on one thread with a Java reward and a scripted driver that stays on track; with
     * {@code --bots}, the bot cars move, are mirrored into the objects and judged by the crash rule every step.
     */
    @Command(name = "env", mixinStandardHelpOptions = true,
            description = "Steps one environment on one thread (Java reward, a scripted driver: the centre line, or the lane away from the next box or bot); prints steps/s and bytes allocated per step.")
    static final class Env implements Callable<Integer> {
        @CommandLine.Mixin
        TrackMixin trackId;
        @Option(names = "--seconds", defaultValue = "5", description = "measured time [s] after warm-up (default: ${DEFAULT-VALUE})")
        double seconds;
        @Option(names = "--warmup", defaultValue = "2", description = "warm-up time [s] (default: ${DEFAULT-VALUE})")
        double warmup;
        @Option(names = "--objects", paramLabel = "N", defaultValue = "0",
                description = "boxes on the track (OBJECT_AVOIDANCE, evenly spaced; default: ${DEFAULT-VALUE})")
        int objects;
        @Option(names = "--bots", paramLabel = "N", defaultValue = "0",
                description = "bot cars on the track (HEAD_TO_BOT at DeepRacer's 0.2 m/s; the issue's figure: 3;"
                        + " default: ${DEFAULT-VALUE})")
        int bots;
        @Option(names = "--bot-lane-change", description = "the bot cars change lanes")
        boolean botLaneChange;
        @Option(names = "--sensor", paramLabel = "NAME",
                description = "observe each step with LIDAR, SECTOR_LIDAR or DISCRETIZED_SECTOR_LIDAR (default: none)")
        String sensor;

        @Override
        public Integer call() {
            if (!(seconds > 0) || !(warmup >= 0)) {
                throw new UserException("--seconds must be > 0 and --warmup >= 0");
            }
            if (objects < 0) {
                throw new UserException("--objects must be >= 0, got " + objects);
            }
            if (bots < 0) {
                throw new UserException("--bots must be >= 0, got " + bots);
            }
            if (bots > 0 && objects > 0) {
                throw new UserException("--objects (OBJECT_AVOIDANCE) and --bots (HEAD_TO_BOT) are two race types:"
                        + " give one");
            }
            Track track = trackId.load();
            Sensor sense = Sensor.none();
            if (sensor != null) {
                try {
                    sense = dev.racer.world.LidarSensor.of(dev.racer.world.LidarSensor.Kind.valueOf(sensor), null);
                } catch (IllegalArgumentException e) {
                    throw new UserException("--sensor must be LIDAR, SECTOR_LIDAR or DISCRETIZED_SECTOR_LIDAR, got " + sensor);
                }
            }
            EnvConfig cfg = objects == 0 ? EnvConfig.DEFAULT : EnvConfig.DEFAULT
                    .withRaceType(dev.racer.race.RaceType.OBJECT_AVOIDANCE)
                    .withObjects(dev.racer.world.ObjectConfig.spaced(objects, false));
            if (bots > 0) {
                cfg = cfg.withRaceType(dev.racer.race.RaceType.HEAD_TO_BOT)
                        .withBots(dev.racer.multi.BotConfig.of(bots, dev.racer.multi.BotConfig.DEFAULT_SPEED,
                                botLaneChange));
            }
            RacingEnv env;
            try {
                env = new RacingEnv(track, cfg, new CenterLineReward(), sense);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            ScriptedDriver driver = new ScriptedDriver(env.geometry());
            run(env, driver, (long) (warmup * 1e9));
            ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().threadId();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long bytes0 = mx.getThreadAllocatedBytes(tid);
            long t0 = System.nanoTime();
            long[] r = run(env, driver, (long) (seconds * 1e9));
            long t1 = System.nanoTime();
            long bytes = mx.getThreadAllocatedBytes(tid) - bytes0;
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            long steps = r[0];
            double rate = steps / ((t1 - t0) / 1e9);
            System.out.printf("bench env: track %s, %s, sensor %s, %d steps in %.2f s on one thread%n", trackId.id,
                    bots > 0 ? "1 car + " + bots + " bot cars" + (botLaneChange ? " changing lanes" : "")
                            : objects + " objects", sensor == null ? "none" : sensor, steps, (t1 - t0) / 1e9);
            System.out.printf("  %,.0f steps/s (%.0f ns/step), %d episodes (%d laps completed)%n", rate, 1e9 / rate, r[1], r[2]);
            if (cpu > 0) { // the fairer figure on a busy machine: the thread's own CPU time
                System.out.printf("  %,.0f steps/s of the thread's CPU time (%.0f ns/step; %.0f%% of the wall time on CPU)%n",
                        steps / (cpu / 1e9), cpu / (double) steps, 100.0 * cpu / (t1 - t0));
            }
            System.out.printf("  allocated %d bytes in the measured loop: %.4f bytes/step%n", bytes, (double) bytes / steps);
            return 0;
        }

        /** Returns {steps, episodes, laps}. Checks the clock every 4096 steps. */
        private static long[] run(RacingEnv env, ScriptedDriver driver, long nanos) {
            long end = System.nanoTime() + nanos;
            long steps = 0, episodes = 0, laps = 0, seed = 1;
            env.reset(seed++);
            episodes++;
            do {
                for (int i = 0; i < 4096; i++) {
                    double steer = driver.steering(env);
                    StepResult s = env.step(steer, 1.6);
                    if (s.done()) {
                        if (s.status() == dev.racer.race.EpisodeStatus.LAP_COMPLETE) {
                            laps++;
                        }
                        env.reset(seed++);
                        episodes++;
                    }
                }
                steps += 4096;
            } while (System.nanoTime() < end);
            return new long[] {steps, episodes, laps};
        }
    }

    /**
     * Steers at a point 0.5 m ahead on the centre line (with boxes on it, it crashes into them); with bot cars,
     * at the middle of the lane away from the next bot (on a narrow track a car on the centre line touches a
     * bot in its lane). Allocation-free.
     */
    static final class ScriptedDriver {
        private final TrackGeometry geo;
        private final Projection ahead = new Projection();

        ScriptedDriver(TrackGeometry geo) {
            this.geo = geo;
        }

        double steering(RacingEnv env) {
            double along = env.params().projectionDistance() + 0.5;
            if (along > geo.length()) {
                along -= geo.length();
            }
            if (env.objects().count() > 0) { // boxes or bots: the lane away from the next one
                double h = geo.headingAt(along, ahead); // leaves ahead at the centre-line point
                double lateral = env.params().trackWidth() / 4
                        * (env.objects().leftOfCenter(nextObject(env)) ? -1 : 1);
                ahead.x -= Math.sin(h) * lateral;
                ahead.y += Math.cos(h) * lateral;
            } else {
                geo.center().interpolate(along, ahead);
            }
            double dx = ahead.x - env.carX(), dy = ahead.y - env.carY();
            double err = Math.atan2(dy, dx) - env.carYaw();
            err = Math.atan2(Math.sin(err), Math.cos(err));
            return Math.toDegrees(2.0 * err);
        }

        /**
         * The object whose lane to avoid: the first one ahead of a point {@value #CLEAR} m behind the car, so the
         * car keeps off a box until its tail has passed it (DeepRacer's {@code closest_objects} turns to the next
         * box as soon as the car is level with this one).
         */
        private int nextObject(RacingEnv env) {
            dev.racer.world.WorldObjects o = env.objects();
            double ref = env.params().projectionDistance() - CLEAR, len = geo.length();
            int best = 0;
            double bestGap = Double.POSITIVE_INFINITY;
            for (int i = 0; i < o.count(); i++) {
                double gap = (o.pdist(i) - ref) % len;
                if (gap < 0) {
                    gap += len;
                }
                if (gap < bestGap) {
                    bestGap = gap;
                    best = i;
                }
            }
            return best;
        }

        /** [m]: half a box plus the car's length, with a margin. */
        private static final double CLEAR = 0.6;
    }
}
