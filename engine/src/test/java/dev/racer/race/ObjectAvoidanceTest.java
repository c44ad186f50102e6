package dev.racer.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarState;
import dev.racer.race.Scenarios.Scripted;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.Sensor;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import dev.racer.world.ObjectConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Boxes in the environment and the race rules: placement, params, crashes, the collision penalty. */
class ObjectAvoidanceTest {
    /** r = 3 m, 1 m wide, counter-clockwise from (3, 0): a quarter lap ends exactly at vertex 50, (0, 3). */
    private static final Track CIRCLE = Scenarios.circle("test_circle", 3, 1.0, 200);
    private static final ObjectConfig QUARTER_INNER = ObjectConfig.fixed(List.of(new ObjectConfig.Position(0.25, 1)));

    private static EnvConfig objects(ObjectConfig o) {
        return EnvConfig.DEFAULT.withRaceType(RaceType.OBJECT_AVOIDANCE).withObjects(o)
                .withMaxSteps(Integer.MAX_VALUE);
    }

    @Test
    void theBoxAndItsParamsByHand() {
        RacingEnv env = new RacingEnv(CIRCLE, objects(QUARTER_INNER), p -> 1.0, Sensor.none());
        env.reset(3);
        assertEquals(1, env.objects().count());
        // the inner lane runs halfway between the centre line (r 3) and the inner border (r 2.5)
        assertEquals(0.0, env.objects().x(0), 1e-9);
        assertEquals(2.75, env.objects().y(0), 1e-9);
        RewardParams p = env.params();
        Map<String, Object> m = p.toMap();
        List<?> loc = (List<?>) ((List<?>) m.get("objects_location")).get(0);
        assertEquals(0.0, (Double) loc.get(0), 1e-9);
        assertEquals(2.75, (Double) loc.get(1), 1e-9);
        assertEquals(List.of(true), m.get("objects_left_of_center"), "inner lane of a counter-clockwise track");
        assertEquals(List.of(0, 0), m.get("closest_objects"));
        // to the nearest point of the 200-gon's centre line: a chord beside vertex 50 lies a hair nearer
        assertEquals(0.25, (Double) ((List<?>) m.get("objects_distance_from_center")).get(0), 1e-4);
        assertEquals(0.25 * env.geometry().length(), (Double) ((List<?>) m.get("objects_distance")).get(0), 0.01);
        assertEquals(List.of(0.0), m.get("objects_speed"));
        assertEquals(List.of(0.0), m.get("objects_heading"));
        assertEquals(false, m.get("is_crashed"));
    }

    @Test
    void aTimeTrialKeepsDeepRacersDefaults() {
        RacingEnv env = new RacingEnv(CIRCLE, EnvConfig.DEFAULT.withObjects(QUARTER_INNER), p -> 1.0, Sensor.none());
        env.reset(1);
        env.step(0, 1);
        Map<String, Object> m = env.params().toMap();
        assertEquals(List.of(0, 0), m.get("closest_objects"));
        assertEquals(List.of(), m.get("objects_location"));
        assertEquals(false, m.get("object_in_camera"));
        assertEquals(0, env.objects().count());
    }

    @Test
    void drivingIntoTheBoxCrashesAndEndsTheEpisode() {
        RacingEnv env = new RacingEnv(CIRCLE, objects(QUARTER_INNER), p -> 1.0, Sensor.none());
        env.reset(1);
        // rear axle 0.3 m before the box centre along the inner lane, heading along the track (-x at the top)
        env.placeCar(CarState.atRest(0.3, 2.75, Math.PI), 25);
        StepResult r = Scenarios.driveStraight(env, 1.0, 20);
        assertEquals(EpisodeStatus.CRASHED, r.status());
        assertTrue(r.terminated());
        assertTrue(env.params().isCrashed());
        assertEquals(true, env.params().toMap().get("is_crashed"));
        assertEquals("crashed", r.status().traceName());
    }

    @Test
    void sameSeedSameBoxesAndRandomisedBoxesMove() {
        Track t = TrackLibrary.standard().get("reinvent_base");
        EnvConfig c = objects(ObjectConfig.spaced(6, true));
        RacingEnv a = new RacingEnv(t, c, p -> 1.0, Sensor.none());
        RacingEnv b = new RacingEnv(t, c, p -> 1.0, Sensor.none());
        a.reset(42);
        b.reset(42);
        for (int i = 0; i < 6; i++) {
            assertEquals(a.objects().get(i), b.objects().get(i));
        }
        double x0 = a.objects().x(0);
        a.reset(43);
        assertNotEquals(x0, a.objects().x(0), "another seed, other places");
    }

    @Test
    void objectsThatDoNotFitAreAClearError() {
        Track t = TrackLibrary.standard().get("reinvent_base");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RacingEnv(t, objects(ObjectConfig.spaced(200, false)), p -> 1.0, Sensor.none()));
        assertTrue(e.getMessage().startsWith("--objects 200 does not fit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ObjectConfig.spaced(-1, false));
    }

    @Test
    void aBoxAtTheStartMovesTheStartToTheOtherLane() {
        ObjectConfig atStart = ObjectConfig.fixed(List.of(new ObjectConfig.Position(0.02, 1)));
        RacingEnv env = new RacingEnv(CIRCLE, objects(atStart), p -> 1.0, Sensor.none());
        env.reset(1);
        // start at (3, 0) heading +y; the box is in the inner (left) lane, so the car starts a quarter width right
        // (the local width between the nearest border points of the 200-gon is a hair under 1 m)
        // (the start heading is the first chord's, 0.9 deg off +y)
        assertEquals(3.25, env.carX(), 1e-4);
        assertEquals(0.0, env.carY(), 0.005);
        assertFalse(env.params().isCrashed());
    }

    @Test
    void aCrashInARaceCostsTheCollisionPenaltyAndPutsTheCarBehindTheBoxInTheOtherLane() {
        // pure pursuit drives the centre line, which the inner-lane box overlaps by 5 cm
        Scripted driver = new Scripted((act, since, putBacks) -> null);
        RacingEnv env = new RacingEnv(CIRCLE, objects(QUARTER_INNER), p -> 0, driver.newSensor());
        RaceSession s = new RaceSession(env, TimeTrialConfig.DEFAULT.withLaps(1).withMaxResets(1), driver);
        s.start(7);
        TrialRow row;
        do {
            row = s.step();
        } while (row.status() == EpisodeStatus.IN_PROGRESS);
        assertEquals(EpisodeStatus.CRASHED, row.status());
        assertEquals(1, s.crashes());
        assertEquals(0, s.offTracks());
        assertEquals(5.0, s.penaltyLeft(), 1e-12);
        double crashTime = row.time();
        for (int k = 1; k <= 75; k++) { // 5 s at 15 rows/s
            row = s.step();
            assertEquals(EpisodeStatus.PAUSE, row.status());
            assertEquals(crashTime + k / 15.0, row.time(), 1e-9);
            assertEquals(k < 75 ? 5.0 - k / 15.0 : 0, s.penaltyLeft(), 1e-9);
        }
        row = s.step();
        assertTrue(row.status() == EpisodeStatus.IN_PROGRESS || row.status() == EpisodeStatus.CRASHED);
        // put back 1 m behind the box (along the centre line) in the outer lane, then one step
        double r = Math.hypot(env.carX(), env.carY());
        assertTrue(r > 3.1, "in the outer lane: " + r + " m from the centre");
        double behind = 0.25 * env.geometry().length() - RacingEnv.RESET_BEHIND_DIST;
        assertEquals(behind / env.geometry().length() * 100, env.params().progress(), 2.0);
        while (!s.isFinished()) {
            s.step();
        }
        LapResult lap = s.result().laps().get(0);
        assertTrue(lap.crashes() >= 1);
        assertEquals(lap.crashes(), s.result().crashes());
        assertEquals(5000L * lap.crashes(), lap.penaltyMs());
    }

    @Test
    void borderRaysSeeTheVisibleBox() {
        dev.racer.sensor.BorderRaySensor rays = new dev.racer.sensor.BorderRaySensor(3, 5.0);
        float[] with = new float[rays.size()], without = new float[rays.size()];
        RacingEnv env = new RacingEnv(CIRCLE, objects(QUARTER_INNER), p -> 1.0, rays);
        RacingEnv bare = new RacingEnv(CIRCLE, EnvConfig.DEFAULT, p -> 1.0, rays);
        for (RacingEnv e : List.of(env, bare)) {
            e.reset(1);
            // front point at (0.8, 2.75) heading -x: straight at the box, whose visible 0.4 m spans x in [-0.2, 0.2]
            e.placeCar(CarState.atRest(0.94, 2.75, Math.PI), 25);
        }
        rays.observe(env, with);
        rays.observe(bare, without);
        assertEquals(0.6 / 5.0, with[1], 1e-4, "the middle ray stops at the box's near face");
        // without the box it runs on to the outer border, x = -sqrt(3.5^2 - 2.75^2) (the 200-gon lies a hair inside)
        assertEquals((0.8 + Math.sqrt(3.5 * 3.5 - 2.75 * 2.75)) / 5.0, without[1], 0.01);
        assertEquals(without[0], with[0], 1e-6, "the side rays miss it");
    }

    @Test
    void theLapPictureDrawsTheBoxAndMarksTheCrash() {
        Scripted driver = new Scripted((act, since, putBacks) -> null);
        RacingEnv env = new RacingEnv(CIRCLE, objects(QUARTER_INNER), p -> 0, driver.newSensor());
        RaceSession s = new RaceSession(env, TimeTrialConfig.DEFAULT.withLaps(1).withMaxResets(0), driver);
        dev.racer.plot.LapPlot plot = new dev.racer.plot.LapPlot(env.geometry());
        TrialObserver o = plot.observer();
        s.start(7);
        while (!s.isFinished()) {
            o.onRow(s.step());
        }
        assertEquals(List.of("crashed"), plot.incidents().stream().map(dev.racer.plot.LapPlot.Incident::kind).toList());
        java.awt.image.BufferedImage img = plot.render();
        int brown = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == 0xB0834F) {
                    brown++;
                }
            }
        }
        assertTrue(brown > 50, "the box is drawn: " + brown + " px");
    }
}
