package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A league server in a child process is killed with SIGKILL while it races a submission; a new server on the same
 * database and data folder races the submission again, to the end. Nothing accepted is lost.
 */
class KillRestartTest {
    @TempDir
    Path tmp;

    @Test
    void aSubmissionRunningWhenTheServerIsKilledFinishesAfterRestart() throws Exception {
        Path data = tmp.resolve("data");
        Process first = startServer(data);
        Process second = null;
        try {
            LeagueClient c = new LeagueClient("http://127.0.0.1:" + port(first));
            String token = c.register("phoenix").orThrow().path("token").asText();
            String id = c.submit("default", token, "survivor", TestModels.archive(1.5)).orThrow().path("id").asText();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!c.submission(id, token).orThrow().path("status").asText().equals("running")) {
                assertTrue(System.nanoTime() < end, "the submission never started");
                Thread.sleep(50);
            }
            Thread.sleep(500); // well into the race (about 3 s with the slowed driver)
            assertEquals("running", c.submission(id, token).orThrow().path("status").asText());
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));

            second = startServer(data);
            LeagueClient c2 = new LeagueClient("http://127.0.0.1:" + port(second));
            JsonNode s = c2.await(id, token, Duration.ofSeconds(60));
            assertEquals("done", s.path("status").asText(), s.toString());
            assertEquals(2, s.path("attempts").asInt(), "raced once before the kill and once after");
            assertTrue(s.path("result").path("completed").asBoolean(), s.toString());
            JsonNode board = c2.leaderboard("default").orThrow().path("entries");
            assertEquals("survivor", board.path(0).path("model").asText());
            try (var files = Files.list(data.resolve("traces"))) {
                assertEquals(List.of(id + ".csv"), files.map(p -> p.getFileName().toString()).toList(),
                        "one complete trace, no half-written one");
            }
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    /**
     * A head-to-model heat whose server is killed mid-race is raced again after the restart and counted once: one
     * heat, each car's heats and the ratings' sum as if it had run once, one trace per car.
     */
    @Test
    void aHeatRunningWhenTheServerIsKilledIsRacedAgainAndCountedOnce() throws Exception {
        Path data = tmp.resolve("data");
        Process first = startServer(data, "--race-type", "HEAD_TO_MODEL");
        Process second = null;
        try {
            LeagueClient c = new LeagueClient("http://127.0.0.1:" + port(first));
            String ta = c.register("alma").orThrow().path("token").asText();
            String a = c.submit("default", ta, "a", TestModels.archive(2.0)).orThrow().path("id").asText();
            assertEquals("done", c.await(a, ta, Duration.ofSeconds(60)).path("status").asText());
            String tb = c.register("bruno").orThrow().path("token").asText();
            String b = c.submit("default", tb, "b", TestModels.archive(1.5)).orThrow().path("id").asText();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!c.submission(b, tb).orThrow().path("status").asText().equals("running")) {
                assertTrue(System.nanoTime() < end, "the heat never started");
                Thread.sleep(50);
            }
            Thread.sleep(1000); // well into the heat (about 5 s with the slowed drivers)
            assertEquals("running", c.submission(b, tb).orThrow().path("status").asText());
            first.destroyForcibly();
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));

            second = startServer(data, "--race-type", "HEAD_TO_MODEL");
            LeagueClient c2 = new LeagueClient("http://127.0.0.1:" + port(second));
            JsonNode s = c2.await(b, tb, Duration.ofSeconds(60));
            assertEquals("done", s.path("status").asText(), s.toString());
            assertEquals(2, s.path("attempts").asInt(), "raced once before the kill and once after");
            JsonNode heats = c2.get("/api/leagues/default/heats", null).orThrow().path("heats");
            assertEquals(2, heats.size(), "a's heat alone and b's heat, once: " + heats);
            assertEquals(2, heats.path(0).path("cars").size());
            JsonNode standings = c2.leaderboard("default").orThrow().path("standings");
            int raced = 0;
            double sum = 0;
            for (JsonNode e : standings) {
                raced += e.path("heats").asInt();
                sum += e.path("rating").asDouble();
            }
            assertEquals(3, raced, "a raced 2 heats, b 1: " + standings);
            assertEquals(2 * Ratings.INITIAL, sum, 0.2, standings.toString());
            try (var files = Files.list(data.resolve("traces").resolve("heats").resolve(b))) {
                assertEquals(2, files.count(), "one complete trace per car");
            }
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    private static Process startServer(Path data, String... more) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dracer.test.stepDelayMs=15", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), LeagueMain.class.getName(),
                "--data", data.toString(), "--port", "0", "--workers", "1", "--lease-ms", "60000", "--laps", "1"));
        cmd.addAll(List.of(more));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return p;
    }

    /** Reads the child's output until it says which port it listens on. */
    private static int port(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; System.nanoTime() < end && (line = r.readLine()) != null; ) {
            if (line.startsWith("listening ")) {
                int port = Integer.parseInt(line.substring(10).trim());
                Thread drain = new Thread(() -> {
                    try {
                        r.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // the child is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return port;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the league server did not start:\n" + seen);
    }
}
