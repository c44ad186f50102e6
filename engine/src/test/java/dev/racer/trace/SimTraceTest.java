package dev.racer.trace;

import dev.racer.sensor.CarView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.EnvConfig;
import dev.racer.race.EpisodeStatus;
import dev.racer.race.PurePursuitDriver;
import dev.racer.race.RacingEnv;
import dev.racer.race.StepResult;
import dev.racer.race.TimeTrial;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialResult;
import dev.racer.race.TrialRow;
import dev.racer.race.TrialStatus;
import dev.racer.reward.CenterLineReward;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.Sensor;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimTraceTest {
    private static final Track BASE = new TrackLibrary(Path.of("target/no-user-tracks")).get("reinvent_base");

    /** DeepRacer's sim-trace columns, in DeepRacer's order (issue 5). */
    private static final List<String> DEEPRACER = List.of("episode", "steps", "X", "Y", "yaw", "steer", "throttle",
            "action", "reward", "done", "all_wheels_on_track", "progress", "closest_waypoint", "track_len",
            "tstamp", "episode_status", "pause_duration");

    /** What the run said, row by row, kept to check the file against. */
    record Expected(int episode, int steps, double x, double y, double yaw, double steer, double throttle,
                    int action, double reward, boolean done, boolean allWheels, double progress, int prev, int next,
                    double trackLen, double tstamp, String status, double pause, double speed, int lap, int wheels) {
        static Expected of(TrialRow r) {
            RewardParams p = r.params();
            return new Expected(r.lap() - 1, r.lapRow(), p.x(), p.y(), p.heading(), r.steering(), r.throttle(),
                    r.action(), r.reward(), r.done(), p.allWheelsOnTrack(), p.progress(), p.closestWaypointPrev(),
                    p.closestWaypointNext(), p.trackLength(), r.time(), r.status().traceName(), r.pauseDuration(),
                    r.speed(), r.lap(), p.wheelsOnTrack());
        }
    }

    /** Pure pursuit that goes straight off the track once, at its 60th action, and says its action index. */
    static final class OffOnce implements Driver {
        final PurePursuitDriver pp = new PurePursuitDriver();
        int acts;
        boolean putBack;

        @Override public String name() { return "off-once"; }
        @Override public Sensor newSensor() { return Sensor.none(); }
        @Override public void reset(CarView env) { pp.reset(env); }
        @Override public int lastAction() { return acts % 7; }

        @Override
        public Control act(CarView env, float[] observation) {
            acts++;
            putBack |= acts > 60 && env.carSpeed() == 0;
            return acts >= 60 && !putBack ? new Control(-30, 3) : pp.act(env, observation);
        }
    }

    @Test
    void traceReadsBackColumnByColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/trace.csv");
        List<Expected> expected = new ArrayList<>();
        TimeTrial trial = new TimeTrial(BASE, EnvConfig.DEFAULT, TimeTrialConfig.DEFAULT, new CenterLineReward());
        TrialResult result;
        try (SimTraceWriter w = SimTraceWriter.open(file)) {
            result = trial.run(new OffOnce(), 0, row -> {
                expected.add(Expected.of(row));
                w.row(row);
            });
            assertFalse(Files.exists(file), "the file appears only when complete");
        }
        assertEquals(TrialStatus.FINISHED, result.status());
        assertEquals(1, result.offTracks());
        try (var s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList(), "no temporary file left");
        }

        SimTraceReader.SimTrace trace = SimTraceReader.read(file);
        assertEquals(DEEPRACER, trace.header().subList(0, DEEPRACER.size()));
        assertEquals(SimTraceWriter.COLUMNS, trace.header());
        assertEquals(expected.size(), trace.rows().size());
        double[][] wps = BASE.rows();
        int pauses = 0;
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            SimTraceRow r = trace.rows().get(i);
            String at = "row " + (i + 1);
            assertEquals(e.episode(), r.episode(), at);
            assertEquals(e.steps(), r.steps(), at);
            assertEquals(e.x(), r.x(), at);
            assertEquals(e.y(), r.y(), at);
            assertEquals(e.yaw(), r.yaw(), at);
            assertEquals(e.steer(), r.steer(), at);
            assertEquals(e.throttle(), r.throttle(), at);
            assertEquals(e.action(), r.action(), at);
            assertEquals(e.reward(), r.reward(), at);
            assertEquals(e.done(), r.done(), at);
            assertEquals(e.allWheels(), r.allWheelsOnTrack(), at);
            assertEquals(e.progress(), r.progress(), at);
            // the nearer of prev and next to the front point
            double dp = Math.hypot(wps[e.prev()][0] - e.x(), wps[e.prev()][1] - e.y());
            double dn = Math.hypot(wps[e.next()][0] - e.x(), wps[e.next()][1] - e.y());
            assertEquals(dn < dp ? e.next() : e.prev(), r.closestWaypoint(), at);
            assertEquals(e.trackLen(), r.trackLength(), at);
            assertEquals(e.tstamp(), r.tstamp(), at);
            assertEquals(e.status(), r.episodeStatus(), at);
            assertEquals(e.pause(), r.pauseDuration(), at);
            assertEquals(e.speed(), r.speed(), at);
            assertEquals(e.lap(), r.lap(), at);
            assertEquals(e.wheels(), r.wheelsOnTrack(), at);
            if (r.episodeStatus().equals("pause")) {
                pauses++;
                assertEquals(-1, r.action());
            }
        }
        assertEquals(30, pauses);
        // one episode per lap, each ending with done = True on its lap_complete row
        List<SimTraceRow> ends = trace.rows().stream().filter(SimTraceRow::done).toList();
        assertEquals(3, ends.size());
        for (int lap = 0; lap < 3; lap++) {
            assertEquals(lap, ends.get(lap).episode());
            assertEquals("lap_complete", ends.get(lap).episodeStatus());
            assertEquals(100.0, ends.get(lap).progress());
        }
        // the written text: Python's booleans, DeepRacer's status words
        String text = read(file);
        String[] lines = text.split("\n");
        assertEquals(String.join(",", SimTraceWriter.COLUMNS), lines[0]);
        assertTrue(lines[1].startsWith("0,1,"), lines[1]);
        assertTrue(text.contains(",False,True,"), "done / all_wheels_on_track as Python writes them");
        assertTrue(text.contains(",off_track,2.0,"), "the off-track row carries the penalty about to start");
    }

    @Test
    void trainingRowsComeFromTheEnvironment(@TempDir Path dir) {
        Path file = dir.resolve("train.csv");
        RacingEnv env = new RacingEnv(BASE, EnvConfig.DEFAULT, new CenterLineReward(), Sensor.none());
        PurePursuitDriver d = new PurePursuitDriver();
        List<double[]> seen = new ArrayList<>();
        try (SimTraceWriter w = SimTraceWriter.open(file)) {
            for (int episode = 0; episode < 2; episode++) {
                env.reset(episode);
                d.reset(env);
                for (int k = 0; k < 20; k++) {
                    StepResult r = env.step(d.act(env, null));
                    w.row(episode, env, r, 3, env.time());
                    seen.add(new double[] {r.params().x(), r.reward(), r.params().steps(), env.carSpeed()});
                }
            }
            assertEquals(40, w.rows());
        }
        var rows = SimTraceReader.read(file).rows();
        assertEquals(40, rows.size());
        for (int i = 0; i < 40; i++) {
            SimTraceRow r = rows.get(i);
            assertEquals(i / 20, r.episode());
            assertEquals(i % 20 + 1, r.steps());
            assertEquals(seen.get(i)[0], r.x());
            assertEquals(seen.get(i)[1], r.reward());
            assertEquals(seen.get(i)[3], r.speed());
            assertEquals(3, r.action());
            assertEquals(EpisodeStatus.IN_PROGRESS.traceName(), r.episodeStatus());
            assertEquals((i % 20 + 1) / 15.0, r.tstamp(), 1e-12);
        }
    }

    @Test
    void abortLeavesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "old");
        SimTraceWriter w = SimTraceWriter.open(file);
        w.abort();
        assertEquals("old", Files.readString(file));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void readsDeepRacersOwnTraces() throws Exception {
        // a DeepRacer evaluation row: continuous action, no Racer columns
        String csv = String.join(",", DEEPRACER) + "\n"
                + "0,1,3.0599,0.6828,-0.0165,-12.5,1.2,\"[-12.5, 1.2]\",0.0,False,True,0.28,1,17.67,44.537,in_progress,0.0\n"
                + "0,2,3.07,0.68,-0.02,30.0,4.0,5,1.0e-3,True,False,1.0,2,17.67,44.6,lap_complete,0\n";
        var t = SimTraceReader.read(new StringReader(csv), "deepracer.csv");
        assertEquals(2, t.rows().size());
        SimTraceRow a = t.rows().get(0);
        assertEquals(-1, a.action());
        assertEquals(3.0599, a.x());
        assertTrue(Double.isNaN(a.speed()));
        assertEquals(-1, a.lap());
        assertEquals(5, t.rows().get(1).action());
        assertTrue(t.rows().get(1).done());

        var e = assertThrows(IllegalArgumentException.class, () -> SimTraceReader.read(
                new StringReader("episode,steps\n0,1\n"), "bad.csv"));
        assertTrue(e.getMessage().startsWith("bad.csv: line 1: no \"X\" column"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> SimTraceReader.read(
                new StringReader(csv.replace("0.28,1,", "0.28,x,")), "bad.csv"));
        assertEquals("bad.csv: line 2, column closest_waypoint: \"x\" is not a number", e2.getMessage());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
