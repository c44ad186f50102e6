package dev.racer.league;

import java.nio.file.Files;
import java.nio.file.Path;

/** The database a league server suite runs on: SQLite in the test's folder, or a PostgreSQL schema. */
interface TestDatabase {
    /** The database URL for a server keeping its files in {@code data}. */
    String url(Path data) throws Exception;

    /** Removes what {@link #url} made, after the test (nothing for SQLite: the temp folder goes). */
    default void drop() {
    }

    /** SQLite, the default database, in {@code data/league.db}. */
    static TestDatabase sqlite() {
        return data -> {
            Files.createDirectories(data);
            return "jdbc:sqlite:" + data.resolve("league.db");
        };
    }
}
