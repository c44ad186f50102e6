package dev.racer.league;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.racer.league.api.Wire;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/**
 * Strict binding of requests to the API's records: a body that is not the record, a field of the wrong type, an
 * unknown field or a query parameter that is not a number is a 400 whose message (and {@code field}) names the
 * field. Nothing falls back to a default silently.
 */
final class Binding {
    /** largest JSON request body [bytes] */
    static final int MAX_BODY = 64 << 10;

    private Binding() {
    }

    /** The JSON body as {@code type}. */
    static <T> T body(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.length() > MAX_BODY) {
            throw ApiException.tooLarge("the request body is too large");
        }
        if (body.isBlank()) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        try {
            T v = Wire.mapper().readValue(body, type);
            if (v == null) {
                throw ApiException.badRequest("the request body must be a JSON object");
            }
            return v;
        } catch (JsonMappingException e) {
            String field = field(e);
            if (field.isEmpty()) {
                throw ApiException.badRequest("the request body must be a JSON object: " + e.getOriginalMessage());
            }
            String why = e instanceof UnrecognizedPropertyException ? "is unknown"
                    : e instanceof InvalidFormatException f ? "must be " + expected(f.getTargetType()) + ", got "
                    + ModelArchive.printable(String.valueOf(f.getValue()))
                    : e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? "must be " + expected(m.getTargetType())
                    : "is not valid";
            throw ApiException.badField(field, "field \"" + field + "\" " + why);
        } catch (JacksonException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** An optional whole-number query parameter in [lo, hi]; {@code dflt} when absent. */
    static int queryInt(Context ctx, String name, int dflt, int lo, int hi) {
        String q = ctx.queryParam(name);
        if (q == null) {
            return dflt;
        }
        int v;
        try {
            v = Integer.parseInt(q.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badField(name, "query parameter \"" + name + "\" must be a whole number, got \""
                    + ModelArchive.printable(q) + "\"");
        }
        if (v < lo || v > hi) {
            throw ApiException.badField(name, "query parameter \"" + name + "\" must be in [" + lo + ", " + hi
                    + "], got " + v);
        }
        return v;
    }

    /** A required string field of a request record. */
    static String required(String value, String field, int min, int max) {
        if (value == null) {
            throw ApiException.badField(field, "field \"" + field + "\" is missing");
        }
        return userString(value, field, min, max);
    }

    /** Any printable text (it is escaped wherever it is shown), trimmed, within length limits. */
    static String userString(String s, String field, int min, int max) {
        String t = s.strip();
        if (t.length() < min || t.length() > max) {
            throw ApiException.badField(field, "\"" + field + "\" must be " + min + " to " + max + " characters");
        }
        if (t.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED)) {
            throw ApiException.badField(field, "\"" + field + "\" must not hold control or format characters");
        }
        return t;
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> t) {
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "a whole number";
        }
        if (t == Double.class || t == double.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t.isEnum()) {
            return "one of " + java.util.Arrays.toString(t.getEnumConstants());
        }
        return "a " + t.getSimpleName();
    }
}
