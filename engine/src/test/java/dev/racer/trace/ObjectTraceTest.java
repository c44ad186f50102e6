package dev.racer.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.evaluate.Evaluation;
import dev.racer.race.EnvConfig;
import dev.racer.race.PurePursuitDriver;
import dev.racer.race.RaceType;
import dev.racer.race.RacingEnv;
import dev.racer.race.TimeTrialConfig;
import dev.racer.reward.CenterLineReward;
import dev.racer.sensor.Sensor;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import dev.racer.world.ObjectConfig;
import dev.racer.world.WorldObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code NAME.objects.json} beside an evaluation's sim-trace: what it records, and reading it back. */
class ObjectTraceTest {
    @TempDir
    Path tmp;

    static final Track TRACK = TrackLibrary.standard().get("reinvent_base");

    Evaluation.Outcome evaluate(EnvConfig env, Path trace) {
        return Evaluation.run(new Evaluation.Request(TRACK, false, TimeTrialConfig.DEFAULT.withLaps(1), 1, null,
                null, trace, null, null, env, null), new PurePursuitDriver());
    }

    @Test
    void anObjectAvoidanceEvaluationRecordsItsBoxesBesideTheTrace() {
        EnvConfig env = EnvConfig.DEFAULT.withRaceType(RaceType.OBJECT_AVOIDANCE).withObjects(ObjectConfig.TRAINING_DEFAULT);
        Path trace = tmp.resolve("oa.csv");
        evaluate(env, trace);
        Path side = tmp.resolve("oa.objects.json");
        assertTrue(Files.isRegularFile(side), "written beside the trace");
        List<ObjectTrace.Placement> ps = ObjectTrace.read(side);
        assertEquals(1, ps.size(), "fixed boxes: one placement");
        assertEquals(0, ps.get(0).episode());
        // the boxes the environment places for the same config
        RacingEnv e = new RacingEnv(TRACK, env, new CenterLineReward(), Sensor.none());
        e.reset(1);
        WorldObjects o = e.objects();
        assertEquals(3, ps.get(0).boxes().length);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new double[] {o.x(i), o.y(i), o.heading(i)}, ps.get(0).boxes()[i], 1e-6);
        }
        assertEquals(ps.get(0), ObjectTrace.at(ps, 0, 40));
    }

    @Test
    void aTimeTrialWritesNone() {
        evaluate(EnvConfig.DEFAULT, tmp.resolve("tt.csv"));
        assertTrue(Files.isRegularFile(tmp.resolve("tt.csv")));
        assertFalse(Files.exists(tmp.resolve("tt.objects.json")));
        assertTrue(ObjectTrace.readBeside(tmp.resolve("tt.csv")).isEmpty());
    }

    @Test
    void placementsRoundTripAndBadFilesNameThemselves() throws Exception {
        Path f = tmp.resolve("x.objects.json");
        ObjectTrace.write(f, List.of(new ObjectTrace.Placement(0, 0, new double[][] {{1.5, -2, 0.25}}),
                new ObjectTrace.Placement(2, 7, new double[][] {})));
        List<ObjectTrace.Placement> back = ObjectTrace.read(f);
        assertEquals(2, back.size());
        assertArrayEquals(new double[] {1.5, -2, 0.25}, back.get(0).boxes()[0]);
        assertEquals(back.get(0), ObjectTrace.at(back, 2, 6));
        assertEquals(back.get(1), ObjectTrace.at(back, 2, 7));
        Files.writeString(f, "{\"kind\": \"racer-objects/1\", \"placements\": [{\"episode\": 0, \"steps\": 0,"
                + " \"boxes\": [[1, 2]]}]}");
        String m = assertThrows(IllegalArgumentException.class, () -> ObjectTrace.read(f)).getMessage();
        assertTrue(m.contains(f.toString()) && m.contains("placements[0]") && m.contains("[x, y, heading]"), m);
        Files.writeString(f, "{\"kind\": \"other\"}");
        m = assertThrows(IllegalArgumentException.class, () -> ObjectTrace.read(f)).getMessage();
        assertTrue(m.contains("racer-objects/1"), m);
    }
}
