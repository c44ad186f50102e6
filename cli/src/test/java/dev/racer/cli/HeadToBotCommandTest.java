package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.io.Jsons;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --race-type HEAD_TO_BOT} through evaluate, train (stored in the model folder, fixed on --resume) and bench. */
class HeadToBotCommandTest {

    @Test
    void evaluateReportsTheBotsAndTheCrashesPerLap(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        CliRun run = CliRun.of("evaluate", "--driver", "pure-pursuit", "--track", "reinvent_base", "--laps", "2",
                "--race-type", "HEAD_TO_BOT", "--bot-lane-change", "--json", json.toString(), "--no-model-log");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Head-to-bot: pure-pursuit on reinvent_base"), run.out());
        assertTrue(run.out().contains("Race type HEAD_TO_BOT (3 bot cars at 0.2 m/s, lane changes on): crashes per"
                + " lap "), run.out());
        assertTrue(run.out().contains("collision penalty 5 s"), run.out());
        JsonNode root = Jsons.mapper().readTree(json.toFile());
        assertEquals("HEAD_TO_BOT", root.get("raceType").asText());
        assertEquals(3, root.get("bots").get("count").asInt());
        assertEquals(0.2, root.get("bots").get("speed").asDouble(), 0);
        assertTrue(root.get("bots").get("laneChange").asBoolean());
        JsonNode laps = root.get("result").get("laps");
        int crashes = 0;
        for (JsonNode l : laps) {
            assertTrue(l.has("crashes"), l.toString());
            crashes += l.get("crashes").asInt();
        }
        assertEquals((double) crashes / laps.size(), root.get("crashesPerLap").asDouble(), 1e-12);

        CliRun tt = CliRun.of("evaluate", "--driver", "pure-pursuit", "--track", "reinvent_base", "--laps", "1",
                "--json", json.toString(), "--no-model-log");
        assertEquals(0, tt.exitCode(), tt.err());
        assertFalse(tt.out().contains("Race type"), tt.out());
        JsonNode t = Jsons.mapper().readTree(json.toFile());
        assertEquals("TIME_TRIAL", t.get("raceType").asText());
        assertTrue(t.get("bots").isNull() && t.get("crashesPerLap").isNull(), t.toString());
    }

    @Test
    void badBotFlagsOnEvaluateAndTrain(@TempDir Path dir) {
        CliRun fast = CliRun.of("evaluate", "--driver", "pure-pursuit", "--track", "reinvent_base",
                "--bot-speed", "4.5");
        assertEquals(2, fast.exitCode(), fast.err());
        assertTrue(fast.err().contains("--bot-speed 4.5 m/s is faster than the car's top speed 4.0 m/s"), fast.err());
        CliRun many = CliRun.of("train", "--track", "reinvent_base", "--reward", "center_line", "--out",
                dir.resolve("m").toString(), "--steps", "100", "--bots", "9");
        assertEquals(2, many.exitCode(), many.err());
        assertTrue(many.err().contains("--bots 9: track reinvent_base (17.71 m) holds at most 8 bot cars"), many.err());
        CliRun neg = CliRun.of("train", "--track", "reinvent_base", "--reward", "center_line", "--out",
                dir.resolve("m").toString(), "--steps", "100", "--bots", "-2");
        assertTrue(neg.err().contains("--bots must be >= 0, got -2"), neg.err());
    }

    @Test
    @Tag("slow")
    void theBotSettingsAreStoredInTheModelFolderAndFixedOnResume(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("h2b");
        CliRun train = CliRun.of("train", "--track", "reinvent_base", "--reward", "center_line", "--out",
                out.toString(), "--steps", "300", "--workers", "1", "--quiet", "--race-type", "HEAD_TO_BOT",
                "--bots", "2", "--bot-speed", "0.3", "--bot-lane-change");
        assertEquals(0, train.exitCode(), train.err());
        JsonNode params = Jsons.mapper().readTree(out.resolve("training_params.json").toFile());
        assertEquals("HEAD_TO_BOT", params.get("race_type").asText());
        assertEquals(2, params.get("number_of_bot_cars").asInt());
        JsonNode bots = params.get("env").get("bots");
        assertEquals(2, bots.get("count").asInt());
        assertEquals(0.3, bots.get("speed").asDouble(), 0);
        assertTrue(bots.get("laneChange").asBoolean());
        assertEquals(dev.racer.multi.BotConfig.of(2, 0.3, true),
                dev.racer.trainer.Trainer.storedEnv(new dev.racer.model.ModelFolder(out)).bots());

        CliRun resume = CliRun.of("train", "--track", "reinvent_base", "--reward", "center_line", "--out",
                out.toString(), "--steps", "600", "--workers", "1", "--quiet", "--resume", "--bots", "3");
        assertEquals(2, resume.exitCode(), resume.err());
        assertTrue(resume.err().contains("--race-type and the object and bot flags are fixed when a model is first"
                + " trained"), resume.err());

        // evaluate races the stored bots unless told otherwise
        Path json = dir.resolve("e.json");
        CliRun eval = CliRun.of("evaluate", out.toString(), "--track", "reinvent_base", "--laps", "1", "--json",
                json.toString(), "--no-model-log", "--time-limit", "20");
        assertEquals(0, eval.exitCode(), eval.err());
        JsonNode e = Jsons.mapper().readTree(json.toFile());
        assertEquals("HEAD_TO_BOT", e.get("raceType").asText());
        assertEquals(2, e.get("bots").get("count").asInt());
        assertEquals(0.3, e.get("bots").get("speed").asDouble(), 0);
        CliRun one = CliRun.of("evaluate", out.toString(), "--track", "reinvent_base", "--laps", "1", "--json",
                json.toString(), "--no-model-log", "--time-limit", "20", "--bots", "1");
        assertEquals(0, one.exitCode(), one.err());
        JsonNode o = Jsons.mapper().readTree(json.toFile()).get("bots");
        assertEquals(1, o.get("count").asInt());
        assertEquals(0.3, o.get("speed").asDouble(), 0, "the stored speed, the count from the flag");
    }

    @Test
    void benchEnvWithBots() {
        CliRun r = CliRun.of("bench", "env", "--bots", "3", "--bot-lane-change", "--seconds", "0.2", "--warmup", "0.1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("1 car + 3 bot cars changing lanes") && r.out().contains("steps/s"), r.out());
        CliRun both = CliRun.of("bench", "env", "--bots", "3", "--objects", "2");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("two race types"), both.err());
    }
}
