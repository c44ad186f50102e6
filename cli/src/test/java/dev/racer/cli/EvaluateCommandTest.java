package dev.racer.cli;

import dev.racer.io.Jsons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.trace.SimTraceReader;
import dev.racer.trace.SimTraceRow;
import dev.racer.trace.SimTraceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    @Test
    void purePursuitTimeTrialWithEveryOutput(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.csv"), json = dir.resolve("out/result.json"), png = dir.resolve("laps.png");
        CliRun run = CliRun.of("evaluate", "--driver", "pure-pursuit", "--track", "reinvent_base", "--laps", "2",
                "--ranking", "total_time", "--trace", trace.toString(), "--json", json.toString(), "--png",
                png.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Time trial: pure-pursuit on reinvent_base"), run.out());
        assertTrue(run.out().contains("  Lap      Time   Steps"), run.out());
        assertTrue(run.out().contains("Finished: 2/2 laps"), run.out());
        assertTrue(run.out().contains("Score (total_time): "), run.out());

        JsonNode root = Jsons.mapper().readTree(json.toFile());
        JsonNode result = root.get("result");
        assertEquals("FINISHED", result.get("status").asText());
        assertEquals(2, result.get("laps").size());
        assertEquals("TOTAL_TIME", result.get("config").get("ranking").asText());
        assertEquals(result.get("totalTimeMs").asLong(), result.get("score").asLong());
        assertEquals(result.get("elapsedMs").asLong(), result.get("totalTimeMs").asLong());

        var t = SimTraceReader.read(trace);
        assertEquals(SimTraceWriter.COLUMNS, t.header());
        assertEquals(result.get("steps").asInt(), t.rows().size());
        SimTraceRow last = t.rows().get(t.rows().size() - 1);
        assertEquals(1, last.episode());
        assertEquals("lap_complete", last.episodeStatus());
        assertEquals(result.get("elapsedMs").asLong() / 1000.0, last.tstamp(), 0.001);

        var img = ImageIO.read(png.toFile());
        assertEquals(1600, img.getWidth());
    }

    @Test
    void rulesFromJsonAndOptions(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.json");
        Files.writeString(rules, "{\"laps\": 1, \"offTrackPenalty\": 5, \"maxResets\": 0}");
        Path json = dir.resolve("r.json");
        CliRun run = CliRun.of("evaluate", "--driver", "pure-pursuit", "--track", "Oval_track", "--rules",
                rules.toString(), "--offtrack-penalty", "3", "--reversed", "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode cfg = Jsons.mapper().readTree(json.toFile()).get("result").get("config");
        assertEquals(1, cfg.get("laps").asInt());
        assertEquals(3.0, cfg.get("offTrackPenalty").asDouble());
        assertEquals(0, cfg.get("maxResets").asInt());
        assertTrue(run.out().contains("Oval_track reversed"), run.out());

        Files.writeString(rules, "{\"lapz\": 1}");
        CliRun bad = CliRun.of("evaluate", "--driver", "pure-pursuit", "--track", "Oval_track", "--rules", rules.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("not valid time-trial rules"), bad.err());
    }

    @Test
    void modelFoldersOpenThroughTheDriverProvider(@TempDir Path dir) throws Exception {
        Path model = Files.createDirectories(dir.resolve("my-model"));
        Files.writeString(model.resolve("test-model.txt"), "weights");
        Path trace = dir.resolve("t.csv");
        CliRun run = CliRun.of("evaluate", model.toString(), "--track", "reinvent_base", "--laps", "1",
                "--trace", trace.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Time trial: test-model on reinvent_base"), run.out());
        assertTrue(SimTraceReader.read(trace).rows().stream().allMatch(r -> r.action() == 2));

        Files.writeString(model.resolve("test-model.txt"), "");
        CliRun broken = CliRun.of("evaluate", model.toString(), "--track", "reinvent_base");
        assertEquals(2, broken.exitCode());
        assertTrue(broken.err().contains("empty model file"), broken.err());
    }

    @Test
    void helpQuotesTheDefaultRules() {
        var d = dev.racer.race.TimeTrialConfig.DEFAULT;
        String help = CliRun.of("evaluate", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("laps (default: " + d.laps() + ")"), help);
        assertTrue(help.contains("off track (default: " + d.offTrackPenalty() + ")"), help);
        assertTrue(help.contains("(default: " + d.ranking().key() + ")"), help);
        assertTrue(help.contains("(default: " + d.onStuck().name().toLowerCase() + ")"), help);
        assertTrue(d.unlimitedResets() && help.contains("(default: unlimited)"), help);
    }

    @Test
    void clearErrors(@TempDir Path dir) {
        CliRun neither = CliRun.of("evaluate", "--track", "reinvent_base");
        assertEquals(2, neither.exitCode());
        assertTrue(neither.err().contains("give a model folder"), neither.err());

        CliRun unknown = CliRun.of("evaluate", "--driver", "magic", "--track", "reinvent_base");
        assertTrue(unknown.err().contains("unknown driver \"magic\""), unknown.err());

        CliRun noModel = CliRun.of("evaluate", dir.resolve("nope").toString(), "--track", "reinvent_base");
        assertTrue(noModel.err().contains("no such model folder"), noModel.err());

        CliRun notAModel = CliRun.of("evaluate", dir.toString(), "--track", "reinvent_base");
        assertEquals(2, notAModel.exitCode());
        assertTrue(notAModel.err().contains("not a model folder"), notAModel.err());

        CliRun badRanking = CliRun.of("evaluate", "--driver", "pure-pursuit", "--track", "reinvent_base",
                "--ranking", "fastest");
        assertTrue(badRanking.err().contains("unknown ranking \"fastest\""), badRanking.err());

        CliRun badTrack = CliRun.of("evaluate", "--driver", "pure-pursuit", "--track", "nowhere");
        assertTrue(badTrack.err().contains("no track \"nowhere\""), badTrack.err());

        CliRun resets = CliRun.of("evaluate", "--driver", "pure-pursuit", "--track", "reinvent_base",
                "--max-resets", "-3");
        assertTrue(resets.err().contains("--max-resets must be >= 0"), resets.err());
    }
}
