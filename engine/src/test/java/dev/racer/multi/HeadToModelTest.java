package dev.racer.multi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.io.Jsons;
import dev.racer.race.Driver;
import dev.racer.race.PurePursuitDriver;
import dev.racer.trace.SimTraceReader;
import dev.racer.trace.SimTraceRow;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadToModelTest {
    static final Track TRACK = TrackLibrary.standard().get("reinvent_base");

    /** The engine's centre-line follower capped at {@code top} [m/s]. */
    static Driver follower(double top) {
        PurePursuitDriver.Tuning d = PurePursuitDriver.Tuning.DEFAULT;
        return new PurePursuitDriver(new PurePursuitDriver.Tuning(d.lookaheadBase(), d.lookaheadGain(),
                d.lateralAccel(), d.brakeAccel(), d.previewTime(), top, d.curvatureSpan()));
    }

    static List<HeadToModel.Entrant> fastAndSlow() {
        return List.of(new HeadToModel.Entrant("fast", null, follower(3.0)),
                new HeadToModel.Entrant("slow", null, follower(1.2)));
    }

    @Test
    void twoCarsRaceAndAreRankedByFinishTime(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out/race.json"), traces = dir.resolve("traces");
        var req = new HeadToModel.Request(TRACK, false, HeadToModel.defaultRules(2), BotConfig.NONE, 7, null,
                traces, json);
        HeadToModel.Report r = HeadToModel.run(req, fastAndSlow());
        List<HeadToModel.Standing> s = r.standings();
        assertEquals(2, s.size());
        HeadToModel.Standing first = s.get(0), second = s.get(1);
        assertEquals("fast", first.name(), s.toString());
        assertEquals(1, first.rank());
        assertEquals(0, first.car());
        assertTrue(first.finished() && second.finished(), s.toString());
        assertEquals(2, first.laps());
        assertEquals(2, first.lapTimes().size());
        assertEquals(first.time(), first.lapTimes().get(0) + first.lapTimes().get(1), 0.002);
        assertEquals(second.time(), second.lapTimes().get(0) + second.lapTimes().get(1), 0.002);
        assertEquals(0.0, first.gap());
        assertEquals(second.time() - first.time(), second.gap(), 0.002);
        assertEquals(0.0, second.metresShort());
        // the slow car starts 0.75 m behind the line (in the inner lane) and drives the extra metres
        assertTrue(second.distance() > first.distance() + 0.5, s.toString());
        // lapping it, the fast car ran into it from behind and paid for it
        assertTrue(first.crashes() >= 1 && second.crashes() == 0, s.toString());
        assertEquals(r.raceTime(), second.time(), 1e-9, "the race ends when the last car finishes");

        JsonNode root = Jsons.mapper().readTree(json.toFile());
        assertEquals(HeadToModel.KIND, root.get("kind").asText());
        assertEquals("fast", root.get("standings").get(0).get("name").asText());
        assertEquals(2, root.get("standings").get(1).get("lapTimes").size());

        // one trace per car, named after it; row k of every trace is step k of the race
        assertEquals(Map.of("fast", traces.resolve("fast.csv").toAbsolutePath().toString(),
                "slow", traces.resolve("slow.csv").toAbsolutePath().toString()), r.traces());
        List<SimTraceRow> fast = SimTraceReader.read(traces.resolve("fast.csv")).rows();
        List<SimTraceRow> slow = SimTraceReader.read(traces.resolve("slow.csv")).rows();
        assertEquals(r.steps() + 1, slow.size(), "a prepare row, then one row per step until the finish");
        assertTrue(fast.size() < slow.size());
        assertEquals("prepare", fast.get(0).episodeStatus());
        for (int k = 1; k < fast.size(); k++) {
            assertEquals(k / 15.0, fast.get(k).tstamp(), 1e-9);
            assertEquals(fast.get(k).tstamp(), slow.get(k).tstamp(), 1e-9);
        }
        SimTraceRow last = fast.get(fast.size() - 1);
        assertEquals("lap_complete", last.episodeStatus());
        assertEquals(1, last.episode());
        assertEquals(first.time(), last.tstamp(), 0.001);
        long lapEnds = fast.stream().filter(x -> x.episodeStatus().equals("lap_complete")).count();
        assertEquals(2, lapEnds);
        // the slow car's first row is behind the line (0.75 m, inner lane)
        assertTrue(slow.get(0).progress() == 0.0);
        try (var files = Files.list(traces)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    @Test
    void theBotsGetTracesTooSoThatAReplayShowsThem(@TempDir Path dir) {
        var req = new HeadToModel.Request(TRACK, false, HeadToModel.defaultRules(1), BotConfig.of(2, 0.5, true), 1,
                null, dir, null);
        HeadToModel.Report r = HeadToModel.run(req, fastAndSlow());
        assertEquals(List.of("fast", "slow", "bots/bot-0", "bots/bot-1"), List.copyOf(r.traces().keySet()));
        for (int b = 0; b < 2; b++) {
            List<SimTraceRow> rows = SimTraceReader.read(dir.resolve("bots/bot-" + b + ".csv")).rows();
            assertEquals(r.steps() + 1, rows.size(), "a prepare row, then every step of the race");
            assertEquals(r.raceTime(), rows.get(rows.size() - 1).tstamp(), 1e-3);
            SimTraceRow a = rows.get(30), c = rows.get(31);
            double moved = Math.hypot(c.x() - a.x(), c.y() - a.y());
            assertEquals(0.5 / 15, moved, 0.01, "the bots drive at their speed");
        }
    }

    @Test
    void aCarThatCrashedWaitsAtRestAndDrivesOnFromRest(@TempDir Path dir) {
        HeadToModel.run(new HeadToModel.Request(TRACK, false, HeadToModel.defaultRules(2), BotConfig.NONE, 7, null,
                dir, null), fastAndSlow());
        List<SimTraceRow> rows = SimTraceReader.read(dir.resolve("fast.csv")).rows();
        int crash = 0;
        while (!rows.get(crash).episodeStatus().equals("crashed")) {
            crash++;
        }
        assertEquals(5.0, rows.get(crash).pauseDuration());
        int k = crash + 1;
        for (; rows.get(k).episodeStatus().equals("pause"); k++) {
            assertEquals(rows.get(crash).x(), rows.get(k).x(), 1e-12, "frozen where it crashed");
            assertEquals(0.0, rows.get(k).speed(), "at rest");
        }
        assertEquals(75, k - crash - 1, "5 s of pause rows");
        assertTrue(rows.get(k).speed() < 1.0, "from rest: " + rows.get(k));
    }

    @Test
    void sameSeedSameRace() {
        var req = HeadToModel.Request.of(TRACK, 1, 3);
        List<HeadToModel.Entrant> three = List.of(new HeadToModel.Entrant("a", null, follower(2.5)),
                new HeadToModel.Entrant("b", null, follower(3.5)), new HeadToModel.Entrant("c", null, follower(2.0)));
        HeadToModel.Report a = HeadToModel.run(req, three);
        HeadToModel.Report b = HeadToModel.run(req, List.of(new HeadToModel.Entrant("a", null, follower(2.5)),
                new HeadToModel.Entrant("b", null, follower(3.5)), new HeadToModel.Entrant("c", null, follower(2.0))));
        assertEquals(a.standings(), b.standings());
        assertEquals(a.steps(), b.steps());
    }

    @Test
    void aFolderThatCannotOpenIsListedAndTheOthersRace(@TempDir Path dir) {
        List<Path> folders = List.of(dir.resolve("good"), dir.resolve("broken"), dir.resolve("x/good"));
        try (HeadToModel.Lineup lineup = HeadToModel.open(folders, f -> {
            if (f.getFileName().toString().equals("broken")) {
                throw new IllegalArgumentException(f + ": no model_metadata.json");
            }
            return follower(2.0);
        })) {
            assertEquals(List.of("good", "good-2"), lineup.entrants().stream().map(HeadToModel.Entrant::name).toList());
            assertEquals(1, lineup.failures().size());
            assertEquals("broken", lineup.failures().get(0).name());
            assertTrue(lineup.failures().get(0).reason().contains("no model_metadata.json"));
            HeadToModel.Report r = HeadToModel.run(HeadToModel.Request.of(TRACK, 1, 0), lineup);
            assertEquals(2, r.standings().size());
            assertEquals(lineup.failures(), r.notRaced());
        }
    }

    @Test
    void moreCarsThanTheGridHoldsIsAClearError() {
        var cars = new java.util.ArrayList<HeadToModel.Entrant>();
        for (int i = 0; i < 40; i++) {
            cars.add(new HeadToModel.Entrant("c" + i, null, follower(1)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadToModel.run(HeadToModel.Request.of(TestTracksHolder.SMALL, 1, 0), cars));
        assertTrue(e.getMessage().contains("40 cars"), e.getMessage());
    }

    @Test
    void carsNeedUniqueNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeadToModel.run(
                HeadToModel.Request.of(TRACK, 1, 0), List.of(new HeadToModel.Entrant("x", null, follower(1)),
                        new HeadToModel.Entrant("x", null, follower(2)))));
        assertEquals("two cars are called x; names must be unique", e.getMessage());
        assertEquals(List.of("m", "m-2", "m-3"), HeadToModel.names(List.of(Path.of("a/m"), Path.of("b/m"), Path.of("m"))));
        assertEquals("my_model_", HeadToModel.fileName("my model?"));
    }

    @Test
    void anUnfinishedCarIsShortOfTheDistance() {
        var rules = new MultiCarRace.Rules(1, 2, 5, 5.0, 1 / 15.0);
        HeadToModel.Report r = HeadToModel.run(new HeadToModel.Request(TRACK, false, rules, BotConfig.NONE, 0, null,
                null, null), fastAndSlow());
        for (HeadToModel.Standing s : r.standings()) {
            assertTrue(!s.finished() && s.time() == null && s.gap() == null, s.toString());
            assertTrue(s.metresShort() > 0 && s.metresShort() < r.trackLength() + 1, s.toString());
        }
        assertNull(r.standings().get(0).time());
        assertEquals(5.0, r.raceTime(), 1e-9);
    }

    /** A small loop whose start grid cannot hold 40 cars. */
    static final class TestTracksHolder {
        static final Track SMALL = dev.racer.track.TestTracks.circle(3, 1.2, 120);
    }
}
