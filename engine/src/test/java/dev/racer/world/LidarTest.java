package dev.racer.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LIDAR on boxes around a car at the origin heading +x. The sensor sits 0.02913 m ahead of the origin,
 * turned by π: ray 0 points 30° left, rays 31 and 32 point 2.38° either side of straight back, ray 63 30°
 * right; the 60° ahead is blind.
 */
class LidarTest {
    static final LidarSpec NO_NOISE = new LidarSpec(64, -2.61799, 2.61799, 0.15, 12.0, 0, 0, 0.02913, 3.1416);

    static WorldObjects boxAt(double x, double y) {
        WorldObjects o = new WorldObjects(4);
        o.resize(1);
        o.set(0, TrackObject.box(x, y, 0));
        return o;
    }

    @Test
    void rayAnglesFollowTheUrdfMount() {
        assertEquals(Math.toRadians(30), LidarSpec.DEEPRACER.rayAngle(0), 1e-4);
        assertEquals(Math.toRadians(330), LidarSpec.DEEPRACER.rayAngle(63), 1e-4);
        double step = 2 * 2.61799 / 63;
        assertEquals(Math.PI - step / 2, LidarSpec.DEEPRACER.rayAngle(31), 1e-4);
    }

    @Test
    void boxBehindHitsTheMiddleRaysHandWorked() {
        double[] r = new double[64];
        new Lidar(NO_NOISE).scan(boxAt(-1.0, 0), 0, 0, 0, r);
        // ray 31 leaves (0.02913, 0) at π - 0.04156 rad and meets the face x = -0.75 after (0.77913 / cos 0.04156)
        double a = -2.61799 + 31 * (2 * 2.61799 / 63);
        double expected = (0.02913 + 0.75) / Math.cos(a - 3.1416 + Math.PI);
        assertEquals(expected, r[31], 1e-6);
        assertEquals(r[31], r[32], 1e-3);
        assertEquals(Double.POSITIVE_INFINITY, r[0]);
        assertEquals(Double.POSITIVE_INFINITY, r[63]);
    }

    @Test
    void theSixtyDegreesAheadAreBlind() {
        WorldObjects ahead = boxAt(1.0, 0);
        LidarSensor s = new LidarSensor(LidarSensor.Kind.LIDAR, null, NO_NOISE, ahead);
        float[] out = new float[64];
        s.observe(0, 0, 0, out);
        for (float v : out) {
            assertEquals(1.0f, v, "nothing seen: clipped to 1.0");
        }
        // 45° to the left front it is seen by the first rays
        WorldObjects left = boxAt(0.6, 0.6);
        new LidarSensor(LidarSensor.Kind.LIDAR, null, NO_NOISE, left).observe(0, 0, 0, out);
        assertTrue(out[2] < 1.0f, "ray 2 (≈ 40° left) sees it: " + out[2]);
    }

    @Test
    void sectorLidarReadsOneWithinHalfAMetre() {
        float[] out = new float[8];
        new LidarSensor(LidarSensor.Kind.SECTOR_LIDAR, null, NO_NOISE, boxAt(-1.0, 0)).observe(0, 0, 0, out);
        assertArrayEquals(new float[8], out, "0.78 m is beyond 0.5 m");
        new LidarSensor(LidarSensor.Kind.SECTOR_LIDAR, null, NO_NOISE, boxAt(-0.5, 0)).observe(0, 0, 0, out);
        // face at x = -0.25: 0.279 m on rays 31 and 32, sectors 3 (rays 24-31) and 4 (32-39)
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 0, 0}, out);
    }

    @Test
    void discretizedSectorLidarIsOneHotPerSector() {
        LidarSensor s = new LidarSensor(LidarSensor.Kind.DISCRETIZED_SECTOR_LIDAR, LidarConfig.DEFAULT, NO_NOISE,
                boxAt(-1.0, 0));
        assertEquals(64, s.size());
        float[] out = new float[64];
        s.observe(0, 0, 0, out);
        // min 0.7798 m, bins of 2.0 / 8 = 0.25 m: bin 3 in sectors 3 and 4, the rest all zeros
        for (int j = 0; j < 8; j++) {
            for (int v = 0; v < 8; v++) {
                float want = (j == 3 || j == 4) && v == 3 ? 1f : 0f;
                assertEquals(want, out[j * 8 + v], "sector " + j + " bin " + v);
            }
        }
        // the filter on a hand-made scan: 2 sectors x 4 values, clip 1.0 (bins of 0.25)
        double[] ranges = new double[64];
        java.util.Arrays.fill(ranges, Double.POSITIVE_INFINITY);
        ranges[5] = 0.6;
        ranges[40] = 0.999;
        float[] two = new float[8];
        Lidar.sectors(ranges, 64, new LidarConfig(2, 4, 1.0), two, 0);
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 0, 0, 1}, two);
    }

    @Test
    void noiseIsSeeded() {
        LidarSensor s = LidarSensor.of(LidarSensor.Kind.LIDAR, boxAt(-0.6, 0));
        float[] a = new float[64], b = new float[64], c = new float[64];
        s.reseed(7);
        s.observe(0, 0, 0, a);
        s.reseed(7);
        s.observe(0, 0, 0, b);
        s.reseed(8);
        s.observe(0, 0, 0, c);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
        assertEquals(0.379, a[31], 0.06, "0.379 m plus 1 cm noise");
    }

    @Test
    void sectorNoiseIsSkippedOnlyWhereItCannotChangeABin() {
        // box face 0.62 m away on rays 31/32: 0.12 m from the bin edges 0.5 and 0.75, far beyond 8σ = 0.08 m
        WorldObjects o = boxAt(-0.84087, 0);
        float[] quiet = new float[64], noisy = new float[64];
        new LidarSensor(LidarSensor.Kind.DISCRETIZED_SECTOR_LIDAR, LidarConfig.DEFAULT, NO_NOISE, o).observe(0, 0, 0, quiet);
        LidarSensor s = LidarSensor.of(LidarSensor.Kind.DISCRETIZED_SECTOR_LIDAR, o);
        for (long seed = 0; seed < 20; seed++) {
            s.reseed(seed);
            s.observe(0, 0, 0, noisy);
            assertArrayEquals(quiet, noisy, "seed " + seed);
        }
        assertEquals(1f, quiet[3 * 8 + 2], "bin 2 = [0.5, 0.75)");
        // LIDAR's continuous reading always gets the noise: 20 seeds give more than one value
        LidarSensor l = LidarSensor.of(LidarSensor.Kind.LIDAR, o);
        java.util.Set<Float> seen = new java.util.HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            l.reseed(seed);
            l.observe(0, 0, 0, noisy);
            seen.add(noisy[31]);
        }
        assertTrue(seen.size() > 10, "noisy LIDAR readings: " + seen);
    }

    @Test
    void scanAllocatesNothing() {
        WorldObjects o = new WorldObjects(6);
        new ObjectPlacer().place(ObjectConfig.spaced(6, true), ObjectsTest.RECT, 3, o);
        LidarSensor s = LidarSensor.of(LidarSensor.Kind.DISCRETIZED_SECTOR_LIDAR, o);
        float[] out = new float[s.size()];
        s.observe(1, 0, 0, out);
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            s.observe(i * 1e-3, 0.1, 0, out);
        }
        assertTrue(bean.getThreadAllocatedBytes(tid) - before < 10_000);
    }

    @Test
    void configAndCombinationErrors() {
        assertEquals("lidar_config.num_sectors: 64 % number of sectors (6) must be 0 (use 1, 2, 4, 8, 16, 32 or 64)",
                assertThrows(IllegalArgumentException.class, () -> new LidarConfig(6, 8, 2.0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LidarConfig(8, 0, 2.0));
        assertThrows(IllegalArgumentException.class, () -> new LidarConfig(8, 8, 13.0));
        SensorCombination.validate(List.of("FRONT_FACING_CAMERA"), "--sensor");
        SensorCombination.validate(List.of("STEREO_CAMERAS", "LIDAR"), "--sensor");
        SensorCombination.validate(List.of("RACER_BORDER_RAYS", "SECTOR_LIDAR"), "--sensor");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SensorCombination.validate(List.of("LIDAR"), "--sensor")).getMessage()
                .startsWith("--sensor: DeepRacer needs exactly one camera sensor"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SensorCombination.validate(List.of("FRONT_FACING_CAMERA", "STEREO_CAMERAS"), "sensor")).getMessage()
                .startsWith("sensor: DeepRacer needs exactly one camera sensor"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SensorCombination.validate(List.of("FRONT_FACING_CAMERA", "LIDAR", "SECTOR_LIDAR"), "--sensor"))
                .getMessage().startsWith("--sensor: DeepRacer allows at most one lidar sensor"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SensorCombination.validate(List.of("FRONT_FACING_CAMERA", "RADAR"), "--sensor"))
                .getMessage().startsWith("--sensor: unknown sensor \"RADAR\""));
    }
}
