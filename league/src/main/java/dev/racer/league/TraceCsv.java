package dev.racer.league;

import dev.racer.car.Control;
import dev.racer.race.EpisodeStatus;
import dev.racer.reward.RewardParams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The league's sim-trace: DeepRacer's columns (episode is the lap here), one row per step, and the replay the web
 * page draws, read back from it.
 */
public final class TraceCsv {
    public static final String HEADER = "episode,steps,X,Y,yaw,steer,throttle,action,reward,done,"
            + "all_wheels_on_track,progress,closest_waypoint,track_len,tstamp,episode_status,pause_duration";

    private TraceCsv() {
    }

    static void writeHeader(Writer w) throws IOException {
        w.write(HEADER);
        w.write('\n');
    }

    static void writeRow(Writer w, int lap, int steps, RewardParams p, double yawRad, Control c, double reward,
                         boolean done, long tMs, EpisodeStatus status, double pause) throws IOException {
        w.write(String.format(Locale.ROOT, "%d,%d,%.4f,%.4f,%.4f,%.2f,%.2f,-1,%.4f,%s,%s,%.4f,%d,%.4f,%.3f,%s,%.1f%n",
                lap, steps, p.x(), p.y(), Math.toDegrees(yawRad), c.steeringAngle(), c.speed(), reward,
                done ? "True" : "False", p.allWheelsOnTrack() ? "True" : "False", p.progress(),
                p.closestWaypointNext(), p.trackLength(), tMs / 1000.0, status.traceName(), pause));
    }

    /**
     * A replay of a trace for drawing: per lap ({@code episode}), the points {@code [x, y, throttle, t]}, every
     * {@code stride}-th row; pause rows are left out.
     */
    public static Map<String, Object> replay(Path csv, int maxPoints) throws IOException {
        List<String[]> rows = new ArrayList<>();
        Map<String, Integer> col = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                return Map.of("laps", List.of());
            }
            String[] h = header.split(",");
            for (int i = 0; i < h.length; i++) {
                col.put(h[i].trim(), i);
            }
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        }
        int ep = col.getOrDefault("episode", 0), x = col.get("X"), y = col.get("Y"),
                th = col.getOrDefault("throttle", -1), ts = col.getOrDefault("tstamp", -1),
                st = col.getOrDefault("episode_status", -1);
        int stride = Math.max(1, (rows.size() + maxPoints - 1) / Math.max(1, maxPoints));
        Map<Integer, List<double[]>> laps = new java.util.TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            boolean pause = st >= 0 && st < row.length && row[st].equals("pause");
            if (pause || (i % stride != 0 && i != rows.size() - 1)) {
                continue;
            }
            laps.computeIfAbsent((int) Double.parseDouble(row[ep]), k -> new ArrayList<>()).add(new double[] {
                Double.parseDouble(row[x]), Double.parseDouble(row[y]),
                th >= 0 ? Double.parseDouble(row[th]) : 0, ts >= 0 ? Double.parseDouble(row[ts]) : i});
        }
        List<Map<String, Object>> out = new ArrayList<>();
        laps.forEach((k, v) -> out.add(Map.of("lap", k, "points", v)));
        return Map.of("laps", out);
    }
}
