package dev.racer.league;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the league's server suites ({@link ApiTests}, {@link RaceTypeTests}, {@link HeadToModelLeagueTests})
 * share: a temp folder, the server under test, and the database it runs on, which a subclass per database
 * chooses (SQLite, PostgreSQL).
 */
abstract class LeagueServerSuite {
    @TempDir
    Path tmp;
    TestServer t;
    private final TestDatabase database;

    LeagueServerSuite(TestDatabase database) {
        this.database = database;
    }

    /** The database URL for a server keeping its files in {@code data}. */
    String dbUrl(Path data) throws Exception {
        return database.url(data);
    }

    @AfterEach
    void stop() {
        if (t != null) {
            t.close();
        }
        database.drop();
    }
}
