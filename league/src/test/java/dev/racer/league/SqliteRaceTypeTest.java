package dev.racer.league;

import java.nio.file.Path;

/** Race types on SQLite (the default database). */
class SqliteRaceTypeTest extends RaceTypeTests {
    @Override
    String dbUrl(Path data) throws Exception {
        java.nio.file.Files.createDirectories(data);
        return "jdbc:sqlite:" + data.resolve("league.db");
    }
}
