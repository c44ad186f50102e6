package dev.racer.league.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.racer.io.Jsons;

/**
 * The league API's JSON, in one place for the server, {@code LeagueClient} and the CLI: Racer's Jackson set-up
 * ({@link Jsons}) with snake_case names on the wire, and strict binding of requests (unknown fields, a string for a
 * number, a null for a required number and an unknown enum value are all errors).
 */
public final class Wire {
    private static final ObjectMapper MAPPER = ((JsonMapper) Jsons.mapper()).rebuild()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // a number or boolean where a string belongs is an error too, not its text
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private Wire() {
    }

    /** The mapper (strict on reading). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A response body as {@code type}; fields a newer server adds are ignored. */
    public static <T> T read(JsonNode body, Class<T> type) {
        try {
            return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the league server sent an unexpected " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
