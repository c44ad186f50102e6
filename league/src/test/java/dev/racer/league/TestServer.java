package dev.racer.league;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.track.TrackLibrary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/** A league server on loopback with a random free port, for tests. */
final class TestServer implements AutoCloseable {
    final LeagueServer server;
    final LeagueClient client;
    final Path data;

    TestServer(LeagueConfig cfg) throws Exception {
        this.data = cfg.dataDir();
        this.server = LeagueServer.start(cfg, TrackLibrary.standard(), new TimeTrialRaceRunner(TrackLibrary.standard()));
        this.client = new LeagueClient(server.url());
    }

    /** Loopback, port 0, two workers, a 3 s lease, generous rate limits, a 1-lap league "default". */
    static LeagueConfig config(Path data, String dbUrl) {
        LeagueRules d = LeagueRules.DEFAULT;
        return LeagueConfig.defaults(data).withHost("127.0.0.1").withPort(0).withDb(dbUrl).withWorkers(2)
                .withLeaseMs(3000).withRateLimits(1000, 1000).withAdminToken("admin-secret")
                .withDefaultLeague(new LeagueConfig.LeagueSpec("default", "Test league",
                        new LeagueRules(d.trackId(), 1, d.offtrackPenaltyMs(), d.maxResets(), dev.racer.race.RankingRule.TOTAL_TIME, 60)));
    }

    /** The PostgreSQL URL from RACER_TEST_PG_URL (environment or system property), or null. */
    static String postgresUrl() {
        String u = System.getProperty("RACER_TEST_PG_URL");
        if (u == null || u.isBlank()) {
            u = System.getenv("RACER_TEST_PG_URL");
        }
        return u == null || u.isBlank() ? null : u;
    }

    /** A fresh schema in the test PostgreSQL database, and the URL that uses it. */
    static String freshPostgresSchema(String url) throws Exception {
        String schema = "t_" + Tokens.randomId(6);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema a {@link #freshPostgresSchema} URL names. */
    static void dropPostgresSchema(String url) {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        String base = url.substring(0, url.indexOf("currentSchema=") - 1);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (Exception e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    String register(String name) throws Exception {
        return client.register(name).orThrow().path("token").asText();
    }

    JsonNode submitAndWait(String token, String model, byte[] zip) throws Exception {
        LeagueClient.Reply r = client.submit("default", token, model, zip);
        String id = r.orThrow().path("id").asText();
        return client.await(id, token, Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        server.close();
    }
}
