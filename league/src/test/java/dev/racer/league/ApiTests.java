package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The league's HTTP API against a real server on loopback; run on SQLite and on PostgreSQL by subclasses. */
abstract class ApiTests extends LeagueServerSuite {
    ApiTests(TestDatabase database) {
        super(database);
    }

    @BeforeEach
    void start() throws Exception {
        t = new TestServer(TestServer.config(tmp.resolve("data"), dbUrl(tmp.resolve("data"))));
    }

    @Test
    void aSubmittedModelIsRacedAndRankedWithItsLapTimes() throws Exception {
        LeagueClient.Reply reg = t.client.register("Ada");
        assertEquals(201, reg.status(), reg.body().toString());
        String token = reg.body().path("token").asText();
        assertTrue(token.startsWith("rt_"), token);

        LeagueClient.Reply sub = t.client.submit("default", token, "ada-v1", TestModels.trainedArchive("clipped_ppo"));
        assertEquals(202, sub.status(), sub.body().toString());
        assertEquals("queued", sub.body().path("status").asText());
        JsonNode done = t.client.await(sub.body().path("id").asText(), token, java.time.Duration.ofSeconds(60));
        assertEquals("done", done.path("status").asText(), done.toString());
        JsonNode result = done.path("result");
        assertTrue(result.path("completed").asBoolean(), result.toString());
        assertEquals(1, result.path("laps_completed").asInt());
        long lapMs = result.path("laps").path(0).path("time_ms").asLong();
        assertTrue(lapMs > 5_000 && lapMs < 180_000, "lap time " + lapMs);
        assertEquals(result.path("total_ms").asLong(), result.path("score_ms").asLong(), "ranked by total time");

        JsonNode board = t.client.leaderboard("default").orThrow();
        assertEquals(1, board.path("entries").size());
        JsonNode e = board.path("entries").path(0);
        assertEquals(1, e.path("rank").asInt());
        assertEquals("Ada", e.path("racer").asText());
        assertEquals("ada-v1", e.path("model").asText());
        assertEquals(lapMs, e.path("lap_times_ms").path(0).asLong());

        JsonNode replay = t.client.get("/api/leagues/default/leaderboard/" + e.path("racer_id").asText() + "/replay", null).orThrow();
        assertEquals(1, replay.path("laps").size());
        assertTrue(replay.path("laps").path(0).path("points").size() > 50);
        JsonNode track = t.client.get("/api/leagues/default/track", null).orThrow();
        assertEquals("reinvent_base", track.path("id").asText());
        assertTrue(track.path("inner").size() > 10 && track.path("outer").size() == track.path("inner").size());

        var http = java.net.http.HttpClient.newHttpClient();
        var csv = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.server.url() + "/api/submissions/"
                + done.path("id").asText() + "/trace")).header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith(String.join(",", dev.racer.trace.SimTraceWriter.COLUMNS) + "\n"),
                "DeepRacer's sim-trace columns: " + csv.body().substring(0, 200));
    }

    @Test
    void aDqnModelInDl4jFormatIsRacedToo() throws Exception {
        String token = t.register("Dee");
        JsonNode done = t.submitAndWait(token, "dqn", TestModels.trainedArchive("dqn"));
        assertEquals("done", done.path("status").asText(), done.toString());
        assertEquals(1, done.path("result").path("laps").size(), done.toString());
    }

    /** Pure-pursuit test models at chosen speeds: the faster ranks first, and a racer's best counts. */
    @Test
    void aRacersRankIsTheirBestSubmissionAndFasterRanksFirst() throws Exception {
        String a = t.register("slow racer");
        String b = t.register("fast racer");
        assertEquals("done", t.submitAndWait(a, "a-slow", TestModels.archive(1.0)).path("status").asText());
        assertEquals("done", t.submitAndWait(b, "b-medium", TestModels.archive(1.3)).path("status").asText());
        assertEquals("done", t.submitAndWait(a, "a-fast", TestModels.archive(1.8)).path("status").asText());
        JsonNode entries = t.client.leaderboard("default").orThrow().path("entries");
        assertEquals(2, entries.size(), entries.toString());
        assertEquals("slow racer", entries.path(0).path("racer").asText());
        assertEquals("a-fast", entries.path(0).path("model").asText());
        assertEquals(2, entries.path(0).path("submissions").asInt());
        assertEquals("fast racer", entries.path(1).path("racer").asText());
        assertTrue(entries.path(0).path("score_ms").asLong() < entries.path(1).path("score_ms").asLong());
    }

    @Test
    void tokensGuardSubmissions() throws Exception {
        String a = t.register("alice");
        String b = t.register("bob");
        String id = t.client.submit("default", a, "m", TestModels.archive(1.5)).orThrow().path("id").asText();
        LeagueClient.Reply other = t.client.submission(id, b);
        assertEquals(403, other.status());
        assertTrue(other.error().contains("another racer"), other.error());
        assertEquals(403, t.client.get("/api/submissions/" + id + "/trace", b).status());
        assertEquals(401, t.client.submission(id, null).status());
        assertEquals(401, t.client.submission(id, "rt_0123456789abcdef_forged").status());
        assertEquals(401, t.client.submission(id, a + "x").status());
        assertEquals(401, t.client.submit("default", "nonsense", "m", TestModels.archive(1.5)).status());
        assertEquals(404, t.client.submission("s00000000", a).status());
        JsonNode mine = t.client.get("/api/submissions", b).orThrow();
        assertEquals(0, mine.path("submissions").size(), "bob sees none of alice's submissions");
        assertEquals(200, t.client.submission(id, a).status());
    }

    @Test
    void registrationAndLeagues() throws Exception {
        assertEquals(201, t.client.register("carol").status());
        LeagueClient.Reply dup = t.client.register("carol");
        assertEquals(409, dup.status());
        assertTrue(dup.error().contains("taken"));
        assertEquals(400, t.client.postBytes("/api/racers", null, "application/json", "{oops".getBytes()).status());
        assertEquals(400, t.client.postJson("/api/racers", null, Map.of("name", "")).status());
        assertEquals(400, t.client.postJson("/api/racers", null, Map.of("name", "bell\u0007")).status());

        Map<String, Object> spec = Map.of("id", "sprint", "name", "Sprint", "track", "reinvent_base", "laps", 2,
                "ranking", "best_lap_time", "offtrack_penalty", 3);
        assertEquals(401, t.client.postJson("/api/leagues", null, spec).status());
        assertEquals(401, t.client.postJson("/api/leagues", "wrong", spec).status());
        LeagueClient.Reply created = t.client.postJson("/api/leagues", "admin-secret", spec);
        assertEquals(201, created.status(), created.body().toString());
        assertEquals("best_lap_time", created.body().path("ranking").asText());
        assertEquals(3.0, created.body().path("offtrack_penalty").asDouble());
        assertEquals(409, t.client.postJson("/api/leagues", "admin-secret", spec).status());
        LeagueClient.Reply badTrack = t.client.postJson("/api/leagues", "admin-secret", Map.of("id", "x", "track", "nowhere"));
        assertEquals(400, badTrack.status());
        assertTrue(badTrack.error().contains("no track"), badTrack.error());
        JsonNode leagues = t.client.get("/api/leagues", null).orThrow().path("leagues");
        assertEquals(2, leagues.size());
        assertEquals(404, t.client.leaderboard("nope").status());
        LeagueClient.Reply unknown = t.client.get("/api/nothing-here", null);
        assertEquals(404, unknown.status());
        assertFalse(unknown.error().isEmpty());

        // a submission to the second league is raced under its rules (2 laps, best lap)
        String tok = t.client.register("dave").orThrow().path("token").asText();
        String id = t.client.submit("sprint", tok, "d", TestModels.archive(1.6)).orThrow().path("id").asText();
        JsonNode done = t.client.await(id, tok, java.time.Duration.ofSeconds(60));
        assertEquals(2, done.path("result").path("laps_completed").asInt(), done.toString());
        assertEquals(done.path("result").path("best_lap_ms").asLong(), done.path("result").path("score_ms").asLong());
    }

    @Test
    void requestsBindStrictlyAndErrorsNameTheField() throws Exception {
        Map<String, Object> badLaps = Map.of("id", "strict", "laps", "abc");
        LeagueClient.Reply r = t.client.postJson("/api/leagues", "admin-secret", badLaps);
        assertEquals(400, r.status(), r.body().toString());
        assertEquals("laps", r.body().path("field").asText(), r.body().toString());
        assertTrue(r.error().contains("\"laps\"") && r.error().contains("whole number"), r.error());
        LeagueClient.Reply penalty = t.client.postJson("/api/leagues", "admin-secret",
                Map.of("id", "strict", "offtrack_penalty", "lots"));
        assertEquals(400, penalty.status());
        assertEquals("offtrack_penalty", penalty.body().path("field").asText(), penalty.body().toString());
        LeagueClient.Reply camel = t.client.postJson("/api/leagues", "admin-secret", Map.of("id", "strict", "maxResets", 2));
        assertEquals(400, camel.status(), "camelCase is not the wire's spelling");
        assertTrue(camel.error().contains("maxResets") && camel.error().contains("unknown"), camel.error());
        LeagueClient.Reply ranking = t.client.postJson("/api/leagues", "admin-secret", Map.of("id", "strict", "ranking", "vibes"));
        assertEquals(400, ranking.status());
        LeagueClient.Reply limit = t.client.get("/api/leagues/default/leaderboard?limit=abc", null);
        assertEquals(400, limit.status());
        assertEquals("limit", limit.body().path("field").asText());
        assertEquals(400, t.client.postJson("/api/racers", null, Map.of("name", 42)).status());
        assertEquals(400, t.client.postJson("/api/racers", null, Map.of()).status());
        assertEquals(404, t.client.get("/api/leagues/strict", null).status(), "no league was created by a bad request");
    }

    @Test
    void theHealthEndpointCountsTheQueue() throws Exception {
        JsonNode h = t.client.get("/api/health", null).orThrow();
        assertEquals("ok", h.path("status").asText());
        assertEquals(0, h.path("submissions").path("queued").asInt());
    }

    @Test
    void thePageIsServed() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.server.url() + "/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<canvas"), r.body());
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"),
                r.headers().toString());
        var js = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.server.url() + "/app.js")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, js.statusCode());
        assertFalse(js.body().contains("innerHTML"), "the page never writes HTML from strings");
    }
}
