package dev.racer.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarState;
import dev.racer.car.Control;
import dev.racer.io.Jsons;
import dev.racer.multi.BotConfig;
import dev.racer.race.Scenarios.Scripted;
import dev.racer.sensor.Sensor;
import dev.racer.track.TestTracks;
import dev.racer.track.Track;
import dev.racer.world.ObjectConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bot cars in the single-car environment and the race rules, on the counter-clockwise 10 m × 6 m rectangle of
 * width 1 (centre line 32 m; the inner lane 0.25 m left of the centre line): with one bot, it starts at 2 m
 * along in the inner lane, (2, 0.25) heading +x, and the car at the start line (0, 0).
 */
class HeadToBotTest {
    private static final Track RECT = TestTracks.rectangle(10, 6, 1, 0.5);

    private static EnvConfig bots(BotConfig b) {
        return EnvConfig.DEFAULT.withRaceType(RaceType.HEAD_TO_BOT).withBots(b).withMaxSteps(Integer.MAX_VALUE);
    }

    private static double progressAt(double frontX) {
        return 100 * frontX / 32.0;
    }

    @Test
    void theBotsAreMovingObjectsInTheParams() {
        RacingEnv env = new RacingEnv(RECT, bots(BotConfig.of(3, 0.2, false)), p -> 1.0, Sensor.none());
        env.reset(1);
        assertEquals(3, env.objects().count());
        assertTrue(env.objects().reportsMotion());
        for (int k = 0; k < 10; k++) {
            env.step(0, 0.5);
        }
        Map<String, Object> m = env.params().toMap();
        assertEquals(List.of(0.2, 0.2, 0.2), m.get("objects_speed"));
        List<?> heading = (List<?>) m.get("objects_heading");
        // bot 1 starts at 16.5 m: the top side, driven towards -x; bots 0 and 2 heading +x and -y
        assertEquals(0.0, (Double) heading.get(0), 1e-9);
        assertEquals(Math.PI, Math.abs((Double) heading.get(1)), 1e-9);
        assertEquals(-Math.PI / 2, (Double) heading.get(2), 1e-9);
        // nine steps of driving at 0.2 m/s (the first step ends the start wait)
        List<?> loc = (List<?>) ((List<?>) m.get("objects_location")).get(0);
        assertEquals(2.0 + 9 * 0.2 / 15, (Double) loc.get(0), 1e-9);
        assertEquals(0.25, (Double) loc.get(1), 1e-9);
        assertEquals(List.of(true, false, true), m.get("objects_left_of_center"));
        assertEquals(false, m.get("is_crashed"));
    }

    @Test
    void sameSeedSameBotsAndRandomisedBotsMoveWithTheSeed() {
        BotConfig cfg = new BotConfig(3, 0.4, true, 1.0, 2.0, 1.0, 2.0, true, 2.0, 0.0);
        RacingEnv a = new RacingEnv(RECT, bots(cfg), p -> 1.0, Sensor.none());
        RacingEnv b = new RacingEnv(RECT, bots(cfg), p -> 1.0, Sensor.none());
        a.reset(5);
        b.reset(5);
        for (int k = 0; k < 200 && !a.isDone(); k++) {
            a.step(k % 7 - 3, 0.3);
            b.step(k % 7 - 3, 0.3);
            for (int i = 0; i < 3; i++) {
                assertEquals(a.objects().x(i), b.objects().x(i), 0.0);
                assertEquals(a.objects().y(i), b.objects().y(i), 0.0);
                assertEquals(a.objects().heading(i), b.objects().heading(i), 0.0);
            }
            assertEquals(a.params().toMap(), b.params().toMap());
        }
        a.reset(6);
        b.reset(5);
        assertNotEquals(a.objects().x(0) + a.objects().y(0) + a.objects().x(1),
                b.objects().x(0) + b.objects().y(0) + b.objects().x(1), "another seed, other places");
    }

    @Test
    void runningIntoABotAheadCrashesAndEndsTheTrainingEpisode() {
        RacingEnv env = new RacingEnv(RECT, bots(BotConfig.of(1, 0.2, false)), p -> 1.0, Sensor.none());
        env.reset(1);
        env.placeCar(CarState.atRest(1.0, 0.25, 0), progressAt(1.14)); // behind the bot in its lane
        StepResult r = Scenarios.driveStraight(env, 1.0, 60);
        assertEquals(EpisodeStatus.CRASHED, r.status());
        assertTrue(r.terminated());
        assertTrue(env.params().isCrashed());
        assertEquals(0, env.params().objects().crashedObject);
        assertFalse(env.bots().paused(), "the bots drive on when the car runs into them");
    }

    @Test
    void aBotRunningIntoTheBackOfTheCarIsNoCrashAndStopsTheBots() {
        RacingEnv env = new RacingEnv(RECT, bots(BotConfig.of(1, 0.2, false)), p -> 1.0, Sensor.none());
        env.reset(1);
        // the car's rear 5 mm ahead of the bot's front, standing still
        double x = 2 + 0.32352 + 0.005;
        env.placeCar(CarState.atRest(x, 0.25, 0), progressAt(x + 0.14));
        StepResult r = env.step(0, 0); // the bots' start wait ends
        assertEquals(0, env.bots().crashCount());
        r = env.step(0, 0);            // the bot moves 13 mm: into the car
        assertEquals(EpisodeStatus.IN_PROGRESS, r.status());
        assertFalse(env.params().isCrashed());
        assertTrue(env.bots().crashCount() >= 1);
        assertTrue(env.bots().paused());
        double stopped = env.objects().x(0);
        env.step(0, 0);
        assertEquals(stopped, env.objects().x(0), 0.0, "every bot stops for the penalty");
    }

    @Test
    void aRaceChargesTheCollisionPenaltyWithoutMovingTheCarBack() {
        Scripted driver = new Scripted((act, since, putBacks) -> new Control(0, 1.0));
        RacingEnv env = new RacingEnv(RECT, bots(BotConfig.of(1, 0.2, false)), p -> 0, driver.newSensor());
        RaceSession s = new RaceSession(env, TimeTrialConfig.DEFAULT.withLaps(1), driver);
        s.start(3);
        env.placeCar(CarState.atRest(1.0, 0.25, 0), progressAt(1.14));
        TrialRow row;
        do {
            row = s.step();
        } while (row.status() == EpisodeStatus.IN_PROGRESS);
        assertEquals(EpisodeStatus.CRASHED, row.status());
        assertEquals(1, s.crashes());
        assertEquals(TimeTrialConfig.DEFAULT.collisionPenalty(), s.penaltyLeft(), 1e-12);
        double crashX = env.carX(), crashY = env.carY(), crashProgress = env.params().progress();
        double botX = env.objects().x(0);
        int pauseRows = (int) Math.round(TimeTrialConfig.DEFAULT.collisionPenalty() * 15);
        for (int k = 0; k < pauseRows; k++) {
            row = s.step();
            assertEquals(EpisodeStatus.PAUSE, row.status());
            assertEquals(crashX, env.carX(), 0.0, "frozen where it crashed");
        }
        assertEquals(botX + pauseRows * 0.2 / 15, env.objects().x(0), 1e-9, "the bot drove on meanwhile");
        row = s.step();
        assertEquals(EpisodeStatus.IN_PROGRESS, row.status());
        assertTrue(env.carX() >= crashX && env.carX() < crashX + 0.1, "drives on from where it stopped: "
                + env.carX() + " vs " + crashX);
        assertEquals(crashY, env.carY(), 1e-3);
        assertTrue(env.params().progress() >= crashProgress);
        assertNull(s.status());
        while (!s.isFinished()) {
            s.step();
        }
        LapResult lap = s.result().laps().get(0);
        assertTrue(lap.crashes() >= 1);
        assertEquals(lap.crashes(), s.result().crashes());
        assertEquals(Math.round(1000 * TimeTrialConfig.DEFAULT.collisionPenalty()) * lap.crashes()
                + Math.round(1000 * TimeTrialConfig.DEFAULT.offTrackPenalty()) * lap.offTracks(), lap.penaltyMs());
    }

    @Test
    void steppingResettingAndHoldingTheCarAllocateNothing() {
        RacingEnv env = new RacingEnv(RECT, bots(new BotConfig(3, 0.4, true, 1.0, 2.0, 1.0, 2.0, true, 2.0, 0.0)),
                p -> 1.0, Sensor.none());
        env.reset(1);
        for (int k = 0; k < 20_000; k++) { // warm up
            if (env.step(k % 11 - 5, 0.5).done()) {
                env.reset(k);
            }
            env.holdCar();
        }
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int k = 0; k < 20_000; k++) {
            if (env.step(k % 11 - 5, 0.5).done()) {
                env.reset(k);
            }
            env.holdCar();
        }
        long after = bean.getThreadAllocatedBytes(tid);
        assertTrue(after - before < 10_000, "allocated " + (after - before) + " bytes");
    }

    @Test
    void botsThatDoNotFitOrOutrunTheCarAreClearErrors() {
        IllegalArgumentException fast = assertThrows(IllegalArgumentException.class,
                () -> new RacingEnv(RECT, bots(BotConfig.of(1, 5.0, false)), p -> 0, Sensor.none()));
        assertTrue(fast.getMessage().contains("--bot-speed 5.0 m/s is faster than the car's top speed"),
                fast.getMessage());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> new RacingEnv(RECT, bots(BotConfig.of(20, 0.2, false)), p -> 0, Sensor.none()));
        assertTrue(many.getMessage().contains("--bots 20: track rectangle (32.00 m) holds at most 15 bot cars"),
                many.getMessage());
        IllegalArgumentException parse = assertThrows(IllegalArgumentException.class,
                () -> RaceType.parse("head2bot", "--race-type"));
        assertEquals("--race-type: expected TIME_TRIAL, OBJECT_AVOIDANCE, HEAD_TO_BOT or HEAD_TO_MODEL, got \"head2bot\"",
                parse.getMessage());
        IllegalArgumentException h2m = assertThrows(IllegalArgumentException.class,
                () -> EnvConfig.DEFAULT.withRaceType(RaceType.HEAD_TO_MODEL));
        assertTrue(h2m.getMessage().contains("racer race MODEL_A MODEL_B"), h2m.getMessage());
    }

    @Test
    void otherRaceTypesHaveNoBotsAndTheSettingsRoundTripThroughJson() throws Exception {
        RacingEnv tt = new RacingEnv(RECT, EnvConfig.DEFAULT, p -> 0, Sensor.none());
        assertNull(tt.bots());
        assertEquals(0, tt.objects().capacity());
        assertEquals(BotConfig.NONE, EnvConfig.DEFAULT.placedBots());
        assertEquals(3, EnvConfig.DEFAULT.withRaceType(RaceType.HEAD_TO_BOT).placedBots().count());
        EnvConfig c = bots(new BotConfig(2, 0.5, true, 2.0, 4.0, 1.5, 3.0, true, 1.0, 0.5));
        String json = Jsons.mapper().writeValueAsString(c);
        assertEquals(c, Jsons.mapper().readValue(json, EnvConfig.class));
        // a config written before bots existed reads with the defaults
        EnvConfig old = Jsons.mapper().readValue("{\"raceType\":\"OBJECT_AVOIDANCE\"}", EnvConfig.class);
        assertEquals(EnvConfig.DEFAULT_BOTS, old.bots());
        assertEquals(ObjectConfig.TRAINING_DEFAULT, old.objects());
    }
}
