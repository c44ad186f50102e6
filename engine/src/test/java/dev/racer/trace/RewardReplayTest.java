package dev.racer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.race.EnvConfig;
import dev.racer.race.PurePursuitDriver;
import dev.racer.race.RacingEnv;
import dev.racer.race.StepResult;
import dev.racer.reward.CenterLineReward;
import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.Sensor;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardReplayTest {
    private static final Track BASE = new TrackLibrary(Path.of("target/no-user-tracks")).get("reinvent_base");
    private static final String HEADER = String.join(",", SimTraceWriter.COLUMNS);

    /**
     * A row of a hand-made trace: the front point {@code off} metres left of the point 30 % of the way from
     * waypoint {@code w} to the next, facing along that segment.
     */
    private static String row(int episode, int steps, int w, double off, double reward, String status) {
        double[][] c = BASE.rows();
        double dx = c[w + 1][0] - c[w][0], dy = c[w + 1][1] - c[w][1], n = Math.hypot(dx, dy);
        double x = c[w][0] + 0.3 * dx - off * dy / n, y = c[w][1] + 0.3 * dy + off * dx / n;
        double yaw = Math.toDegrees(Math.atan2(dy, dx));
        return String.format(Locale.ROOT, "%d,%d,%s,%s,%s,5.0,1.5,3,%s,False,True,%d.5,%d,17.709159380834848,%s,%s,0.0,1.4,1,4",
                episode, steps, x, y, yaw, reward, w, w, steps / 15.0, status);
    }

    @Test
    void handMadeTraceIsRescoredFromThePoseAndTheTrack() throws Exception {
        String csv = HEADER + "\n"
                + row(0, 0, 10, 0.0, 0, "prepare") + "\n"
                + row(0, 1, 10, 0.0, 1.0, "in_progress") + "\n"
                + row(0, 2, 20, 0.2, 0.5, "in_progress") + "\n"
                + row(0, 3, 30, -0.1, 0.25, "off_track") + "\n"
                + row(0, 4, 30, -0.1, 0.0, "pause") + "\n"
                + row(1, 1, 40, 0.15, 2.0, "in_progress") + "\n";
        SimTraceReader.SimTrace trace = SimTraceReader.read(new StringReader(csv), "hand.csv");
        List<RewardParams> seen = new ArrayList<>();
        RewardFunction rf = p -> {
            seen.add(p.copy());
            return 10 * p.distanceFromCenter();
        };
        RewardReplay replay = new RewardReplay(BASE, false);
        replay.checkTrack(trace, "hand.csv");
        RewardReplay.Result r = replay.replay(trace, rf);
        assertEquals(4, r.scoredRows(), "prepare and pause rows are not scored");
        assertEquals(4, seen.size());
        // distance from the centre line: the hand-made offsets
        assertEquals(0.0, seen.get(0).distanceFromCenter(), 1e-9);
        assertEquals(0.2, seen.get(1).distanceFromCenter(), 1e-9);
        assertTrue(seen.get(1).isLeftOfCenter());
        assertEquals(0.1, seen.get(2).distanceFromCenter(), 1e-9);
        assertTrue(!seen.get(2).isLeftOfCenter());
        // taken as logged: progress, steps, commanded speed and steering
        assertEquals(20.5, seen.get(1).progress());
        assertEquals(2, seen.get(1).steps());
        assertEquals(1.5, seen.get(1).speed());
        assertEquals(5.0, seen.get(1).steeringAngle());
        assertEquals(List.of(20, 21), List.of(seen.get(1).closestWaypointPrev(), seen.get(1).closestWaypointNext()));
        assertEquals(BASE.rows().length, seen.get(0).waypoints().length);

        assertEquals(2, r.episodes().size());
        RewardReplay.EpisodeTotals e0 = r.episodes().get(0), e1 = r.episodes().get(1);
        assertEquals(0, e0.episode());
        assertEquals(3, e0.steps());
        assertEquals(1.75, e0.oldReward(), 1e-12);
        assertEquals(10 * (0.0 + 0.2 + 0.1), e0.newReward(), 1e-9);
        assertEquals(10 * (seen.get(0).distanceFromCenter() + seen.get(1).distanceFromCenter()
                + seen.get(2).distanceFromCenter()), e0.newReward(), 1e-12);
        assertEquals("pause", e0.status());
        assertEquals(30.5, e0.progress());
        assertEquals(2.0, e1.oldReward());
        assertEquals(1.5, e1.newReward(), 1e-9);
        assertEquals(0, r.newRewards()[0]);
        assertEquals(0, r.newRewards()[4]);
    }

    @Test
    void theSameRewardGivesBackTheLoggedRewardStepByStep(@TempDir Path dir) {
        Path file = dir.resolve("t.csv");
        RacingEnv env = new RacingEnv(BASE, EnvConfig.DEFAULT, new CenterLineReward(), Sensor.none());
        PurePursuitDriver d = new PurePursuitDriver();
        List<Double> logged = new ArrayList<>();
        try (SimTraceWriter w = SimTraceWriter.open(file)) {
            for (int episode = 0; episode < 2; episode++) {
                StepResult r = env.reset(episode);
                d.reset(env);
                w.prepare(episode, r.params(), 0);
                logged.add(0.0);
                while (!r.done()) {
                    r = env.step(d.act(env, null));
                    w.row(episode, r.params().steps(), r.params(), r.params().steeringAngle(), r.params().speed(), -1,
                            r.reward(), r.done(), r.status(), env.time(), 0, env.carSpeed(), 1);
                    logged.add(r.reward());
                }
            }
        }
        SimTraceReader.SimTrace trace = SimTraceReader.read(file);
        RewardReplay.Result r = new RewardReplay(BASE, false).replay(trace, new CenterLineReward());
        assertEquals(0, r.wheelMismatches());
        assertEquals(0, r.waypointMismatches());
        for (int i = 0; i < logged.size(); i++) {
            assertEquals(logged.get(i), r.newRewards()[i], 1e-9, "row " + i);
        }
        for (RewardReplay.EpisodeTotals e : r.episodes()) {
            assertEquals(e.oldReward(), e.newReward(), 1e-6);
        }
    }

    @Test
    void aTraceFromAnotherTrackIsRefused() throws Exception {
        String csv = HEADER + "\n" + row(0, 1, 10, 0.0, 1.0, "in_progress") + "\n";
        SimTraceReader.SimTrace trace = SimTraceReader.read(new StringReader(csv), "hand.csv");
        Track spain = new TrackLibrary(Path.of("target/no-user-tracks")).get("Spain_track");
        var e = assertThrows(IllegalArgumentException.class, () -> new RewardReplay(spain, false).checkTrack(trace, "hand.csv"));
        assertTrue(e.getMessage().startsWith("hand.csv: the trace was driven on a track 17.709 m long, but Spain_track is"),
                e.getMessage());
    }
}
