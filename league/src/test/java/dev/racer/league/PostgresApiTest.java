package dev.racer.league;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * The API suite on PostgreSQL, in a fresh schema of the database named by {@code RACER_TEST_PG_URL} (environment
 * variable or system property, e.g. {@code jdbc:postgresql://127.0.0.1:5432/racer?user=racer&password=racer});
 * skipped when it is not set. {@code .ci/run} starts a PostgreSQL and sets it.
 */
class PostgresApiTest extends ApiTests {
    private final PostgresSchema schema = new PostgresSchema();

    @Override
    String dbUrl(Path data) throws Exception {
        return schema.url();
    }

    @Override
    @AfterEach
    void stop() {
        super.stop();
        schema.drop();
    }
}
