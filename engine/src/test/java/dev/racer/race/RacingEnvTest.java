package dev.racer.race;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.racer.car.CarState;
import dev.racer.reward.CenterLineReward;
import dev.racer.reward.RewardException;
import dev.racer.sensor.Sensor;
import dev.racer.track.Projection;
import dev.racer.track.TestTracks;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RacingEnvTest {

    /** Steers at a point 0.5 m ahead on the centre line. */
    static double follow(RacingEnv env, Projection scratch) {
        double along = env.params().projectionDistance() + 0.5;
        if (along > env.geometry().length()) {
            along -= env.geometry().length();
        }
        env.geometry().center().interpolate(along, scratch);
        double err = Math.atan2(scratch.y - env.carY(), scratch.x - env.carX()) - env.carYaw();
        return Math.toDegrees(2 * Math.atan2(Math.sin(err), Math.cos(err)));
    }

    static List<String> trackIds() {
        return TrackLibrary.standard().builtInIds();
    }

    @ParameterizedTest
    @MethodSource("trackIds")
    void sameSeedSameEpisodeOnEveryTrack(String id) {
        Track t = TrackLibrary.standard().get(id);
        EnvConfig cfg = EnvConfig.DEFAULT.withStartMode(StartMode.RANDOM);
        assertArrayEquals(trajectory(t, cfg, 7), trajectory(t, cfg, 7));
        assertFalse(java.util.Arrays.equals(trajectory(t, cfg, 7), trajectory(t, cfg, 8)), "another seed, another start");
    }

    private static double[] trajectory(Track t, EnvConfig cfg, long seed) {
        RacingEnv env = new RacingEnv(t, cfg, new CenterLineReward(), Sensor.none());
        Projection scratch = new Projection();
        env.reset(seed);
        double[] out = new double[4 * 300];
        for (int i = 0; i < 300 && !env.isDone(); i++) {
            StepResult s = env.step(follow(env, scratch) + 3 * Math.sin(i * 0.1), 1.5 + Math.cos(i * 0.05));
            out[4 * i] = env.carX();
            out[4 * i + 1] = env.carY();
            out[4 * i + 2] = s.reward();
            out[4 * i + 3] = s.params().progress();
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("trackIds")
    void aCentreLineFollowerCompletesALapOnEveryTrack(String id) {
        RacingEnv env = new RacingEnv(TrackLibrary.standard().get(id), EnvConfig.DEFAULT, new CenterLineReward(), Sensor.none());
        Projection scratch = new Projection();
        env.reset(1);
        StepResult s;
        double lastProgress = 0;
        do {
            s = env.step(follow(env, scratch), 1.0);
            assertTrue(s.params().progress() >= lastProgress - 1e-9 || s.status() == EpisodeStatus.LAP_COMPLETE,
                    "progress never falls while following the line");
            lastProgress = s.params().progress();
        } while (!s.done());
        assertEquals(EpisodeStatus.LAP_COMPLETE, s.status(), "ended " + s.status() + " at " + s.params().progress());
        assertTrue(s.terminated());
        assertFalse(s.truncated());
        assertEquals(100.0, s.params().progress(), 0);
    }

    @Test
    void offTrackEndsTheEpisode() {
        RacingEnv env = new RacingEnv(TestTracks.circle(3, 0.8, 120), EnvConfig.DEFAULT, new CenterLineReward(), Sensor.none());
        env.reset(0);
        StepResult s;
        do {
            s = env.step(-30, 2.0); // hard right: out of the circle
        } while (!s.done());
        assertEquals(EpisodeStatus.OFF_TRACK, s.status());
        assertTrue(s.params().isOfftrack());
        assertEquals(0, s.params().wheelsOnTrack());
        assertThrows(IllegalStateException.class, () -> env.step(0, 1));
    }

    @Test
    void standingStillIsImmobilisedAfterFifteenSteps() {
        RacingEnv env = new RacingEnv(TestTracks.circle(3, 0.8, 120), EnvConfig.DEFAULT, p -> 1, Sensor.none());
        env.reset(0);
        for (int i = 1; i < 15; i++) {
            assertEquals(EpisodeStatus.IN_PROGRESS, env.step(0, 0).status(), "step " + i);
        }
        assertEquals(EpisodeStatus.IMMOBILIZED, env.step(0, 0).status());
    }

    @Test
    void drivingBackwardsIsReversedAfterFifteenSteps() {
        Track t = TestTracks.circle(3, 0.8, 120);
        RacingEnv env = new RacingEnv(t, EnvConfig.DEFAULT, p -> 1, Sensor.none());
        env.reset(0);
        // turn the car around at 10% of the lap, then drive the wrong way along the circle
        double a = 2 * Math.PI * 0.10;
        env.placeCar(new CarState(3 * Math.cos(a), 3 * Math.sin(a), a - Math.PI / 2, 0, 0), 10.0);
        double steer = -Math.toDegrees(Math.atan(0.164 / 3.0));
        int falling = 0;
        StepResult s;
        do {
            s = env.step(steer, 1.0);
            falling++;
        } while (!s.done());
        assertEquals(EpisodeStatus.REVERSED, s.status());
        assertEquals(15, falling);
    }

    @Test
    void theStepCapTruncates() {
        RacingEnv env = new RacingEnv(TestTracks.circle(3, 0.8, 120), EnvConfig.DEFAULT.withMaxSteps(20),
                new CenterLineReward(), Sensor.none());
        Projection scratch = new Projection();
        env.reset(0);
        StepResult s = null;
        for (int i = 0; i < 20; i++) {
            s = env.step(follow(env, scratch), 1.0);
        }
        assertEquals(EpisodeStatus.TIME_UP, s.status());
        assertTrue(s.truncated());
        assertFalse(s.terminated());
    }

    @Test
    void roundRobinAdvancesTheStartFivePercentEachReset() {
        Track t = TestTracks.circle(3, 0.8, 120);
        RacingEnv env = new RacingEnv(t, EnvConfig.DEFAULT.withStartMode(StartMode.ROUND_ROBIN), p -> 1, Sensor.none());
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            env.reset(i);
            starts.add(env.startNdist());
        }
        assertEquals(0.0, starts.get(0), 1e-12);
        assertEquals(0.05, starts.get(1), 1e-12);
        assertEquals(0.10, starts.get(2), 1e-12);
    }

    @Test
    void badRewardsAreRejectedAsDeepRacerDoes() {
        Track t = TestTracks.circle(3, 0.8, 120);
        RacingEnv nan = new RacingEnv(t, EnvConfig.DEFAULT, p -> Double.NaN, Sensor.none());
        nan.reset(0);
        RewardException e = assertThrows(RewardException.class, () -> nan.step(0, 1));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        RacingEnv big = new RacingEnv(t, EnvConfig.DEFAULT, p -> 2e5, Sensor.none());
        big.reset(0);
        e = assertThrows(RewardException.class, () -> big.step(0, 1));
        assertTrue(e.getMessage().contains("[-1e5, 1e5]"), e.getMessage());
    }

    @Test
    void steppingAllocatesNothing() {
        RacingEnv env = new RacingEnv(TrackLibrary.standard().get("reinvent_base"), EnvConfig.DEFAULT,
                new CenterLineReward(), Sensor.none());
        Projection scratch = new Projection();
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long steps = 0;
        long before = 0;
        for (int round = 0; round < 2; round++) { // round 0 warms up; round 1 is measured
            if (round == 1) {
                before = mx.getThreadAllocatedBytes(tid);
            }
            env.reset(round);
            for (int i = 0; i < 200_000; i++) {
                if (env.step(follow(env, scratch), 1.5).done()) {
                    env.reset(i);
                }
                steps++;
            }
        }
        long bytes = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(bytes < 4096, bytes + " bytes allocated in 200,000 steps");
    }
}
