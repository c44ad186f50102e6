package dev.racer.league;

import java.nio.file.Path;

/** The API suite on SQLite (the default database). */
class SqliteApiTest extends ApiTests {
    @Override
    String dbUrl(Path data) {
        return "jdbc:sqlite:" + data.resolve("league.db");
    }
}
