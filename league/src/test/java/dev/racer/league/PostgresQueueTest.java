package dev.racer.league;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;

/** The queue tests on PostgreSQL ({@code RACER_TEST_PG_URL}), in a throw-away schema. */
class PostgresQueueTest extends QueueTest {
    private String schemaUrl;

    @Override
    String url() throws Exception {
        String url = TestServer.postgresUrl();
        assumeTrue(url != null, "RACER_TEST_PG_URL is not set: PostgreSQL tests skipped");
        schemaUrl = TestServer.freshPostgresSchema(url);
        return schemaUrl;
    }

    @Override
    @AfterEach
    void close() {
        super.close();
        if (schemaUrl != null) {
            TestServer.dropPostgresSchema(schemaUrl);
        }
    }
}
