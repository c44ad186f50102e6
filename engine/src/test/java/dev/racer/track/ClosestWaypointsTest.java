package dev.racer.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racer.car.CarState;
import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.Sensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code closest_waypoints} as DeepRacer's simulator gives them, from 6.0.2 on (duplicates dropped) and before
 * (legacy numbering), on every built-in track. The expected values come from the simulator's own computation
 * (Shapely's LinearRing.project and bisect_right, tracks/scripts/simapp_closest_waypoints.py), not from Racer.
 */
class ClosestWaypointsTest {
    private static final TrackLibrary LIB = TrackLibrary.builtIn();

    /**
     * Worked by hand: reInvent2019_track's file has 155 rows and row 39 repeats row 38 (the same centre point), so
     * the simulator from 6.0.2 on keeps 154; file rows 100 and 101 are its waypoints 99 and 100. A car between
     * them reads [99, 100] of 154 waypoints; the legacy numbering gives [100, 101] of 155.
     */
    @Test
    void reInvent2019TrackByHand() {
        Track legacy = LIB.get("reInvent2019_track", WaypointNumbering.LEGACY);
        Track current = LIB.get("reInvent2019_track");
        assertEquals(155, legacy.size());
        assertEquals(154, current.size());
        assertEquals(legacy.centerX(38), legacy.centerX(39));
        assertEquals(legacy.centerY(38), legacy.centerY(39));
        assertEquals(List.of(39), LIB.load("reInvent2019_track").droppedRows());
        assertEquals(legacy.centerX(100), current.centerX(99));
        assertEquals(legacy.centerX(101), current.centerX(100));
        double x = (legacy.centerX(100) + legacy.centerX(101)) / 2;
        double y = (legacy.centerY(100) + legacy.centerY(101)) / 2;
        double heading = Math.toDegrees(Math.atan2(legacy.centerY(101) - legacy.centerY(100),
                legacy.centerX(101) - legacy.centerX(100)));

        RewardParams p = probe(current, x, y, heading);
        assertEquals(List.of(99, 100), p.toMap().get("closest_waypoints"));
        assertEquals(154, p.waypoints().length);
        RewardParams l = probe(legacy, x, y, heading);
        assertEquals(List.of(100, 101), l.toMap().get("closest_waypoints"));
        assertEquals(155, l.waypoints().length);
    }

    @Test
    void everyBuiltInTrackMatchesTheSimulator() throws IOException {
        List<String> wrong = new ArrayList<>();
        int probes = 0;
        java.util.Set<String> tracks = new java.util.TreeSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ClosestWaypointsTest.class.getResourceAsStream("/track/simapp-closest-waypoints.csv"),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split(",");
                String id = f[0];
                double x = Double.parseDouble(f[1]), y = Double.parseDouble(f[2]);
                check(wrong, id, WaypointNumbering.SIMAPP, x, y, Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                        Integer.parseInt(f[5]));
                check(wrong, id, WaypointNumbering.LEGACY, x, y, Integer.parseInt(f[6]), Integer.parseInt(f[7]),
                        Integer.parseInt(f[8]));
                probes++;
                tracks.add(id);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(new java.util.TreeSet<>(LIB.builtInIds()), tracks, "every built-in track is probed");
        assertEquals(494, probes);
    }

    private static void check(List<String> wrong, String id, WaypointNumbering numbering, double x, double y,
                              int prev, int next, int waypoints) {
        TrackGeometry geo = TrackGeometry.of(LIB.get(id, numbering), false);
        Projection p = new Projection();
        geo.center().nearest(x, y, p);
        long pn = geo.prevNext(p.along / geo.length());
        String got = "[" + TrackGeometry.prevOf(pn) + ", " + TrackGeometry.nextOf(pn) + "] of " + geo.size();
        String want = "[" + prev + ", " + next + "] of " + waypoints;
        if (!got.equals(want)) {
            wrong.add(id + " " + numbering + " at (" + x + ", " + y + "): " + got + ", simulator " + want);
        }
    }

    private static RewardParams probe(Track t, double x, double y, double headingDeg) {
        double yaw = Math.toRadians(headingDeg);
        double off = EnvConfig.DEFAULT.car().frontPointOffset();
        CarState s = CarState.atRest(x - off * Math.cos(yaw), y - off * Math.sin(yaw), yaw);
        return new RacingEnv(t, EnvConfig.DEFAULT, q -> 0, Sensor.none()).probe(s, 0, 1).copy();
    }
}
