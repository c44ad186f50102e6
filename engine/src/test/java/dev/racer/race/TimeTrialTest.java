package dev.racer.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.Control;
import dev.racer.race.Scenarios.Recorder;
import dev.racer.race.Scenarios.Row;
import dev.racer.race.Scenarios.Scripted;
import dev.racer.race.Scenarios.Seen;
import dev.racer.track.Projection;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time-trial rules on hand-built scenarios: a circle track and scripted drivers. */
class TimeTrialTest {
    private static final double DT = 1.0 / 15.0;
    /** radius 3 m, 1 m wide: about 18.8 m a lap */
    private static final Track CIRCLE = Scenarios.circle("test_circle", 3, 1.0, 200);
    /** radius 5 m, 4 m wide: room to turn round */
    private static final Track WIDE = Scenarios.circle("test_wide_circle", 5, 4.0, 200);

    /** Straight ahead at 3 m/s from the 40th action until the first put-back: off the outside of the circle. */
    private static final Scenarios.Script OFF_ONCE = (act, since, putBacks) ->
            act >= 40 && putBacks == 0 ? new Control(0, 3) : null;

    private static TrialResult run(Track track, TimeTrialConfig rules, Scripted driver, Recorder rec) {
        return new TimeTrial(track, EnvConfig.DEFAULT, rules).run(driver, 7, rec);
    }

    private static long ms(int steps) {
        return Math.round(steps * 1000.0 / 15.0);
    }

    @Test
    void lapBoundariesAndTimesAreExactInSteps() {
        Recorder rec = new Recorder();
        TrialResult r = run(CIRCLE, TimeTrialConfig.DEFAULT, new Scripted((a, s, p) -> null), rec);

        assertEquals(TrialStatus.FINISHED, r.status());
        assertEquals(3, r.laps().size());
        assertEquals(0, r.offTracks());
        int step = 0;
        long sum = 0;
        for (LapResult lap : r.laps()) {
            List<Row> rows = rec.rows.stream().filter(x -> x.lap() == lap.lap()).toList();
            assertEquals(lap.steps(), rows.size());
            assertEquals(step + 1, lap.firstStep());
            step += lap.steps();
            assertEquals(step, lap.lastStep());
            // the lap ends on the first row whose progress reaches 100, and only there
            for (int i = 0; i < rows.size() - 1; i++) {
                assertTrue(rows.get(i).progress() < 100, "lap " + lap.lap() + " row " + i);
                assertEquals(EpisodeStatus.IN_PROGRESS, rows.get(i).status());
                assertFalse(rows.get(i).done());
                assertEquals(i + 1, rows.get(i).lapRow());
            }
            Row last = rows.get(rows.size() - 1);
            assertEquals(EpisodeStatus.LAP_COMPLETE, last.status());
            assertEquals(100.0, last.progress());
            assertTrue(last.done());
            assertTrue(lap.completed());
            assertEquals(ms(lap.steps()), lap.timeMs());
            assertEquals(step * DT, last.time(), 1e-9);
            assertEquals(0, lap.penaltyMs());
            sum += lap.timeMs();
        }
        // the next lap starts from 0 at the line, without stopping
        Row firstOfLap2 = rec.rows.stream().filter(x -> x.lap() == 2).findFirst().orElseThrow();
        assertTrue(firstOfLap2.progress() > 0 && firstOfLap2.progress() < 4, "" + firstOfLap2.progress());
        assertTrue(firstOfLap2.speed() > 2);
        assertEquals(ms(step), r.totalTimeMs());
        assertTrue(Math.abs(sum - r.totalTimeMs()) <= 1, "lap times add up, to rounding");
        assertEquals(r.laps().stream().mapToLong(LapResult::timeMs).min().getAsLong(), r.bestLapMs());
        assertEquals(Math.round(sum / 3.0), r.avgLapMs());
        assertEquals(r.bestLapMs(), r.score());
        assertEquals(ms(step), r.elapsedMs());
    }

    @Test
    void offTrackPenaltyAddsExactlyItsTime() {
        TrialResult[] runs = new TrialResult[3];
        double[] penalties = {0, 2, 5};
        Recorder[] recs = new Recorder[3];
        for (int k = 0; k < 3; k++) {
            recs[k] = new Recorder();
            runs[k] = run(CIRCLE, TimeTrialConfig.DEFAULT.withOffTrackPenalty(penalties[k]), new Scripted(OFF_ONCE),
                    recs[k]);
        }
        for (int k = 0; k < 3; k++) {
            TrialResult r = runs[k];
            assertEquals(TrialStatus.FINISHED, r.status());
            LapResult lap1 = r.laps().get(0);
            assertEquals(1, lap1.offTracks());
            assertEquals(1, lap1.resets());
            long penaltyMs = Math.round(penalties[k] * 1000);
            assertEquals(penaltyMs, lap1.penaltyMs());
            assertEquals(ms(lap1.steps()) + penaltyMs, lap1.timeMs());
            // the same driving whatever the penalty: the penalty is the only difference
            assertEquals(runs[0].laps().get(0).steps(), lap1.steps());
            assertEquals(runs[0].laps().get(0).timeMs() + penaltyMs, lap1.timeMs());
            assertEquals(runs[0].elapsedMs() + penaltyMs, r.elapsedMs());
            for (int l = 1; l < 3; l++) {
                assertEquals(runs[0].laps().get(l).timeMs(), r.laps().get(l).timeMs());
            }
            // the pause: frozen rows for the penalty, counting down, each dt
            List<Row> rows = recs[k].rows;
            int off = indexOf(rows, EpisodeStatus.OFF_TRACK);
            Row offRow = rows.get(off);
            assertEquals(penalties[k], offRow.pause(), 1e-12);
            assertFalse(offRow.done());
            int pauseRows = (int) Math.round(penalties[k] * 15);
            assertEquals(pauseRows, lap1.pauseSteps());
            for (int i = 1; i <= pauseRows; i++) {
                Row p = rows.get(off + i);
                assertEquals(EpisodeStatus.PAUSE, p.status());
                assertEquals(offRow.x(), p.x());
                assertEquals(offRow.y(), p.y());
                assertEquals(0, p.speed());
                assertEquals(0, p.throttle());
                assertEquals(offRow.time() + i * DT, p.time(), 1e-9);
                assertEquals(penalties[k] - i * DT, p.pause(), 1e-9);
                assertEquals(offRow.lapRow() + i, p.lapRow());
            }
            Row after = rows.get(off + pauseRows + 1);
            assertEquals(EpisodeStatus.IN_PROGRESS, after.status());
            assertEquals(offRow.time() + penalties[k] + DT, after.time(), 1e-9);
        }
    }

    @Test
    void resetPutsTheCarOnTheCentreLineAtItsLastProgress() {
        Recorder rec = new Recorder();
        Scripted driver = new Scripted(OFF_ONCE);
        TrialResult r = run(CIRCLE, TimeTrialConfig.DEFAULT, driver, rec);
        assertEquals(TrialStatus.FINISHED, r.status());

        List<Row> rows = rec.rows;
        int off = indexOf(rows, EpisodeStatus.OFF_TRACK);
        double last = rows.get(off - 1).progress();   // DeepRacer's prev_progress
        assertTrue(last > 20 && last < 80, "went off at " + last + "%");
        assertTrue(rows.get(off).progress() >= last, "off-track row progress");

        // what the driver saw when it next acted: at rest, on the centre line, at that progress, along the track
        Seen back = driver.seen.stream().filter(s -> s.act() > 1 && s.sinceRest() == 1).findFirst().orElseThrow();
        TrackGeometry geo = TrackGeometry.of(CIRCLE, false);
        Projection p = new Projection();
        double along = last / 100 * geo.length(); // the start is waypoint 0
        double yaw = geo.headingAt(along, p);
        assertEquals(p.x, back.x(), 1e-9);
        assertEquals(p.y, back.y(), 1e-9);
        assertEquals(yaw, back.yaw(), 1e-9);
        assertEquals(0, back.speed());
        // its params: the front point 0.14 m further on
        assertEquals(last + 0.14 / geo.length() * 100, back.progress(), 0.01);

        // the lap goes on from there and completes
        Row resumed = rows.get(off + 31);
        assertEquals(EpisodeStatus.IN_PROGRESS, resumed.status());
        assertTrue(resumed.progress() > last && resumed.progress() < last + 2, "resumed at " + resumed.progress());
        assertTrue(r.laps().get(0).completed());
    }

    @Test
    void noResetLeftEndsTheTrialAtTheOffTrack() {
        Recorder rec = new Recorder();
        TrialResult r = run(CIRCLE, TimeTrialConfig.DEFAULT.withMaxResets(0), new Scripted(OFF_ONCE), rec);
        assertEquals(TrialStatus.OFF_TRACK, r.status());
        assertEquals(1, r.laps().size());
        LapResult lap = r.laps().get(0);
        assertFalse(lap.completed());
        assertEquals(1, lap.offTracks());
        assertEquals(0, lap.resets());
        assertEquals(0, lap.pauseSteps());
        assertEquals(ms(lap.steps()), lap.timeMs());
        Row end = rec.rows.get(rec.rows.size() - 1);
        assertEquals(EpisodeStatus.OFF_TRACK, end.status());
        assertTrue(end.done());
        assertEquals(rec.rows.get(rec.rows.size() - 2).progress(), lap.progress(), 1e-12);
        assertNull(r.bestLapMs());
        assertNull(r.totalTimeMs());
        assertNull(r.score());

        // one reset allowed: the second off-track ends it
        Scenarios.Script twice = (act, since, putBacks) ->
                (act >= 40 && putBacks == 0) || (putBacks == 1 && since >= 20) ? new Control(0, 3) : null;
        TrialResult r2 = run(CIRCLE, TimeTrialConfig.DEFAULT.withMaxResets(1), new Scripted(twice), new Recorder());
        assertEquals(TrialStatus.OFF_TRACK, r2.status());
        assertEquals(2, r2.offTracks());
        assertEquals(1, r2.resets());
    }

    @Test
    void immobilisedEndsTheTrialOrCountsAsAReset() {
        Scenarios.Script stand = (act, since, putBacks) -> new Control(0, 0);
        EnvConfig env = EnvConfig.DEFAULT;

        Recorder rec = new Recorder();
        TrialResult end = run(CIRCLE, TimeTrialConfig.DEFAULT, new Scripted(stand), rec);
        assertEquals(TrialStatus.IMMOBILIZED, end.status());
        assertEquals(env.immobilizedSteps(), end.steps());
        assertEquals(ms(env.immobilizedSteps()), end.elapsedMs());
        assertEquals(0, end.resets());
        assertEquals(EpisodeStatus.IMMOBILIZED, rec.rows.get(rec.rows.size() - 1).status());

        TrialResult reset = run(CIRCLE, TimeTrialConfig.DEFAULT.withOnStuck(StuckRule.RESET).withMaxResets(2),
                new Scripted(stand), new Recorder());
        assertEquals(TrialStatus.IMMOBILIZED, reset.status());
        assertEquals(3 * env.immobilizedSteps(), reset.steps());
        assertEquals(2, reset.resets());
        assertEquals(0, reset.offTracks());
        assertEquals(ms(3 * env.immobilizedSteps()) + 2 * 2000, reset.elapsedMs());

        // unlimited resets: the time limit ends it
        TrialResult timeUp = run(CIRCLE, TimeTrialConfig.DEFAULT.withOnStuck(StuckRule.RESET).withTimeLimit(10),
                new Scripted(stand), new Recorder());
        assertEquals(TrialStatus.TIME_UP, timeUp.status());
        assertTrue(timeUp.elapsedMs() >= 10_000 && timeUp.elapsedMs() < 10_000 + 2000 + 67, "" + timeUp.elapsedMs());
    }

    /** A U-turn at full lock, then round the circle the wrong way. */
    private static final Scenarios.Script U_TURN = (act, since, putBacks) ->
            since <= 15 ? new Control(30, 1) : new Control(-2, 1);

    @Test
    void reversedEndsTheTrialOrCountsAsAReset() {
        Recorder rec = new Recorder();
        TrialResult end = run(WIDE, TimeTrialConfig.DEFAULT, new Scripted(U_TURN), rec);
        assertEquals(TrialStatus.REVERSED, end.status(), "" + end);
        assertEquals(0, end.offTracks());
        List<Row> rows = rec.rows;
        int n = EnvConfig.DEFAULT.reversedSteps();
        // progress fell on each of the last n steps
        for (int i = rows.size() - n; i < rows.size(); i++) {
            assertTrue(rows.get(i).progress() < rows.get(i - 1).progress(), "row " + i);
        }
        assertEquals(EpisodeStatus.REVERSED, rows.get(rows.size() - 1).status());

        Scripted driver = new Scripted(U_TURN);
        TrialResult reset = run(WIDE, TimeTrialConfig.DEFAULT.withOnStuck(StuckRule.RESET).withMaxResets(1), driver,
                new Recorder());
        assertEquals(TrialStatus.REVERSED, reset.status());
        assertEquals(1, reset.resets());
        assertEquals(0, reset.offTracks());
        assertEquals(ms(reset.steps()) + 2000, reset.elapsedMs());
        assertEquals(1, driver.putBacks);
    }

    @Test
    void sameSeedSameTrial() {
        Recorder a = new Recorder(), b = new Recorder();
        TrialResult ra = run(CIRCLE, TimeTrialConfig.DEFAULT, new Scripted(OFF_ONCE), a);
        TrialResult rb = run(CIRCLE, TimeTrialConfig.DEFAULT, new Scripted(OFF_ONCE), b);
        assertEquals(ra, rb);
        assertEquals(a.rows, b.rows);
    }

    @Test
    void rankingFiguresFromTheLaps() {
        TimeTrialConfig rules = TimeTrialConfig.DEFAULT.withLaps(4).withAvgLaps(2).withRanking(RankingRule.AVG_LAP_TIME);
        List<LapResult> laps = List.of(lap(1, true, 10_000), lap(2, true, 8_000), lap(3, true, 9_001),
                lap(4, false, 3_000));
        TrialResult r = TrialResult.of("t", false, "d", 0, rules, TrialStatus.OFF_TRACK, laps, 30_001);
        assertEquals(3, r.lapsCompleted());
        assertEquals(8_000L, r.bestLapMs());
        assertEquals(8_501L, r.avgLapMs()); // (8000 + 9001) / 2, rounded
        assertNull(r.totalTimeMs());        // not every lap completed
        assertEquals(8_501L, r.score());

        TrialResult all = TrialResult.of("t", false, "d", 0, rules.withLaps(3).withRanking(RankingRule.TOTAL_TIME),
                TrialStatus.FINISHED, laps.subList(0, 3), 27_001);
        assertEquals(27_001L, all.totalTimeMs());
        assertEquals(27_001L, all.score());
        assertEquals(RankingRule.TOTAL_TIME, RankingRule.parse("total_time"));
        assertEquals(RankingRule.AVG_LAP_TIME, RankingRule.parse("avg"));
        assertEquals(RankingRule.BEST_LAP_TIME, RankingRule.parse("BEST-LAP-TIME"));

        // a result with a score ranks above one without, whatever its laps
        List<TrialResult> ranked = java.util.stream.Stream.of(r, all)
                .sorted(RankingRule.TOTAL_TIME.comparator()).toList();
        assertEquals(all, ranked.get(0));
    }

    @Test
    void configReadsDefaultsFromJson() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(TimeTrialConfig.DEFAULT, mapper.readValue("{}", TimeTrialConfig.class));
        TimeTrialConfig c = mapper.readValue("{\"laps\": 5, \"maxResets\": 0, \"onStuck\": \"RESET\"}",
                TimeTrialConfig.class);
        assertEquals(TimeTrialConfig.DEFAULT.withLaps(5).withMaxResets(0).withOnStuck(StuckRule.RESET), c);
        assertEquals(c, mapper.readValue(mapper.writeValueAsString(c), TimeTrialConfig.class));
        var e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> mapper.readValue("{\"laps\": 0}", TimeTrialConfig.class));
        assertTrue(e.getMessage().contains("laps must be in 1..1000"), e.getMessage());
    }

    @Test
    void threeLapsOnReinventBaseTakeWellUnderASecond() {
        Track base = new dev.racer.track.TrackLibrary(java.nio.file.Path.of("target/no-user-tracks")).get("reinvent_base");
        TimeTrial trial = new TimeTrial(base, EnvConfig.DEFAULT, TimeTrialConfig.DEFAULT);
        trial.run(new PurePursuitDriver(), 0); // start-up: geometry, class loading, JIT
        long t0 = System.nanoTime();
        TrialResult r = trial.run(new PurePursuitDriver(), 0);
        long ns = System.nanoTime() - t0;
        System.out.printf("3-lap time trial on reinvent_base: %.2f ms wall, %d steps%n", ns / 1e6, r.steps());
        assertEquals(TrialStatus.FINISHED, r.status());
        assertTrue(ns < 1_000_000_000L, ns / 1e6 + " ms");
        assertNotNull(r.bestLapMs());
    }

    private static LapResult lap(int n, boolean done, long ms) {
        return new LapResult(n, done, done ? 100 : 50, (int) (ms * 15 / 1000), 0, 0, ms, 0, 0, 0, 0, 1, 2, 0);
    }

    private static int indexOf(List<Row> rows, EpisodeStatus s) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).status() == s) {
                return i;
            }
        }
        throw new AssertionError("no row with status " + s);
    }
}
