package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.race.RaceType;
import dev.racer.race.RankingRule;
import dev.racer.world.ObjectConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Race types in the league (object avoidance; head-to-bot's stored settings): the store's round trip, the API's
 * 400s, an object-avoidance race with its collisions, and the migration of a V1 database. Run on SQLite and on
 * PostgreSQL by subclasses.
 */
abstract class RaceTypeTests extends LeagueServerSuite {
    RaceTypeTests(TestDatabase database) {
        super(database);
    }

    private TestServer start() throws Exception {
        t = new TestServer(TestServer.config(tmp.resolve("data"), dbUrl(tmp.resolve("data"))));
        return t;
    }

    @Test
    void theStoreKeepsEachRaceTypesRules() throws Exception {
        LeagueRules d = LeagueRules.DEFAULT;
        LeagueRules tt = new LeagueRules("reinvent_base", 2, 1500, 4, RankingRule.BEST_LAP_TIME, 90);
        LeagueRules spaced = tt.withRace(RaceType.OBJECT_AVOIDANCE, ObjectConfig.spaced(4, true))
                .withCollisionPenaltyMs(3500);
        LeagueRules fixed = d.withRace(RaceType.OBJECT_AVOIDANCE, null); // DeepRacer's six fixed boxes
        assertEquals(ObjectConfig.RACE_DEFAULT, fixed.objects());
        try (Database db = Database.open(dbUrl(tmp.resolve("data")), 2)) {
            Store store = new Store(db);
            store.putLeague("tt", "TT", tt, false);
            store.putLeague("spaced", "Spaced", spaced, false);
            store.putLeague("fixed", "Fixed", fixed, false);
            assertEquals(tt, store.getLeague("tt").orElseThrow().rules());
            assertEquals(RaceType.TIME_TRIAL, tt.raceType());
            assertEquals(ObjectConfig.NONE, tt.objects());
            assertEquals(spaced, store.getLeague("spaced").orElseThrow().rules());
            assertEquals(fixed, store.getLeague("fixed").orElseThrow().rules());
            // replace turns a time trial into object avoidance and back
            store.putLeague("tt", "TT", spaced, true);
            assertEquals(spaced, store.getLeague("tt").orElseThrow().rules());
            store.putLeague("tt", "TT", tt, true);
            assertEquals(tt, store.getLeague("tt").orElseThrow().rules());
        }
    }

    @Test
    void leaguesAreCreatedWithTheirRaceTypeAndBadRulesAre400sNamingTheField() throws Exception {
        start();
        LeagueClient.Reply oa = t.client.postJson("/api/leagues", "admin-secret", Map.of("id", "boxes",
                "race_type", "object_avoidance", "objects", 3, "randomize_objects", true, "collision_penalty", 4));
        assertEquals(201, oa.status(), oa.body().toString());
        JsonNode l = t.client.get("/api/leagues/boxes", null).orThrow();
        assertEquals("OBJECT_AVOIDANCE", l.path("race_type").asText(), l.toString());
        assertEquals(3, l.path("objects").asInt());
        assertTrue(l.path("randomize_objects").asBoolean());
        assertEquals(0, l.path("object_positions").size());
        assertEquals(4.0, l.path("collision_penalty").asDouble());
        assertEquals(0, l.path("bots").asInt());

        JsonNode fixed = t.client.postJson("/api/leagues", "admin-secret", Map.of("id", "six",
                "race_type", "OBJECT_AVOIDANCE")).orThrow();
        assertEquals(6, fixed.path("objects").asInt(), "DeepRacer's race default: " + fixed);
        assertEquals("0.15,1", fixed.path("object_positions").path(0).asText());
        assertEquals(5.0, fixed.path("collision_penalty").asDouble());
        JsonNode implied = t.client.postJson("/api/leagues", "admin-secret", Map.of("id", "two",
                "object_positions", List.of("0.25,1", "0.75,-1"))).orThrow();
        assertEquals("OBJECT_AVOIDANCE", implied.path("race_type").asText(), "object fields imply the race type");
        assertEquals(2, implied.path("objects").asInt());
        JsonNode tt = t.client.get("/api/leagues/default", null).orThrow();
        assertEquals("TIME_TRIAL", tt.path("race_type").asText());
        assertEquals(0, tt.path("objects").asInt());

        assertBad(Map.of("id", "x", "race_type", "DRAG_RACE"), "race_type", "TIME_TRIAL");
        assertBad(Map.of("id", "x", "race_type", 3), "race_type", "string");
        assertBad(Map.of("id", "x", "objects", -1), "objects", ">= 0");
        assertBad(Map.of("id", "x", "objects", 500), "objects", "does not fit");
        assertBad(Map.of("id", "x", "race_type", "TIME_TRIAL", "objects", 2), "objects", "OBJECT_AVOIDANCE");
        assertBad(Map.of("id", "x", "collision_penalty", 61), "collision_penalty", "[0, 60]");
        assertBad(Map.of("id", "x", "collision_penalty", -1), "collision_penalty", "[0, 60]");
        assertBad(Map.of("id", "x", "object_positions", List.of("0.2,1", "1.5,-1")), "object_positions[1]", "ndist");
        assertBad(Map.of("id", "x", "object_positions", List.of("0.2,1"), "objects", 1), "object_positions", "leave out");
        assertBad(Map.of("id", "x", "objects", 1.5), "objects", "whole number");
        assertBad(Map.of("id", "x", "bots", 2), "bots", "HEAD_TO_BOT");
        assertBad(Map.of("id", "x", "ranking", "vibes"), "ranking", "vibes");
        assertEquals(404, t.client.get("/api/leagues/x", null).status(), "no league was made by a bad request");
    }

    private void assertBad(Map<String, Object> body, String field, String says) throws Exception {
        LeagueClient.Reply r = t.client.postJson("/api/leagues", "admin-secret", body);
        assertEquals(400, r.status(), body + " -> " + r.body());
        assertEquals(field, r.body().path("field").asText(), r.body().toString());
        assertTrue(r.error().contains(says), r.error());
    }

    /**
     * A model on the centre line, where the lane boxes reach, crashes into each of DeepRacer's six boxes once
     * ({@link LaneKeeperDriver}); each crash costs the collision penalty, and the counts reach the result, its
     * laps, the leaderboard and the replay's boxes.
     */
    @Test
    void anObjectAvoidanceRaceCountsCollisions() throws Exception {
        start();
        t.client.postJson("/api/leagues", "admin-secret", Map.of("id", "oa", "race_type", "OBJECT_AVOIDANCE",
                "laps", 1, "ranking", "total_time", "time_limit", 60)).orThrow();
        String token = t.register("Boxer");
        String id = t.client.submit("oa", token, "pp", TestModels.laneKeeperArchive(1.2)).orThrow().path("id").asText();
        JsonNode done = t.client.await(id, token, Duration.ofSeconds(60));
        assertEquals("done", done.path("status").asText(), done.toString());
        JsonNode result = done.path("result");
        int crashes = result.path("crashes").asInt();
        assertEquals(6, crashes, "the centre line meets each box once: " + result);
        int lapCrashes = 0;
        for (JsonNode lap : result.path("laps")) {
            lapCrashes += lap.path("crashes").asInt();
        }
        assertEquals(crashes, lapCrashes, result.toString());
        assertTrue(result.path("completed").asBoolean(), "put back after each crash, it finishes: " + result);

        JsonNode entry = t.client.leaderboard("oa").orThrow().path("entries").path(0);
        assertEquals(crashes, entry.path("crashes").asInt(), entry.toString());
        JsonNode board = t.client.leaderboard("oa").orThrow();
        assertEquals("OBJECT_AVOIDANCE", board.path("league").path("race_type").asText());
        JsonNode replay = t.client.get("/api/leagues/oa/leaderboard/" + entry.path("racer_id").asText() + "/replay",
                null).orThrow();
        assertEquals(6, replay.path("objects").size(), replay.path("objects").toString());
        assertEquals(0.5, replay.path("objects").path(0).path("length").asDouble(), 1e-9);

        // the same model in the time trial: no collision, and a faster total
        String tt = t.client.submit("default", token, "pp", TestModels.laneKeeperArchive(1.2)).orThrow().path("id").asText();
        JsonNode ttDone = t.client.await(tt, token, Duration.ofSeconds(60));
        assertEquals(0, ttDone.path("result").path("crashes").asInt(), ttDone.toString());
        long extra = result.path("total_ms").asLong() - ttDone.path("result").path("total_ms").asLong();
        assertTrue(extra >= 6 * 5_000, "six 5 s collision penalties (and the put-backs 1 m behind): " + extra + " ms");
        JsonNode ttReplay = t.client.get("/api/leagues/default/leaderboard/" + entry.path("racer_id").asText()
                + "/replay", null).orThrow();
        assertEquals(0, ttReplay.path("objects").size());
    }

    /** A database made by the first schema (leagues and races before race types) opens migrated: time trials. */
    @Test
    void aVersion1DatabaseIsMigratedAndItsLeaguesAreTimeTrials() throws Exception {
        String url = dbUrl(tmp.resolve("data"));
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO leagues (id, name, track_id, laps, offtrack_penalty_ms, max_resets, ranking,"
                    + " time_limit_s, created_at) VALUES ('old', 'Old', 'reinvent_base', 2, 2000, -1, 'TOTAL_TIME', 60, 1)");
            s.executeUpdate("INSERT INTO racers (id, name, token_salt, token_hash, created_at)"
                    + " VALUES ('abc', 'Olga', 's', 'h', 1)");
            s.executeUpdate("INSERT INTO submissions (id, league_id, racer_id, model_name, archive_sha256, archive_bytes,"
                    + " status, attempts, created_at, finished_at, completed, score_ms, best_lap_ms, total_ms, laps_done,"
                    + " offtracks, resets, end_reason, laps_json) VALUES ('s1', 'old', 'abc', 'm', 'x', 1, 'done', 1, 1, 2,"
                    + " 1, 20000, 10000, 20000, 2, 1, 1, 'finished', '[{\"lap\":1,\"timeMs\":10000,\"offtracks\":1,"
                    + "\"completed\":true,\"progress\":100.0},{\"lap\":2,\"timeMs\":10000,\"offtracks\":0,"
                    + "\"completed\":true,\"progress\":100.0}]')");
        }
        try (Database db = Database.open(url, 2)) {
            Store store = new Store(db);
            LeagueRules r = store.getLeague("old").orElseThrow().rules();
            assertEquals(new LeagueRules("reinvent_base", 2, 2000, -1, RankingRule.TOTAL_TIME, 60), r);
            assertEquals(RaceType.TIME_TRIAL, r.raceType());
            assertEquals(LeagueRules.DEFAULT_COLLISION_PENALTY_MS, r.collisionPenaltyMs());
            Store.Submission s = store.getSubmission("s1").orElseThrow();
            assertEquals(0, s.crashes());
            assertEquals(2, s.laps().size(), "the old laps read without a crash count");
            assertEquals(0, s.laps().get(0).crashes());
            assertEquals(1, s.laps().get(0).offtracks());
            Store.BoardEntry e = store.leaderboard("old", 10).getFirst();
            assertEquals(0, e.crashes());
            assertEquals(20000, e.scoreMs());
            assertNull(store.getSubmission("nope").orElse(null));
        }
    }
}
