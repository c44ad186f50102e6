package dev.racer.sensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.race.EnvConfig;
import dev.racer.race.RaceType;
import dev.racer.race.RacingEnv;
import dev.racer.race.StepResult;
import dev.racer.reward.CenterLineReward;
import dev.racer.space.ObservationSpace;
import dev.racer.track.TrackLibrary;
import dev.racer.world.LidarSensor;
import dev.racer.world.ObjectConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The border rays and a LIDAR read as one vector: layout, bounds, and the LIDAR's noise reseeded per episode. */
class SensorStackTest {
    static final EnvConfig BOXES = EnvConfig.DEFAULT.withRaceType(RaceType.OBJECT_AVOIDANCE)
            .withObjects(ObjectConfig.TRAINING_DEFAULT);

    static SensorStack stack(LidarSensor.Kind kind) {
        return new SensorStack(List.of(new BorderRaySensor(), LidarSensor.of(kind, null)));
    }

    @Test
    void concatenatesInOrderWithEachPartsBounds() {
        SensorStack s = stack(LidarSensor.Kind.LIDAR);
        assertEquals(17 + 64, s.size());
        assertEquals("RACER_BORDER_RAYS+LIDAR", s.name());
        ObservationSpace o = s.observationSpace();
        assertArrayEquals(new int[] {81}, o.shape());
        assertEquals(-1f, o.low()[16], "steering");
        assertEquals((float) LidarSensor.LIDAR_CLIP_LOW, o.low()[17]);
        assertEquals(1f, o.high()[80]);
        RacingEnv env = new RacingEnv(TrackLibrary.standard().get("reinvent_base"), BOXES, new CenterLineReward(), s);
        StepResult r = env.reset(4);
        assertTrue(o.contains(r.observation()));
        float[] rays = new float[17];
        new BorderRaySensor().observe(env, rays);
        assertArrayEquals(rays, Arrays.copyOf(r.observation(), 17), "the border rays first");
        assertThrows(IllegalArgumentException.class, () -> new SensorStack(List.of(new BorderRaySensor())));
        assertThrows(IllegalArgumentException.class,
                () -> new SensorStack(List.of(new BorderRaySensor(), CameraSensor.byName("FRONT_FACING_CAMERA"))));
    }

    @Test
    void theEnvironmentReseedsEveryPartOnReset() {
        long[] seen = {-1};
        Sensor spy = new Sensor() {
            @Override
            public String name() {
                return "SPY";
            }

            @Override
            public int size() {
                return 1;
            }

            @Override
            public ObservationSpace observationSpace() {
                return ObservationSpace.box(0, 1, 1);
            }

            @Override
            public void observe(CarView car, float[] out) {
                out[0] = 0.5f;
            }

            @Override
            public void reseed(long seed) {
                seen[0] = seed;
            }
        };
        RacingEnv env = new RacingEnv(TrackLibrary.standard().get("reinvent_base"), BOXES, new CenterLineReward(),
                new SensorStack(List.of(new BorderRaySensor(), spy)));
        assertEquals(0.5f, env.reset(42).observation()[17]);
        assertEquals(42, seen[0], "same seed, same LIDAR noise, inside a stack too");
    }
}
