package dev.racer.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a sim-trace CSV: Racer's (written by {@link SimTraceWriter}) or DeepRacer's own. Columns are found by
 * name, so extra or reordered columns are fine; DeepRacer's columns must all be there. The actual speed is
 * read from {@code actual_speed}, or from {@code speed} in traces written before Racer renamed it. Errors
 * name the file, line and column.
 */
public final class SimTraceReader {

    private SimTraceReader() {
    }

    /** A whole trace: its header and rows. */
    public record SimTrace(List<String> header, List<SimTraceRow> rows) {
        public SimTrace {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    public static SimTrace read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the sim-trace: " + e.getMessage(), e);
        }
    }

    public static SimTrace read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String first = in.readLine();
        if (first == null) {
            throw new IllegalArgumentException(source + ": empty file, expected a sim-trace CSV header");
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        List<String> header = split(first);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i).trim(), i);
        }
        for (String c : SimTraceWriter.DEEPRACER_COLUMNS) {
            if (!col.containsKey(c)) {
                throw new IllegalArgumentException(source + ": line 1: no \"" + c + "\" column; a sim-trace has "
                        + String.join(",", SimTraceWriter.DEEPRACER_COLUMNS));
            }
        }
        List<SimTraceRow> rows = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Fields f = new Fields(split(line), col, source, lineNo);
            rows.add(new SimTraceRow(f.integer("episode"), f.integer("steps"), f.real("X"), f.real("Y"),
                    f.real("yaw"), f.real("steer"), f.real("throttle"), f.action(), f.real("reward"),
                    f.bool("done"), f.bool("all_wheels_on_track"), f.real("progress"),
                    f.integer("closest_waypoint"), f.real("track_len"), f.real("tstamp"),
                    f.text("episode_status"), f.real("pause_duration"), f.optReal(col.containsKey("actual_speed") ? "actual_speed" : "speed"), f.optInt("lap"),
                    f.optInt("wheels_on_track")));
        }
        return new SimTrace(header, rows);
    }

    /** Splits a CSV line; fields may be double-quoted (with "" for a quote inside). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private record Fields(List<String> values, Map<String, Integer> col, String source, int line) {

        String text(String name) {
            Integer i = col.get(name);
            if (i == null) {
                return null;
            }
            if (i >= values.size()) {
                throw error(name, "missing (the row has " + values.size() + " fields)");
            }
            return values.get(i).trim();
        }

        double real(String name) {
            String s = text(name);
            try {
                return switch (s) {
                    case "nan", "NaN" -> Double.NaN;
                    case "inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    default -> Double.parseDouble(s);
                };
            } catch (NumberFormatException e) {
                throw error(name, "\"" + s + "\" is not a number");
            }
        }

        int integer(String name) {
            double v = real(name);
            if (v != Math.rint(v)) {
                throw error(name, "\"" + text(name) + "\" is not a whole number");
            }
            return (int) v;
        }

        boolean bool(String name) {
            String s = text(name);
            return switch (s) {
                case "True", "true", "TRUE", "1", "1.0" -> true;
                case "False", "false", "FALSE", "0", "0.0" -> false;
                default -> throw error(name, "\"" + s + "\" is not True or False");
            };
        }

        /** DeepRacer writes an index for discrete actions; anything else (a continuous action) reads as -1. */
        int action() {
            String s = text("action");
            try {
                double v = Double.parseDouble(s);
                return v == Math.rint(v) ? (int) v : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        double optReal(String name) {
            return col.containsKey(name) && col.get(name) < values.size() ? real(name) : Double.NaN;
        }

        int optInt(String name) {
            return col.containsKey(name) && col.get(name) < values.size() ? integer(name) : -1;
        }

        IllegalArgumentException error(String name, String what) {
            return new IllegalArgumentException(source + ": line " + line + ", column " + name + ": " + what);
        }
    }
}
