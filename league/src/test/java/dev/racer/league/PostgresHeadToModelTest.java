package dev.racer.league;

/** Head-to-model leagues on PostgreSQL ({@code RACER_TEST_PG_URL}, as {@link PostgresApiTest}); skipped when it is not set. */
class PostgresHeadToModelTest extends HeadToModelLeagueTests {
    PostgresHeadToModelTest() {
        super(new PostgresSchema());
    }
}
