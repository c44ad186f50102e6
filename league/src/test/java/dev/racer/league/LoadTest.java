package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bar: 50 submissions of a trained model uploaded at once are all raced and ranked, none lost; prints the figures. */
@Tag("slow")
class LoadTest {
    @TempDir
    Path tmp;

    @Test
    void fiftySubmissionsAtOnceAreAllRacedAndRanked() throws Exception {
        fiftyAtOnce(null);
    }

    @Test
    void fiftySubmissionsAtOnceOnPostgres() throws Exception {
        String url = TestServer.postgresUrl();
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null, "RACER_TEST_PG_URL is not set");
        String schema = TestServer.freshPostgresSchema(url);
        try {
            fiftyAtOnce(schema);
        } finally {
            TestServer.dropPostgresSchema(schema);
        }
    }

    private void fiftyAtOnce(String db) throws Exception {
        int workers = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        LeagueRules d = LeagueRules.DEFAULT; // 3 laps, total time
        LeagueConfig cfg = TestServer.config(tmp.resolve("data"), db).withWorkers(workers)
                .withDefaultLeague(new LeagueConfig.LeagueSpec("default", "Load", d));
        LeagueBench.Result r = LeagueBench.run(cfg, null, TestModels.trainedArchive("clipped_ppo"), 50, 10);
        System.out.println(db == null ? "SQLite:" : "PostgreSQL:");
        r.print(System.out, workers);
        assertTrue(r.noneLost(), r.toString());
        assertEquals(50, r.done(), r.toString());
        assertEquals(10, r.ranked(), r.toString());
        assertTrue(r.reads() > 0);
    }
}
