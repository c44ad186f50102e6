package dev.racer.trainer.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The camera presets build, run batched as one at a time, and survive a save and load. */
class ConvTorsoTest {
    private static final PolicyNet.LossConfig LOSS = new PolicyNet.LossConfig(0.2, 0.5, 0.01, true, 3e-4);

    @TempDir
    Path tmp;

    private static float[] frames(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble();
        }
        return x;
    }

    @Test
    void everyPresetRunsAndBatchesMatchSingleRows() {
        for (String preset : new String[] {"DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", "DEEP_CONVOLUTIONAL_NETWORK",
            "DEEP_CONVOLUTIONAL_NETWORK_DEEP"}) {
            int channels = preset.endsWith("DEEP") ? 2 : 1;
            PolicyNet net = PolicyNet.createCamera(preset, channels, 5, true, LOSS, 7);
            int d = net.obsDim();
            assertEquals(channels * 120 * 160, d);
            float[] obs = frames(2 * d, 3);
            float[][] both = net.forward(obs, 2);
            assertEquals(10, both[0].length, preset);
            assertEquals(2, both[1].length, preset);
            float[] second = java.util.Arrays.copyOfRange(obs, d, 2 * d);
            float[][] one = net.forward(second, 1);
            for (int k = 0; k < 5; k++) {
                assertEquals(both[0][5 + k], one[0][k], 1e-4, preset);
            }
            assertEquals(both[1][1], one[1][0], 1e-4, preset);
        }
    }

    @Test
    void aTrainingStepChangesTheTorsoAndSaveLoadKeepsIt() {
        PolicyNet net = PolicyNet.createCamera("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 3, true, LOSS, 1);
        int d = net.obsDim();
        int b = 4;
        float[] obs = frames(b * d, 5);
        float[] act = new float[b * 3];
        for (int i = 0; i < b; i++) {
            act[i * 3 + i % 3] = 1;
        }
        float[] before = net.forward(obs, b)[1];
        net.fit(obs, act, new float[] {-1.1f, -1.1f, -1.1f, -1.1f}, new float[] {1, -1, 1, -1},
                new float[] {1, 1, 1, 1}, b);
        float[][] after = net.forward(obs, b);
        assertTrue(Math.abs(after[1][0] - before[0]) > 1e-7, "the value moved");
        Path f = tmp.resolve("cam.sd");
        net.save(f, false);
        PolicyNet loaded = PolicyNet.loadCamera(f, "DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 3, true);
        float[][] again = loaded.forward(obs, b);
        assertArrayEquals(after[0], again[0], 1e-6f);
        assertArrayEquals(after[1], again[1], 1e-6f);
        assertThrows(IllegalArgumentException.class,
                () -> PolicyNet.loadCamera(f, "DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 2, 3, true));
    }
}
