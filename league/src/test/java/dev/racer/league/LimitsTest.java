package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.track.TrackLibrary;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-racer rate limits, the pending cap and the evaluation time limit. */
class LimitsTest {
    @TempDir
    Path tmp;

    @Test
    void uploadsPerMinuteAreLimitedPerRacer() throws Exception {
        try (TestServer t = new TestServer(TestServer.config(tmp.resolve("data"), null).withRateLimits(3, 100))) {
            String a = t.register("eager");
            String b = t.register("patient");
            for (int i = 0; i < 3; i++) {
                assertEquals(202, t.client.submit("default", a, "m" + i, TestModels.archive(1.5)).status());
            }
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(t.server.url() + "/api/leagues/default/submissions?name=m4"))
                    .header("Authorization", "Bearer " + a).header("Content-Type", "application/zip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestModels.archive(1.5))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(429, r.statusCode());
            assertTrue(r.body().contains("at most 3 a minute"), r.body());
            assertNotNull(r.headers().firstValue("Retry-After").orElse(null));
            assertEquals(202, t.client.submit("default", b, "other", TestModels.archive(1.5)).status(),
                    "another racer is not held back");
        }
    }

    @Test
    void waitingSubmissionsAreCappedPerRacer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RaceRunner blocked = (dir, rules, trace, deadline) -> {
            release.await();
            throw new IllegalArgumentException("not raced in this test");
        };
        LeagueConfig cfg = TestServer.config(tmp.resolve("data"), null).withRateLimits(100, 2).withWorkers(1);
        try (LeagueServer s = LeagueServer.start(cfg, TrackLibrary.standard(), blocked)) {
            LeagueClient c = new LeagueClient(s.url());
            String tok = c.register("hog").orThrow().path("token").asText();
            assertEquals(202, c.submit("default", tok, "one", TestModels.archive(1.5)).status());
            assertEquals(202, c.submit("default", tok, "two", TestModels.archive(1.5)).status());
            LeagueClient.Reply third = c.submit("default", tok, "three", TestModels.archive(1.5));
            assertEquals(429, third.status());
            assertTrue(third.error().contains("waiting or racing"), third.error());
            release.countDown();
        }
    }

    @Test
    void anEvaluationPastTheTimeLimitFailsWithAMessage() throws Exception {
        LeagueRules d = LeagueRules.DEFAULT;
        LeagueConfig cfg = TestServer.config(tmp.resolve("data"), null).withDefaultLeague(new LeagueConfig.LeagueSpec(
                "default", "Slow", new LeagueRules(d.trackId(), 3, d.offtrackPenaltyMs(), d.maxResets(), d.ranking(), 1)));
        System.setProperty("racer.test.stepDelayMs", "10"); // about 5 s for 3 laps: past the 1 s limit
        try (TestServer t = new TestServer(cfg)) {
            String tok = t.register("snail");
            JsonNode s = t.submitAndWait(tok, "slow", TestModels.archive(1.5));
            assertEquals("failed", s.path("status").asText(), s.toString());
            assertTrue(s.path("error").asText().contains("time limit of 1 s"), s.toString());
            assertEquals(0, t.client.leaderboard("default").orThrow().path("entries").size());
            assertEquals("ok", t.client.get("/api/health", null).orThrow().path("status").asText());
        } finally {
            System.clearProperty("racer.test.stepDelayMs");
        }
    }
}
