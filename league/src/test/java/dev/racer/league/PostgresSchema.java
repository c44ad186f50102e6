package dev.racer.league;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One test's throw-away schema in the PostgreSQL database named by {@code RACER_TEST_PG_URL}: {@link #url} makes
 * it on first use (skipping the test when the variable is not set), {@link #drop} removes it after the test.
 */
final class PostgresSchema implements TestDatabase {
    private String url;

    /** The URL of this test's schema, made on the first call. */
    String url() throws Exception {
        if (url == null) {
            String base = TestServer.postgresUrl();
            assumeTrue(base != null, "RACER_TEST_PG_URL is not set: PostgreSQL tests skipped");
            url = TestServer.freshPostgresSchema(base);
        }
        return url;
    }

    /** {@link #url()}: a schema holds no files. */
    @Override
    public String url(java.nio.file.Path data) throws Exception {
        return url();
    }

    /** Drops the schema if one was made. */
    @Override
    public void drop() {
        if (url != null) {
            TestServer.dropPostgresSchema(url);
        }
    }
}
