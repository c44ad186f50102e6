package dev.racer.league;

/** Head-to-model leagues on SQLite (the default database). */
class SqliteHeadToModelTest extends HeadToModelLeagueTests {
    SqliteHeadToModelTest() {
        super(TestDatabase.sqlite());
    }
}
