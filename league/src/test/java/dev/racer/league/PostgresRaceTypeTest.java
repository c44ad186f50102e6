package dev.racer.league;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** Race types on PostgreSQL ({@code RACER_TEST_PG_URL}, as {@link PostgresApiTest}); skipped when it is not set. */
class PostgresRaceTypeTest extends RaceTypeTests {
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
