package dev.racer.view;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a DeepRacer sim-trace CSV ({@code episode,steps,X,Y,yaw,steer,throttle,action,reward,done,
 * all_wheels_on_track,progress,closest_waypoint,track_len,tstamp,episode_status,pause_duration}) into
 * {@link ReplayFrame}s. {@code X, Y} are the car's front point ({@code frontPointOffset} ahead of the rear
 * axle), {@code yaw} and {@code steer} are in degrees. Columns are found by name; only {@code X, Y, yaw} are
 * required.
 */
public final class TraceCsv {
    private TraceCsv() {
    }

    public static List<ReplayFrame> read(Path file, double frontPointOffset) {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the trace: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty trace (expected a CSV header line)");
        }
        List<String> header = split(lines.get(0));
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String need : List.of("x", "y", "yaw")) {
            if (!col.containsKey(need)) {
                throw new IllegalArgumentException(file + ": the header has no column " + need.toUpperCase(Locale.ROOT)
                        + " (expected DeepRacer's sim-trace columns episode,steps,X,Y,yaw,steer,throttle,...)");
            }
        }
        List<ReplayFrame> out = new ArrayList<>();
        int lap = 0, offTrack = 0;
        String lastEpisode = null, lastStatus = "";
        double lapStart = 0, best = Double.NaN;
        int stepInEpisode = 0;
        boolean lapDone = false;
        for (int ln = 1; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line);
            String where = file + " line " + (ln + 1);
            String episode = get(f, col, "episode", "0");
            double tstamp = num(get(f, col, "tstamp", "NaN"), where, "tstamp");
            if (!episode.equals(lastEpisode)) {
                lap++;
                lastEpisode = episode;
                lapStart = tstamp;
                stepInEpisode = 0;
                lapDone = false;
                lastStatus = "";
            }
            double yawDeg = num(get(f, col, "yaw", "0"), where, "yaw");
            double yaw = Math.toRadians(yawDeg);
            double fx = num(get(f, col, "x", "0"), where, "X"), fy = num(get(f, col, "y", "0"), where, "Y");
            double steer = Math.toRadians(num(get(f, col, "steer", "0"), where, "steer"));
            double speed = num(get(f, col, "throttle", "0"), where, "throttle");
            double progress = num(get(f, col, "progress", "0"), where, "progress");
            double reward = num(get(f, col, "reward", "0"), where, "reward");
            String status = get(f, col, "episode_status", "").strip().toLowerCase(Locale.ROOT);
            int steps = (int) num(get(f, col, "steps", String.valueOf(stepInEpisode)), where, "steps");
            double lapTime = Double.isNaN(tstamp) ? stepInEpisode * Source.STEP : tstamp - lapStart;
            if (status.equals("off_track") && !lastStatus.equals("off_track")) {
                offTrack++;
            }
            if (!lapDone && (status.equals("lap_complete") || progress >= 100)) {
                lapDone = true;
                best = Double.isNaN(best) ? lapTime : Math.min(best, lapTime);
            }
            lastStatus = status;
            out.add(new ReplayFrame(parseInt(episode), steps, fx - frontPointOffset * Math.cos(yaw),
                    fy - frontPointOffset * Math.sin(yaw), yaw, steer, speed, progress, reward, lap, lapTime, best,
                    offTrack, status));
            stepInEpisode++;
        }
        return out;
    }

    private static int parseInt(String s) {
        try {
            return (int) Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return s.hashCode();
        }
    }

    private static String get(List<String> f, Map<String, Integer> col, String name, String dflt) {
        Integer i = col.get(name);
        return i == null || i >= f.size() || f.get(i).isBlank() ? dflt : f.get(i);
    }

    private static double num(String s, String where, String column) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": column " + column + " is not a number: \"" + s + "\"");
        }
    }

    /** Splits one CSV line, honouring double quotes (DeepRacer writes continuous actions as "[a, b]"). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
