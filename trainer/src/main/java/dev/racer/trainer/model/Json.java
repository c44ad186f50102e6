package dev.racer.trainer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** JSON helpers for model files: one mapper, errors that name the file, atomic writes. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Reads a JSON object; a clear error naming the file if it is missing or malformed. */
    public static JsonNode readObject(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file + ": file not found");
        }
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new ModelFileException(file + ": expected a JSON object { ... }");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new ModelFileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes {@code value} as indented JSON to {@code file} atomically (temp file, then rename). */
    public static void write(Path file, Object value) {
        try {
            writeAtomically(file, MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes bytes to {@code file} atomically: a temp file in the same folder, then a rename. */
    public static void writeAtomically(Path file, byte[] bytes) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            moveAtomically(tmp, file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Renames {@code tmp} over {@code target}, atomically where the file system can. */
    public static void moveAtomically(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---------------------------------------------------------------- typed field access with clear errors

    static double number(Path file, JsonNode n, String field, double lo, double hi) {
        return number(file, n, "", field, lo, hi);
    }

    /** A number field of a nested object; {@code prefix} (e.g. {@code action_space[2].}) goes in the message. */
    static double number(Path file, JsonNode n, String prefix, String name, double lo, double hi) {
        String field = prefix + name;
        JsonNode v = n.get(name);
        if (v == null || !v.isNumber()) {
            throw new ModelFileException(file + ": field \"" + field + "\" must be a number"
                    + (v == null ? " (missing)" : ", got " + v));
        }
        double d = v.asDouble();
        if (!(d >= lo && d <= hi)) {
            throw new ModelFileException(file + ": field \"" + field + "\" must be in [" + fmt(lo) + ", " + fmt(hi)
                    + "], got " + v);
        }
        return d;
    }

    static int integer(Path file, JsonNode n, String field, int lo, int hi) {
        JsonNode v = n.get(field);
        if (v == null || !(v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble())))) {
            throw new ModelFileException(file + ": field \"" + field + "\" must be a whole number"
                    + (v == null ? " (missing)" : ", got " + v));
        }
        long d = v.asLong();
        if (d < lo || d > hi) {
            throw new ModelFileException(file + ": field \"" + field + "\" must be in [" + lo + ", " + hi + "], got " + v);
        }
        return (int) d;
    }

    static String text(Path file, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new ModelFileException(file + ": field \"" + field + "\" must be a string"
                    + (v == null ? " (missing)" : ", got " + v));
        }
        return v.asText();
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
