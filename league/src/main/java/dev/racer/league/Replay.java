package dev.racer.league;

import dev.racer.league.api.LeagueApi;
import dev.racer.trace.SimTraceReader;
import dev.racer.trace.SimTraceRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A stored sim-trace as the web page draws it: per lap, points {@code [x, y, speed, t]}. */
final class Replay {
    private Replay() {
    }

    /** Every lap's driving rows (penalty pauses left out), thinned to at most about {@code maxPoints} in all. */
    static LeagueApi.Replay of(Path trace, int maxPoints) {
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
        return new LeagueApi.Replay(out);
    }
}
