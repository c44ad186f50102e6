package dev.racer.league;

/**
 * The API suite on PostgreSQL, in a fresh schema of the database named by {@code RACER_TEST_PG_URL} (environment
 * variable or system property, e.g. {@code jdbc:postgresql://127.0.0.1:5432/racer?user=racer&password=racer});
 * skipped when it is not set. {@code .ci/run} starts a PostgreSQL and sets it.
 */
class PostgresApiTest extends ApiTests {
    PostgresApiTest() {
        super(new PostgresSchema());
    }
}
