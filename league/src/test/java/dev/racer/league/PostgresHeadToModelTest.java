package dev.racer.league;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** Head-to-model leagues on PostgreSQL ({@code RACER_TEST_PG_URL}, as {@link PostgresApiTest}); skipped when it is not set. */
class PostgresHeadToModelTest extends HeadToModelLeagueTests {
    private String schemaUrl;

    @Override
    String dbUrl(Path data) throws Exception {
        if (schemaUrl == null) {
            String url = TestServer.postgresUrl();
            assumeTrue(url != null, "RACER_TEST_PG_URL is not set: PostgreSQL tests skipped");
            schemaUrl = TestServer.freshPostgresSchema(url);
        }
        return schemaUrl;
    }

    @Override
    @AfterEach
    void stop() {
        super.stop();
        if (schemaUrl != null) {
            TestServer.dropPostgresSchema(schemaUrl);
        }
    }
}
