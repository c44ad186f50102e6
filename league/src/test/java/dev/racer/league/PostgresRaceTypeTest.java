package dev.racer.league;

/** Race types on PostgreSQL ({@code RACER_TEST_PG_URL}, as {@link PostgresApiTest}); skipped when it is not set. */
class PostgresRaceTypeTest extends RaceTypeTests {
    PostgresRaceTypeTest() {
        super(new PostgresSchema());
    }
}
