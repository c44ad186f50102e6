package dev.racer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one Jackson set-up Racer uses: strict on duplicate keys and trailing tokens, numbers as written, pretty
 * output through {@link #pretty()}. Mappers are thread-safe once configured.
 */
public final class Jsons {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Jsons() {
    }

    /** The shared mapper (compact output). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A writer with indented output. */
    public static ObjectWriter pretty() {
        return PRETTY;
    }

    /** {@code value} as indented JSON text. */
    public static String toPrettyString(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code value} as indented JSON to {@code file}, atomically. */
    public static void writeAtomically(Path file, Object value) {
        byte[] bytes;
        try {
            bytes = PRETTY.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + file + " as JSON: " + e.getOriginalMessage(), e);
        }
        AtomicFiles.write(file, bytes);
    }

    /**
     * Reads a JSON tree from {@code file}; a malformed file is an {@link IllegalArgumentException} naming the
     * file, the line and column, and what the parser expected.
     */
    public static JsonNode readTree(Path file) {
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            if (n == null || n.isMissingNode()) {
                throw new IllegalArgumentException(file + ": empty file, expected JSON");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
