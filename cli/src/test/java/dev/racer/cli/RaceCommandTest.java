package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.car.CarSpec;
import dev.racer.io.Jsons;
import dev.racer.trace.SimTraceReader;
import dev.racer.view.ReplaySource;
import dev.racer.view.TraceCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code racer race} with the test provider's model folders (each a centre-line follower). */
class RaceCommandTest {

    private static Path model(Path dir, String name) throws Exception {
        Path m = Files.createDirectories(dir.resolve(name));
        Files.writeString(m.resolve("test-model.txt"), "weights");
        return m;
    }

    @Test
    void twoModelsRaceWithStandingsJsonAndATracePerCarThatTheViewerReplays(@TempDir Path dir) throws Exception {
        Path a = model(dir, "alpha"), b = model(dir, "beta");
        Path json = dir.resolve("out/race.json"), traces = dir.resolve("traces");
        CliRun run = CliRun.of("race", a.toString(), b.toString(), "--track", "reinvent_base", "--laps", "2",
                "--seed", "4", "--json", json.toString(), "--trace-dir", traces.toString());
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("Head-to-model race: 2 cars on reinvent_base"), out);
        assertTrue(out.contains("  Rank  Grid  Model"), out);
        assertTrue(out.contains(" alpha ") && out.contains(" beta "), out);
        assertTrue(out.contains("racer view --track reinvent_base --replay " + traces), out);

        JsonNode root = Jsons.mapper().readTree(json.toFile());
        assertEquals("racer-head-to-model/1", root.get("kind").asText());
        JsonNode standings = root.get("standings");
        assertEquals(2, standings.size());
        for (int i = 0; i < 2; i++) {
            JsonNode s = standings.get(i);
            assertEquals(i + 1, s.get("rank").asInt());
            assertTrue(s.get("finished").asBoolean(), s.toString());
            assertEquals(2, s.get("lapTimes").size());
            assertTrue(out.contains(String.format(java.util.Locale.ROOT, "%.3f s", s.get("time").asDouble())), out);
        }

        // one trace per car, named after its folder; racer view --replay DIR reads them as a race of two cars
        assertTrue(Files.isRegularFile(traces.resolve("alpha.csv")) && Files.isRegularFile(traces.resolve("beta.csv")));
        List<ReplaySource.Car> cars = TraceCsv.cars(List.of(traces), CarSpec.DEFAULT.frontPointOffset());
        assertEquals(List.of("alpha", "beta"), cars.stream().map(ReplaySource.Car::name).toList());
        int longest = Math.max(cars.get(0).frames().size(), cars.get(1).frames().size());
        assertEquals(root.get("steps").asInt() + 1, longest);
        assertTrue(SimTraceReader.read(traces.resolve("alpha.csv")).rows().stream().skip(1)
                .filter(r -> r.episodeStatus().equals("in_progress")).allMatch(r -> r.action() == 2),
                "the action column is the driver's");
    }

    @Test
    void sameSeedSameStandings(@TempDir Path dir) throws Exception {
        Path a = model(dir, "a"), b = model(dir, "b"), c = model(dir, "c");
        JsonNode[] s = new JsonNode[2];
        Path traces = dir.resolve("traces");
        for (int i = 0; i < 2; i++) {
            Path json = dir.resolve("r" + i + ".json");
            CliRun run = CliRun.of("race", a.toString(), b.toString(), c.toString(), "--track", "reinvent_base",
                    "--laps", "1", "--seed", "9", "--bots", "1", "--bot-lane-change", "--json", json.toString(),
                    "--trace-dir", traces.resolve("" + i).toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("1 bot cars at 0.2 m/s, changing lanes"), run.out());
            assertTrue(run.out().contains("--replay " + traces.resolve("" + i) + " --replay "
                    + traces.resolve(i + "/bots")), run.out());
            s[i] = Jsons.mapper().readTree(json.toFile()).get("standings");
        }
        assertEquals(s[0], s[1]);
        // the cars' folder, then the bots': the replay lists the models first (the camera follows car 1)
        List<ReplaySource.Car> cars = TraceCsv.cars(List.of(traces.resolve("0"), traces.resolve("0/bots")),
                CarSpec.DEFAULT.frontPointOffset());
        assertEquals(List.of("a", "b", "c", "bot-0"), cars.stream().map(ReplaySource.Car::name).toList());
        assertEquals(Files.readAllLines(traces.resolve("0/a.csv")), Files.readAllLines(traces.resolve("1/a.csv")));
    }

    @Test
    void badInputIsAClearError(@TempDir Path dir) throws Exception {
        Path a = model(dir, "a"), b = model(dir, "b");

        CliRun one = CliRun.of("race", a.toString(), "--track", "reinvent_base");
        assertEquals(2, one.exitCode());
        assertTrue(one.err().contains("at least 2 model folders, got 1"), one.err());

        Path missing = dir.resolve("nope");
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("test-model.txt"), "");
        CliRun bad = CliRun.of("race", a.toString(), missing.toString(), broken.toString(), "--track", "reinvent_base");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("2 model folders did not open"), bad.err());
        assertTrue(bad.err().contains(missing + ": no such model folder"), bad.err());
        assertTrue(bad.err().contains("empty model file"), bad.err());
        assertFalse(bad.out().contains("Head-to-model race"), "nothing raced: " + bad.out());

        String[] many = new String[16];
        for (int i = 0; i < 14; i++) {
            many[i] = model(dir, "m" + i).toString();
        }
        many[14] = "--track";
        many[15] = "reinvent_base";
        CliRun crowded = CliRun.of(prepend("race", many));
        assertEquals(2, crowded.exitCode(), crowded.out());
        assertTrue(crowded.err().contains("14 cars: the start grid"), crowded.err());
        assertTrue(crowded.err().contains("race fewer models or on a longer track"), crowded.err());

        CliRun fast = CliRun.of("race", a.toString(), b.toString(), "--track", "reinvent_base", "--bots", "2",
                "--bot-speed", "9");
        assertEquals(2, fast.exitCode());
        assertTrue(fast.err().contains("--bot-speed 9.0 m/s is faster than the car's top speed"), fast.err());

        CliRun checkpoint = CliRun.of("race", a.toString(), b.toString(), "--track", "reinvent_base", "--checkpoint",
                "best");
        assertEquals(2, checkpoint.exitCode());
        assertTrue(checkpoint.err().contains(a + ": --checkpoint picks a network of a folder written by racer train"),
                checkpoint.err());

        CliRun laps = CliRun.of("race", a.toString(), b.toString(), "--track", "reinvent_base", "--laps", "0");
        assertEquals(2, laps.exitCode());
        assertTrue(laps.err().contains("--laps must be >= 1"), laps.err());
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
