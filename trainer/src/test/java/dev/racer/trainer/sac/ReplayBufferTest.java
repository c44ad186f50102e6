package dev.racer.trainer.sac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private static void put(ReplayBuffer b, int v, boolean terminal) {
        b.add(new float[] {v, -v}, 0, new float[] {v / 10f}, 0, v * 2f, new float[] {v + 1, -v - 1}, 0, terminal);
    }

    @Test
    void keepsTheLastCapacityTransitionsConsistently() {
        ReplayBuffer b = new ReplayBuffer(5, 2, 1);
        for (int v = 0; v < 12; v++) {
            put(b, v, v % 3 == 0);
        }
        assertEquals(5, b.size());
        int n = 500;
        float[] s = new float[n * 2], a = new float[n], r = new float[n], s2 = new float[n * 2], nd = new float[n];
        b.sample(n, new SplittableRandom(1), s, a, r, s2, nd);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int v = (int) s[2 * i];
            seen.add(v);
            assertTrue(v >= 7 && v <= 11, "old transition " + v + " still sampled");
            assertEquals(-v, s[2 * i + 1]);
            assertEquals(v / 10f, a[i]);
            assertEquals(2f * v, r[i]);
            assertEquals(v + 1, s2[2 * i]);
            assertEquals(v % 3 == 0 ? 0f : 1f, nd[i]);
        }
        assertEquals(5, seen.size());
    }

    @Test
    void growsPastItsFirstAllocation() {
        ReplayBuffer b = new ReplayBuffer(3000, 2, 1);
        for (int v = 0; v < 2500; v++) {
            put(b, v, false);
        }
        assertEquals(2500, b.size());
        float[] s = new float[2], a = new float[1], r = new float[1], s2 = new float[2], nd = new float[1];
        b.sample(1, new SplittableRandom(2), s, a, r, s2, nd);
        assertEquals(s[0] + 1, s2[0]);
    }

    @Test
    void rejectsBadUse() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(0, 1, 1));
        ReplayBuffer b = new ReplayBuffer(4, 1, 1);
        assertThrows(IllegalStateException.class, () -> b.sample(1, new SplittableRandom(1), new float[1],
                new float[1], new float[1], new float[1], new float[1]));
    }
}
