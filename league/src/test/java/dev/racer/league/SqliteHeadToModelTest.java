package dev.racer.league;

import java.nio.file.Path;

/** Head-to-model leagues on SQLite (the default database). */
class SqliteHeadToModelTest extends HeadToModelLeagueTests {
    @Override
    String dbUrl(Path data) throws Exception {
        java.nio.file.Files.createDirectories(data);
        return "jdbc:sqlite:" + data.resolve("league.db");
    }
}
