package dev.racer.league;

/** The API suite on SQLite (the default database). */
class SqliteApiTest extends ApiTests {
    SqliteApiTest() {
        super(TestDatabase.sqlite());
    }
}
