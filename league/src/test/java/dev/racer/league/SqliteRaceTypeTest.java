package dev.racer.league;

/** Race types on SQLite (the default database). */
class SqliteRaceTypeTest extends RaceTypeTests {
    SqliteRaceTypeTest() {
        super(TestDatabase.sqlite());
    }
}
