package dev.racer.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.Control;
import dev.racer.race.Scenarios.Recorder;
import dev.racer.race.Scenarios.Scripted;
import dev.racer.track.Track;
import org.junit.jupiter.api.Test;

/** The race rules one row at a time: what a viewer or a trainer sees between rows. */
class RaceSessionTest {
    private static final Track CIRCLE = Scenarios.circle("test_circle", 3, 1.0, 200);
    private static final Scenarios.Script OFF_ONCE = (act, since, putBacks) ->
            act >= 40 && putBacks == 0 ? new Control(0, 3) : null;

    private static RaceSession session(TimeTrialConfig rules, Driver driver) {
        RacingEnv env = new RacingEnv(CIRCLE, EnvConfig.DEFAULT.withMaxSteps(Integer.MAX_VALUE), p -> 0,
                driver.newSensor());
        return new RaceSession(env, rules, driver);
    }

    @Test
    void steppingByHandIsTheTimeTrial() {
        Recorder viaTrial = new Recorder();
        TrialResult trial = new TimeTrial(CIRCLE, EnvConfig.DEFAULT, TimeTrialConfig.DEFAULT)
                .run(new Scripted(OFF_ONCE), 7, viaTrial);
        Recorder byHand = new Recorder();
        RaceSession s = session(TimeTrialConfig.DEFAULT, new Scripted(OFF_ONCE));
        s.start(7);
        int lapsSeen = 0;
        while (!s.isFinished()) {
            TrialRow row = s.step();
            byHand.onRow(row);
            if (row.status() == EpisodeStatus.LAP_COMPLETE) {
                lapsSeen++;
                assertEquals(lapsSeen, s.laps().size(), "a lap's result is there as soon as it is complete");
                assertTrue(s.laps().get(lapsSeen - 1).completed());
            }
        }
        assertEquals(viaTrial.rows, byHand.rows);
        assertEquals(trial, s.result());
        assertEquals(3, lapsSeen);
        assertThrows(IllegalStateException.class, s::step);
    }

    @Test
    void thePenaltyIsVisibleRowByRowAndTheCarIsPutBackAfterIt() {
        RaceSession s = session(TimeTrialConfig.DEFAULT, new Scripted(OFF_ONCE));
        s.start(7);
        assertThrows(IllegalStateException.class, s::result, "no result before the end");
        TrialRow row;
        do {
            row = s.step();
            assertFalse(s.inPenalty() && row.status() == EpisodeStatus.IN_PROGRESS);
        } while (row.status() != EpisodeStatus.OFF_TRACK);
        assertEquals(1, s.offTracks());
        assertTrue(s.inPenalty());
        assertEquals(2.0, s.penaltyLeft(), 1e-12);
        double frozenX = s.env().carX(), frozenY = s.env().carY();
        double lapClock = s.lapTime();
        for (int k = 1; k <= 30; k++) {
            row = s.step();
            assertEquals(EpisodeStatus.PAUSE, row.status());
            assertEquals(frozenX, s.env().carX(), "frozen where it went off");
            assertEquals(frozenY, s.env().carY());
            assertEquals(lapClock + k / 15.0, s.lapTime(), 1e-9, "the lap clock runs during the pause");
            assertEquals(k < 30, s.inPenalty());
            assertEquals(k < 30 ? 2.0 - k / 15.0 : 0, s.penaltyLeft(), 1e-9);
        }
        row = s.step();
        assertEquals(EpisodeStatus.IN_PROGRESS, row.status());
        double offCentre = s.env().params().distanceFromCenter();
        assertTrue(offCentre < 0.1, "put back on the centre line, then one step: " + offCentre + " m off it");
        assertEquals(1, s.resets());
    }

    @Test
    void aSessionRacesAgainOnTheSameEnvironment() {
        RaceSession s = session(TimeTrialConfig.DEFAULT.withLaps(1), new PurePursuitDriver());
        s.start(3);
        while (!s.isFinished()) {
            s.step();
        }
        TrialResult first = s.result();
        s.start(3);
        assertFalse(s.isFinished());
        assertEquals(0, s.laps().size());
        while (!s.isFinished()) {
            s.step();
        }
        assertEquals(first, s.result());
        assertEquals(TrialStatus.FINISHED, first.status());
    }

    @Test
    void theEnvironmentsStepCapEndsTheRaceWithTimeUp() {
        RacingEnv env = new RacingEnv(CIRCLE, EnvConfig.DEFAULT.withMaxSteps(50), p -> 0,
                new PurePursuitDriver().newSensor());
        RaceSession s = new RaceSession(env, TimeTrialConfig.DEFAULT.withLaps(1), new PurePursuitDriver());
        s.start(1);
        int rows = 0;
        while (!s.isFinished()) {
            s.step();
            rows++;
        }
        assertEquals(50, rows);
        assertEquals(TrialStatus.TIME_UP, s.status());
        LapResult lap = s.result().laps().get(0);
        assertFalse(lap.completed());
        assertTrue(lap.progress() > 0 && lap.progress() < 100, "progress " + lap.progress());
    }

    @Test
    void drivingRowsAllocateNothing() {
        // a driver that allocates nothing itself: full speed straight on a wide circle's lap, by steering a
        // fixed angle (the circle's curvature)
        Control round = new Control(Math.toDegrees(Math.atan(dev.racer.car.CarSpec.DEFAULT.wheelbase() / 3.0)), 1);
        Driver steady = new Driver() {
            @Override
            public String name() {
                return "steady";
            }

            @Override
            public dev.racer.sensor.Sensor newSensor() {
                return dev.racer.sensor.Sensor.none();
            }

            @Override
            public Control act(dev.racer.sensor.CarView car, float[] observation) {
                return round;
            }
        };
        RaceSession s = session(TimeTrialConfig.DEFAULT.withLaps(1000).withTimeLimit(1e6), steady);
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        s.start(1);
        int rows = 0;
        long before = 0;
        for (int i = 0; i < 20_000 && !s.isFinished(); i++) {
            if (i == 5_000) { // warmed up
                before = mx.getThreadAllocatedBytes(tid);
            }
            if (s.step().status() == EpisodeStatus.IN_PROGRESS && i >= 5_000) {
                rows++;
            }
        }
        long bytes = mx.getThreadAllocatedBytes(tid) - before;
        int laps = s.laps().size();
        assertTrue(rows > 10_000, rows + " driving rows");
        // only each lap's result and its pose copy for the next lap allocate
        assertTrue(bytes < 4096 + 400L * (laps + s.offTracks()), bytes + " bytes allocated in 15,000 rows, " + laps + " laps, "
                + s.offTracks() + " off-tracks");
    }
}
