package dev.racer.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarSpec;
import dev.racer.car.Control;
import dev.racer.race.EnvConfig;
import dev.racer.race.PurePursuitDriver;
import dev.racer.race.RacingEnv;
import dev.racer.race.ResetOptions;
import dev.racer.race.StartMode;
import dev.racer.race.StepResult;
import dev.racer.sensor.BorderRaySensor;
import dev.racer.sensor.CameraSensor;
import dev.racer.track.TrackLibrary;
import org.junit.jupiter.api.Test;

/** Gymnasium's spaces on the environment: the one action decode, the observation box, reset options. */
class SpacesTest {

    @Test
    void discreteDecodeIsTheListsOwnAction() {
        ActionSpace.Discrete d = ActionSpace.defaultDiscrete();
        assertSame(d.get(3), d.decode(3));
        assertEquals(new Control(15, 1), d.decode(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.decode(10));
        assertTrue(e.getMessage().contains("10 actions"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.decode(0.0, 0.0));
    }

    @Test
    void continuousDecodeMapsMinusOneToOneOntoTheBounds() {
        ActionSpace.Continuous c = new ActionSpace.Continuous(-30, 30, 0.5, 4);
        assertEquals(new Control(-30, 0.5), c.decode(-1.0, -1.0));
        assertEquals(new Control(30, 4), c.decode(1.0, 1.0));
        assertEquals(new Control(0, 2.25), c.decode(0.0, 0.0));
        assertEquals(new Control(30, 0.5), c.decode(7.0, -3.0), "clamped to [-1, 1]");
        assertThrows(IllegalArgumentException.class, () -> c.decode(2));
        assertEquals(new ActionSpace.Continuous(-CarSpec.DEFAULT.maxSteeringAngle(),
                CarSpec.DEFAULT.maxSteeringAngle(), 0, CarSpec.DEFAULT.maxSpeed()), ActionSpace.of(CarSpec.DEFAULT));
    }

    @Test
    void theEnvironmentStepsDecodedActions() {
        var track = TrackLibrary.standard().get("reinvent_base");
        ActionSpace.Discrete d = ActionSpace.defaultDiscrete();
        RacingEnv byIndex = new RacingEnv(track, EnvConfig.DEFAULT, p -> 1, new BorderRaySensor(), d);
        RacingEnv byControl = new RacingEnv(track, EnvConfig.DEFAULT, p -> 1, new BorderRaySensor(), d);
        byIndex.reset(5);
        byControl.reset(5);
        for (int a : new int[] {7, 7, 2, 9, 6}) {
            StepResult r1 = byIndex.step(a);
            byControl.step(d.get(a));
            assertArrayEquals(byControl.last().observation(), r1.observation());
        }
        ActionSpace.Continuous c = new ActionSpace.Continuous(-20, 20, 1, 3);
        RacingEnv cont = new RacingEnv(track, EnvConfig.DEFAULT, p -> 1, new BorderRaySensor(), c);
        cont.reset(5);
        cont.step(new double[] {0.5, 1});
        assertEquals(10, cont.params().steeringAngle(), 1e-9);
        assertEquals(3, cont.params().speed(), 1e-9);
        assertSame(c, cont.actionSpace());
        assertThrows(IllegalArgumentException.class, () -> cont.step(1));
    }

    @Test
    void observationsLieInTheSensorsSpace() {
        BorderRaySensor rays = new BorderRaySensor();
        ObservationSpace box = rays.observationSpace();
        assertArrayEquals(new int[] {17}, box.shape());
        RacingEnv env = new RacingEnv(TrackLibrary.standard().get("reinvent_base"), EnvConfig.DEFAULT, p -> 1, rays);
        assertEquals(box, env.observationSpace());
        PurePursuitDriver driver = new PurePursuitDriver();
        StepResult r = env.reset(1);
        driver.reset(env);
        for (int i = 0; i < 300 && !r.done(); i++) {
            assertTrue(box.contains(r.observation()), "step " + i);
            r = env.step(driver.act(env, r.observation()));
        }
        assertArrayEquals(new int[] {2, 120, 160}, CameraSensor.stereo().observationSpace().shape());
        assertEquals(160 * 120, CameraSensor.frontFacing().observationSpace().size());
        assertThrows(IllegalArgumentException.class, () -> new ObservationSpace(new int[] {2}, new float[1],
                new float[2]));
    }

    @Test
    void resetOptionsOverrideTheStart() {
        var track = TrackLibrary.standard().get("reinvent_base");
        RacingEnv own = new RacingEnv(track, EnvConfig.DEFAULT.withStartMode(StartMode.ROUND_ROBIN), p -> 1,
                new BorderRaySensor());
        RacingEnv other = new RacingEnv(track, EnvConfig.DEFAULT, p -> 1, new BorderRaySensor());
        for (int e = 0; e < 25; e++) {
            own.reset(e);
            other.reset(e, ResetOptions.roundRobin(e));
            assertEquals(own.startNdist(), other.startNdist(), 1e-15, "episode " + e);
        }
        other.reset(0, ResetOptions.at(40));
        assertEquals(other.geometry().ndist(40), other.startNdist(), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> other.reset(0, ResetOptions.at(10_000)));
        assertTrue(e.getMessage().contains("startWaypoint 10000"), e.getMessage());
    }
}
