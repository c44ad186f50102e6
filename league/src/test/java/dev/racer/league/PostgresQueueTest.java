package dev.racer.league;

import org.junit.jupiter.api.AfterEach;

/** The queue tests on PostgreSQL ({@code RACER_TEST_PG_URL}), in a throw-away schema. */
class PostgresQueueTest extends QueueTest {
    private final PostgresSchema schema = new PostgresSchema();

    @Override
    String url() throws Exception {
        return schema.url();
    }

    @Override
    @AfterEach
    void close() {
        super.close();
        schema.drop();
    }
}
