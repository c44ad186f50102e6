package dev.racer.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.io.Jsons;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Typed access to the fields of a model file's JSON, with errors that name the file (or upload entry) and the
 * field. {@code where} is what the message calls the file: a path on disk, or an entry name in an upload.
 */
final class Fields {
    private Fields() {
    }

    /** Reads a JSON object; a clear error naming the file if it is missing or malformed. */
    static JsonNode readObject(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file + ": file not found");
        }
        JsonNode n;
        try {
            n = Jsons.readTree(file);
        } catch (java.io.UncheckedIOException e) {
            throw new ModelFileException(file + ": cannot read: " + e.getCause().getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(e.getMessage(), e);
        }
        return object(file.toString(), n);
    }

    static JsonNode object(String where, JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new ModelFileException(where + ": must be a JSON object { ... }");
        }
        return n;
    }

    static double number(String where, JsonNode n, String field, double lo, double hi) {
        return number(where, n, "", field, lo, hi);
    }

    /** A number field of a nested object; {@code prefix} (e.g. {@code action_space[2].}) goes in the message. */
    static double number(String where, JsonNode n, String prefix, String name, double lo, double hi) {
        String field = prefix + name;
        JsonNode v = n.get(name);
        if (v == null || !v.isNumber()) {
            throw new ModelFileException(where + ": field \"" + field + "\" must be a number"
                    + (v == null ? " (missing)" : ", got " + shown(v)));
        }
        double d = v.asDouble();
        if (!(d >= lo && d <= hi)) {
            throw new ModelFileException(where + ": field \"" + field + "\" must be in [" + fmt(lo) + ", " + fmt(hi)
                    + "], got " + shown(v));
        }
        return d;
    }

    static int integer(String where, JsonNode n, String field, int lo, int hi) {
        JsonNode v = n.get(field);
        if (v == null || !(v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble())))) {
            throw new ModelFileException(where + ": field \"" + field + "\" must be a whole number"
                    + (v == null ? " (missing)" : ", got " + shown(v)));
        }
        double d = v.asDouble();
        if (d < lo || d > hi) {
            throw new ModelFileException(where + ": field \"" + field + "\" must be in [" + lo + ", " + hi + "], got "
                    + shown(v));
        }
        return (int) d;
    }

    /** A string field of at most 64 characters (names, not prose). */
    static String text(String where, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new ModelFileException(where + ": field \"" + field + "\" must be a string"
                    + (v == null ? " (missing)" : ", got " + shown(v)));
        }
        if (v.asText().length() > 64) {
            throw new ModelFileException(where + ": field \"" + field + "\" must be at most 64 characters");
        }
        return v.asText();
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** A value from someone else's file, safe to echo: control characters replaced, at most 80 characters. */
    static String shown(JsonNode v) {
        return printable(v.toString());
    }

    static String printable(String s) {
        return ModelFileException.printable(s);
    }
}
