package dev.racer.cli.bench;

import dev.racer.reward.python.*;

import dev.racer.car.CarState;
import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.Sensor;
import dev.racer.track.Projection;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import java.util.SplittableRandom;

/** {@code racer bench reward}: calls per second of a reward function on varied real states, after warm-up. */
public final class RewardBench {

    /** One measurement, after {@code warmupSeconds} of warm-up. */
    public record Result(String label, long calls, double seconds, double warmupSeconds) {
        public double callsPerSecond() {
            return calls / seconds;
        }

        public double microsPerCall() {
            return seconds * 1e6 / calls;
        }
    }

    private RewardBench() {
    }

    /** {@code count} varied states on {@code track}: positions all round, offsets, speeds, steering. */
    public static RewardParams[] states(Track track, int count) {
        RacingEnv env = new RacingEnv(track, EnvConfig.DEFAULT, p -> 0, Sensor.none());
        env.reset(0);
        TrackGeometry geo = env.geometry();
        SplittableRandom rnd = new SplittableRandom(42);
        Projection pr = new Projection();
        RewardParams[] out = new RewardParams[count];
        double off = env.config().car().frontPointOffset();
        for (int i = 0; i < count; i++) {
            double along = geo.length() * i / count;
            double h = geo.headingAt(along, pr);
            double lateral = (rnd.nextDouble() - 0.5) * 0.6;
            double yaw = h + (rnd.nextDouble() - 0.5) * 0.5;
            double fx = pr.x - Math.sin(h) * lateral, fy = pr.y + Math.cos(h) * lateral;
            env.placeCar(CarState.atRest(fx - off * Math.cos(yaw), fy - off * Math.sin(yaw), Math.atan2(Math.sin(yaw),
                    Math.cos(yaw))), 0);
            RewardParams p = env.params().copy();
            p.set(p.x(), p.y(), p.heading(), p.distanceFromCenter(), p.isLeftOfCenter(), 100.0 * i / count,
                    0.5 + rnd.nextDouble() * 3.5, (rnd.nextDouble() - 0.5) * 60, 1 + i, p.trackWidth(),
                    p.closestWaypointPrev(), p.closestWaypointNext(), p.projectionDistance(), p.wheelsOnTrack());
            out[i] = p;
        }
        return out;
    }

    /**
     * Single calls: at least {@code warmup} seconds of warm-up, longer (up to {@code maxWarmup}) while the
     * rate still improves (a JIT compiler is still at work), then {@code seconds} measured.
     */
    public static Result single(String label, RewardFunction r, RewardParams[] states, double warmup,
                                double maxWarmup, double seconds) {
        return single(label, r, states, warmup, maxWarmup, seconds, null);
    }

    /** As above; {@code progress} (if not null) gets (seconds since start, µs per call) of each warm-up second. */
    public static Result single(String label, RewardFunction r, RewardParams[] states, double warmup,
                                double maxWarmup, double seconds, java.util.function.BiConsumer<Double, Double> progress) {
        long w0 = System.nanoTime();
        while ((System.nanoTime() - w0) / 1e9 < warmup) {
            long t = System.nanoTime();
            long c = run(r, states, Math.min(1.0, warmup));
            if (progress != null) {
                progress.accept((System.nanoTime() - w0) / 1e9, (System.nanoTime() - t) / 1e3 / c);
            }
        }
        double best = 0;
        int stale = 0;
        while ((System.nanoTime() - w0) / 1e9 < maxWarmup && stale < 10) {
            long t = System.nanoTime();
            long c = run(r, states, 1.0);
            double rate = c / ((System.nanoTime() - t) / 1e9);
            if (progress != null) {
                progress.accept((System.nanoTime() - w0) / 1e9, 1e6 / rate);
            }
            if (rate > best * 1.03) {
                best = rate;
                stale = 0;
            } else {
                stale++;
            }
        }
        double warmed = (System.nanoTime() - w0) / 1e9;
        long t0 = System.nanoTime();
        long calls = run(r, states, seconds);
        return new Result(label, calls, (System.nanoTime() - t0) / 1e9, warmed);
    }

    /** Batches of {@code batchSize} through {@link ScriptReward#rewards}. */
    public static Result batched(String label, ScriptReward r, RewardParams[] states, int batchSize, double warmup,
                                 double seconds) {
        RewardParams[] batch = new RewardParams[batchSize];
        System.arraycopy(states, 0, batch, 0, Math.min(batchSize, states.length));
        for (int i = states.length; i < batchSize; i++) {
            batch[i] = states[i % states.length];
        }
        runBatches(r, batch, warmup);
        long t0 = System.nanoTime();
        long calls = runBatches(r, batch, seconds);
        return new Result(label, calls, (System.nanoTime() - t0) / 1e9, warmup);
    }

    static double sink;

    private static long run(RewardFunction r, RewardParams[] states, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long calls = 0;
        double sum = 0;
        int n = states.length;
        do {
            for (int i = 0; i < 256; i++) {
                sum += r.reward(states[(int) (calls++ % n)]);
            }
        } while (System.nanoTime() < end);
        sink = sum;
        return calls;
    }

    private static long runBatches(ScriptReward r, RewardParams[] batch, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long calls = 0;
        double sum = 0;
        do {
            sum += r.rewards(batch)[0];
            calls += batch.length;
        } while (System.nanoTime() < end);
        sink = sum;
        return calls;
    }
}
