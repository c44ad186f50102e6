package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.league.LeagueClient;
import dev.racer.league.LeagueConfig;
import dev.racer.league.LeagueRules;
import dev.racer.trainer.TrainSpec;
import dev.racer.trainer.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar for {@code racer bench league}'s code: 50 submissions of a trained model uploaded at once are all raced
 * and ranked, none lost; prints the figures. On PostgreSQL too when {@code RACER_TEST_PG_URL} is set.
 */
@Tag("slow")
class LeagueLoadTest {
    @TempDir
    Path tmp;

    @Test
    void fiftySubmissionsAtOnceAreAllRacedAndRanked() throws Exception {
        fiftyAtOnce(null);
    }

    @Test
    void fiftySubmissionsAtOnceOnPostgres() throws Exception {
        String url = System.getenv("RACER_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "RACER_TEST_PG_URL is not set");
        String schema = "t_load_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            fiftyAtOnce(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void fiftyAtOnce(String db) throws Exception {
        Path hp = tmp.resolve("hp.json");
        Files.writeString(hp, "{\"batch_size\": 64, \"num_episodes_between_training\": 4, \"num_epochs\": 2}");
        Path model = tmp.resolve("models").resolve("load");
        Trainer.train(TrainSpec.of("reinvent_base", "center_line", model).withSteps(600L).withSeed(5).withWorkers(1)
                .withHyperparameters(hp));
        int workers = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        LeagueConfig cfg = LeagueConfig.defaults(tmp.resolve("data")).withDb(db).withWorkers(workers)
                .withDefaultLeague(new LeagueConfig.LeagueSpec("default", "Load", LeagueRules.DEFAULT));
        LeagueBench.Result r = LeagueBench.run(cfg, null, LeagueClient.zipModel(model), 50, 10);
        System.out.println(db == null ? "SQLite:" : "PostgreSQL:");
        r.print(System.out, workers);
        assertTrue(r.noneLost(), r.toString());
        assertEquals(50, r.done(), r.toString());
        assertEquals(10, r.ranked(), r.toString());
        assertTrue(r.reads() > 0);
    }
}
