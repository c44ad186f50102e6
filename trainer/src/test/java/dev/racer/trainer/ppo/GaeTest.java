package dev.racer.trainer.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class GaeTest {
    private static final float[] R = {1, 0, 2};
    private static final float[] V = {0.5f, 1.0f, 1.5f};

    @Test
    void terminatedEpisodeBootstrapsWithZero() {
        float[] adv = new float[3], ret = new float[3];
        Gae.compute(R, V, 0, 3, 0.0, 0.9, 0.8, adv, ret);
        // t=2: delta 2 - 1.5 = 0.5; t=1: 0 + 0.9*1.5 - 1 = 0.35, A = 0.35 + 0.72*0.5 = 0.71;
        // t=0: 1 + 0.9*1 - 0.5 = 1.4, A = 1.4 + 0.72*0.71 = 1.9112
        assertArrayEquals(new float[] {1.9112f, 0.71f, 0.5f}, adv, 1e-6f);
        assertArrayEquals(new float[] {2.4112f, 1.71f, 2.0f}, ret, 1e-6f);
    }

    @Test
    void truncatedEpisodeBootstrapsWithTheCritic() {
        float[] adv = new float[3], ret = new float[3];
        Gae.compute(R, V, 0, 3, 2.0, 0.9, 0.8, adv, ret);
        // t=2: 2 + 0.9*2 - 1.5 = 2.3; t=1: 0.35 + 0.72*2.3 = 2.006; t=0: 1.4 + 0.72*2.006 = 2.84432
        assertArrayEquals(new float[] {2.84432f, 2.006f, 2.3f}, adv, 1e-5f);
    }

    @Test
    void lambdaOneGivesDiscountedReturnMinusValue() {
        float[] adv = new float[3], ret = new float[3];
        Gae.compute(R, V, 0, 3, 0.0, 0.9, 1.0, adv, ret);
        // returns: 1 + 0.81*2 = 2.62, 0 + 0.9*2 = 1.8, 2
        assertArrayEquals(new float[] {2.62f, 1.8f, 2.0f}, ret, 1e-6f);
        assertArrayEquals(new float[] {2.12f, 0.8f, 0.5f}, adv, 1e-6f);
    }

    @Test
    void worksOnASliceOfLargerArrays() {
        float[] r = {9, 1, 0, 2, 9}, v = {9, 0.5f, 1.0f, 1.5f, 9};
        float[] adv = new float[5], ret = new float[5];
        Gae.compute(r, v, 1, 3, 0.0, 0.9, 0.8, adv, ret);
        assertArrayEquals(new float[] {0, 1.9112f, 0.71f, 0.5f, 0}, adv, 1e-6f);
    }
}
