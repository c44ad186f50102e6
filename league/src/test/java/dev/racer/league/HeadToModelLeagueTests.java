package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.race.RaceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Head-to-model leagues on loopback: submissions race each other in heats, Elo ratings rank them, a broken model is
 * left out of a heat (or fails alone), the heats and their replays are served, and a V2 database migrates. The
 * models are the tests' pure-pursuit drivers at different top speeds. Run on SQLite and PostgreSQL by subclasses.
 */
abstract class HeadToModelLeagueTests extends LeagueServerSuite {
    HeadToModelLeagueTests(TestDatabase database) {
        super(database);
    }

    /** A server whose default league is a 1-lap HEAD_TO_MODEL league with heats of up to 4 cars. */
    private TestServer start() throws Exception {
        LeagueConfig cfg = TestServer.config(tmp.resolve("data"), dbUrl(tmp.resolve("data")));
        LeagueRules r = cfg.defaultLeague().rules().withRace(RaceType.HEAD_TO_MODEL, null);
        t = new TestServer(cfg.withDefaultLeague(new LeagueConfig.LeagueSpec("default", "Heads", r)));
        return t;
    }

    @Test
    void fourModelsRaceTheirHeatsAndAreRankedByRating() throws Exception {
        start();
        double[] speeds = {1.2, 2.4, 1.8, 3.0};
        List<String> ids = new ArrayList<>();
        String lastToken = null;
        for (int i = 0; i < speeds.length; i++) {
            lastToken = t.register("racer" + i);
            JsonNode s = t.submitAndWait(lastToken, "model" + i, TestModels.archive(speeds[i]));
            assertEquals("done", s.path("status").asText(), s.toString());
            ids.add(s.path("id").asText());
        }
        LeagueClient.Reply ownTrace = t.client.get("/api/submissions/" + ids.get(3) + "/trace", lastToken);
        assertEquals(200, ownTrace.status(), "the racer's own car's trace in its heat");
        JsonNode heats = t.client.get("/api/leagues/default/heats", null).orThrow().path("heats");
        assertEquals(4, heats.size(), heats.toString());
        // newest first: the 4th submission raced the 3 others, the 1st raced alone
        for (int h = 0; h < 4; h++) {
            JsonNode heat = heats.path(3 - h);
            assertEquals(ids.get(h), heat.path("id").asText());
            assertEquals(h + 1, heat.path("cars").size(), heat.toString());
            Set<Integer> places = new HashSet<>();
            for (JsonNode c : heat.path("cars")) {
                places.add(c.path("place").asInt());
            }
            assertEquals(h + 1, places.size(), "one place per car: " + heat);
        }
        JsonNode board = t.client.leaderboard("default").orThrow();
        JsonNode standings = board.path("standings");
        assertEquals(4, standings.size(), board.toString());
        assertEquals(0, board.path("entries").size());
        double sum = 0;
        double last = Double.MAX_VALUE;
        int heatsRaced = 0;
        for (int i = 0; i < 4; i++) {
            JsonNode s = standings.path(i);
            assertEquals(i + 1, s.path("rank").asInt());
            assertTrue(s.path("rating").asDouble() <= last, "ranked by rating: " + standings);
            last = s.path("rating").asDouble();
            sum += s.path("rating").asDouble();
            heatsRaced += s.path("heats").asInt();
        }
        assertEquals(1 + 2 + 3 + 4, heatsRaced, "entry k raced heats k..4: " + standings);
        assertEquals(4 * Ratings.INITIAL, sum, 0.3, "Elo moves ratings between the cars of a heat: " + standings);
        try (Database db = Database.open(dbUrl(tmp.resolve("data")), 2)) {
            double exact = new HeatStore(db).standings("default", 10).stream().mapToDouble(HeatStore.Standing::rating).sum();
            assertEquals(4 * Ratings.INITIAL, exact, 1e-6);
        }
        // the 4-car heat's replay: every car's drive
        JsonNode replay = t.client.get("/api/leagues/default/heats/" + ids.get(3) + "/replay", null).orThrow();
        assertEquals(4, replay.path("cars").size());
        for (JsonNode c : replay.path("cars")) {
            assertTrue(c.path("points").size() > 50, c.path("racer").asText() + " has its points");
        }
        JsonNode winner = heats.path(0).path("cars").path(0);
        assertEquals(1, winner.path("place").asInt());
        assertTrue(winner.path("rating_after").asDouble() > winner.path("rating_before").asDouble(), winner.toString());
        assertEquals(404, t.client.get("/api/leagues/default/heats/nope/replay", null).status());
    }

    @Test
    void aModelThatCannotLoadFailsAloneAndABrokenOtherCarIsLeftOutOfTheHeat() throws Exception {
        start();
        String a = t.submitAndWait(t.register("anna"), "a", TestModels.archive(2.0)).path("id").asText();
        String b = t.submitAndWait(t.register("bert"), "b", TestModels.archive(1.5)).path("id").asText();
        Map<String, byte[]> files = TestModels.files(2.0);
        files.put("training_params.json", TestDriverProvider.BROKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode broken = t.submitAndWait(t.register("carl"), "broken", TestModels.zip(files));
        assertEquals("failed", broken.path("status").asText(), broken.toString());
        assertTrue(broken.path("error").asText().contains("cannot be raced")
                && broken.path("error").asText().contains("weights cannot be read"), broken.toString());
        assertFalse(broken.path("error").asText().contains(tmp.toString()), "no server path in the message");

        // bert's model folder breaks on the server: dora's heat is raced without it
        Files.writeString(t.data.resolve("models").resolve(b).resolve("training_params.json"), TestDriverProvider.BROKEN);
        String d = t.submitAndWait(t.register("dora"), "d", TestModels.archive(2.5)).path("id").asText();
        JsonNode heat = t.client.get("/api/leagues/default/heats", null).orThrow().path("heats").path(0);
        assertEquals(d, heat.path("id").asText());
        assertEquals(2, heat.path("cars").size(), heat.toString());
        assertEquals(List.of(b), List.of(heat.path("not_raced").path(0).asText()));
        Set<String> raced = new HashSet<>();
        heat.path("cars").forEach(c -> raced.add(c.path("submission").asText()));
        assertEquals(Set.of(a, d), raced);
        JsonNode standings = t.client.leaderboard("default").orThrow().path("standings");
        assertEquals(3, standings.size(), standings.toString()); // carl never rated
        double sum = 0;
        for (JsonNode s : standings) {
            sum += s.path("rating").asDouble();
        }
        assertEquals(3 * Ratings.INITIAL, sum, 0.3);
    }

    @Test
    void aHeadToModelLeagueIsCreatedWithItsHeatSizeAndBadOnesAre400s() throws Exception {
        start();
        LeagueClient.Reply ok = t.client.postJson("/api/leagues", "admin-secret", Map.of("id", "h2m",
                "race_type", "head_to_model", "heat_size", 3, "laps", 2));
        assertEquals(201, ok.status(), ok.body().toString());
        assertEquals("HEAD_TO_MODEL", ok.body().path("race_type").asText());
        assertEquals(3, ok.body().path("heat_size").asInt());
        LeagueClient.Reply big = t.client.postJson("/api/leagues", "admin-secret", Map.of("id", "h2", "race_type",
                "HEAD_TO_MODEL", "heat_size", 20));
        assertEquals(400, big.status());
        assertEquals("heat_size", big.body().path("field").asText());
        LeagueClient.Reply tt = t.client.postJson("/api/leagues", "admin-secret", Map.of("id", "h3", "heat_size", 3));
        assertEquals(400, tt.status());
        assertEquals("heat_size", tt.body().path("field").asText());
        assertTrue(t.client.leaderboard("h2m").orThrow().path("standings").isArray());
        assertEquals(201, t.client.postJson("/api/leagues", "admin-secret", Map.of("id", "tt")).status());
        assertNull(t.client.leaderboard("tt").orThrow().get("standings"), "a time trial has no standings");
    }

    /** A database at V2 (race types) opens migrated: its leagues get the default heat size, its races no rating. */
    @Test
    void aVersion2DatabaseIsMigrated() throws Exception {
        String url = dbUrl(tmp.resolve("data"));
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO leagues (id, name, track_id, laps, offtrack_penalty_ms, max_resets, ranking,"
                    + " time_limit_s, created_at, race_type, bots) VALUES ('old', 'Old', 'reinvent_base', 2, 2000, -1,"
                    + " 'TOTAL_TIME', 60, 1, 'HEAD_TO_BOT', 3)");
            s.executeUpdate("INSERT INTO racers (id, name, token_salt, token_hash, created_at)"
                    + " VALUES ('abc', 'Olga', 's', 'h', 1)");
            s.executeUpdate("INSERT INTO submissions (id, league_id, racer_id, model_name, archive_sha256, archive_bytes,"
                    + " status, attempts, created_at, finished_at, completed, score_ms, total_ms, laps_done, offtracks,"
                    + " resets, end_reason, crashes) VALUES ('s1', 'old', 'abc', 'm', 'x', 1, 'done', 1, 1, 2, 1, 20000,"
                    + " 20000, 2, 0, 0, 'finished', 1)");
        }
        try (Database db = Database.open(url, 2)) {
            Store store = new Store(db);
            LeagueRules r = store.getLeague("old").orElseThrow().rules();
            assertEquals(RaceType.HEAD_TO_BOT, r.raceType());
            assertEquals(LeagueRules.DEFAULT_HEAT_SIZE, r.heatSize());
            assertEquals(20000, store.leaderboard("old", 10).getFirst().scoreMs());
            HeatStore heats = new HeatStore(db);
            assertEquals(0, heats.standings("old", 10).size(), "a time-ranked race has no rating");
            assertEquals(0, heats.heats("old", 10).size());
            store.putLeague("new", "New", LeagueRules.DEFAULT.withRace(RaceType.HEAD_TO_MODEL, null).withHeatSize(6),
                    false);
            assertEquals(6, store.getLeague("new").orElseThrow().rules().heatSize());
        }
    }
}
