package dev.racer.league;

import dev.racer.league.api.LeagueApi;
import dev.racer.trace.SimTraceReader;
import dev.racer.trace.SimTraceRow;
import dev.racer.world.WorldObjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored sim-trace as the web page draws it: per lap, points {@code [x, y, speed, t]}; and the objects the race
 * had on the track.
 */
final class Replay {
    private Replay() {
    }

    /**
     * Every lap's driving rows (penalty pauses left out), thinned to at most about {@code maxPoints} in all, and
     * {@code objects}.
     */
    static LeagueApi.Replay of(Path trace, int maxPoints, WorldObjects objects) {
        List<SimTraceRow> rows = SimTraceReader.read(trace).rows();
        int stride = Math.max(1, (rows.size() + maxPoints - 1) / Math.max(1, maxPoints));
        Map<Integer, List<double[]>> laps = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            SimTraceRow r = rows.get(i);
            boolean last = i == rows.size() - 1 || rows.get(i + 1).lap() != r.lap();
            if ("pause".equals(r.episodeStatus()) || (i % stride != 0 && !last)) {
                continue;
            }
            int lap = r.lap() > 0 ? r.lap() : r.episode() + 1;
            double speed = Double.isNaN(r.speed()) ? r.throttle() : r.speed();
            laps.computeIfAbsent(lap, k -> new ArrayList<>()).add(new double[] {r.x(), r.y(), speed, r.tstamp()});
        }
        List<LeagueApi.ReplayLap> out = new ArrayList<>();
        laps.forEach((k, v) -> out.add(new LeagueApi.ReplayLap(k, v)));
        List<LeagueApi.ReplayObject> boxes = new ArrayList<>();
        for (int i = 0; i < objects.count(); i++) {
            boxes.add(new LeagueApi.ReplayObject(objects.x(i), objects.y(i), objects.heading(i),
                    2 * objects.halfLength(i), 2 * objects.halfWidth(i)));
        }
        return new LeagueApi.Replay(out, boxes);
    }
}
