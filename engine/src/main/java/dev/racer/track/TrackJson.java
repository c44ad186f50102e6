package dev.racer.track;

import dev.racer.io.Jsons;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Racer's track file format ({@code racer-track/1}), read and written with Jackson:
 * <pre>{
 *   "format": "racer-track/1", "id": "reinvent_base", "name": "re:Invent 2018",
 *   "direction": "counterclockwise", "loop": true, "attribution": "...",
 *   "waypoints": [[center_x, center_y, inner_x, inner_y, outer_x, outer_y], ...]
 * }</pre>
 * Coordinates in metres, DeepRacer's column order; a loop repeats its first row as its last.
 */
public final class TrackJson {
    public static final String FORMAT = "racer-track/1";
    private static final ObjectMapper MAPPER = Jsons.mapper();
    private static final Logger LOG = LoggerFactory.getLogger(TrackJson.class);

    private TrackJson() {
    }

    /**
     * Reads and validates a track file ({@link TrackValidator}); warnings are logged at WARN.
     * Errors name {@code source} and the field or row.
     */
    public static Track read(InputStream in, String source) {
        TrackValidator.Result r = readChecked(in, source);
        r.warnings().forEach(LOG::warn);
        return r.track();
    }

    /** Reads and validates a track file; the result carries the cleaned track and the warnings, not logged. */
    public static TrackValidator.Result readChecked(InputStream in, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new TrackException(source + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TrackException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TrackException(source + ": expected a JSON object with id, name, direction and waypoints");
        }
        String format = text(root, "format", source, false);
        if (format != null && !format.equals(FORMAT)) {
            throw new TrackException(source + ": field \"format\" is \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        String id = text(root, "id", source, true);
        String name = text(root, "name", source, true);
        String dirText = text(root, "direction", source, true);
        Direction direction = Direction.fromJson(dirText);
        if (direction == null) {
            throw new TrackException(source + ": field \"direction\" is \"" + dirText
                    + "\", expected \"counterclockwise\" or \"clockwise\"");
        }
        String attribution = text(root, "attribution", source, false);
        JsonNode wps = root.get("waypoints");
        if (wps == null || !wps.isArray()) {
            throw new TrackException(source + ": field \"waypoints\" is missing or not a list of rows");
        }
        double[][] rows = new double[wps.size()][];
        for (int i = 0; i < rows.length; i++) {
            JsonNode row = wps.get(i);
            if (!row.isArray() || row.size() != 6) {
                throw new TrackException(source + ": waypoint row " + i
                        + " must be [center_x, center_y, inner_x, inner_y, outer_x, outer_y] (6 numbers), got " + row);
            }
            rows[i] = new double[6];
            for (int j = 0; j < 6; j++) {
                JsonNode v = row.get(j);
                if (!v.isNumber()) {
                    throw new TrackException(source + ": waypoint row " + i + ", column " + j + " is " + v
                            + ", expected a number");
                }
                rows[i][j] = v.asDouble();
            }
        }
        JsonNode loop = root.get("loop");
        if (loop != null && loop.isBoolean() && !loop.asBoolean()) {
            throw new TrackException(source + ": field \"loop\" is false: open routes are not supported; Racer races"
                    + " closed loops only");
        }
        return TrackValidator.validate(id, name, direction, attribution, rows, source);
    }

    /** Reads and validates a track file from disk; warnings are logged at WARN. */
    public static Track read(Path file) {
        TrackValidator.Result r = readChecked(file);
        r.warnings().forEach(LOG::warn);
        return r.track();
    }

    /** Reads and validates a track file from disk; the result carries the warnings, not logged. */
    public static TrackValidator.Result readChecked(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return readChecked(in, file.toString());
        } catch (IOException e) {
            throw new TrackException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The track as Racer's JSON, one row per line. */
    public static String write(Track t) {
        StringBuilder sb = new StringBuilder(t.size() * 120 + 512);
        sb.append("{\n");
        field(sb, "format", FORMAT);
        field(sb, "id", t.id());
        field(sb, "name", t.name());
        field(sb, "direction", t.direction().json());
        sb.append("  \"loop\": ").append(t.isLoop()).append(",\n");
        field(sb, "attribution", t.attribution());
        sb.append("  \"waypoints\": [\n");
        for (int i = 0; i < t.size(); i++) {
            sb.append("    [");
            double[] r = t.row(i);
            for (int j = 0; j < 6; j++) {
                sb.append(j == 0 ? "" : ", ").append(r[j]);
            }
            sb.append(i + 1 < t.size() ? "],\n" : "]\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    private static void field(StringBuilder sb, String k, String v) {
        try {
            sb.append("  \"").append(k).append("\": ").append(MAPPER.writeValueAsString(v)).append(",\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode root, String field, String source, boolean required) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new TrackException(source + ": field \"" + field + "\" is missing");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new TrackException(source + ": field \"" + field + "\" must be a string, got " + n);
        }
        return n.asText();
    }
}
