package dev.racer.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.util.SplitMix64;
import org.junit.jupiter.api.Test;

class NormalTableTest {
    @Test
    void quantilesAreTheNormals() {
        assertEquals(0.0, NormalTable.inverseCdf(0.5), 1e-12);
        assertEquals(1.959963984540054, NormalTable.inverseCdf(0.975), 1e-8);
        assertEquals(-2.326347874040841, NormalTable.inverseCdf(0.01), 1e-8);
    }

    @Test
    void samplesHaveMeanZeroVarianceOneAndNormalTails() {
        SplitMix64 r = new SplitMix64(5);
        int n = 400_000;
        double sum = 0, sq = 0;
        int beyond1 = 0, beyond2 = 0;
        for (int i = 0; i < n; i++) {
            double z = NormalTable.sample(r.nextLong());
            sum += z;
            sq += z * z;
            beyond1 += Math.abs(z) > 1 ? 1 : 0;
            beyond2 += Math.abs(z) > 2 ? 1 : 0;
        }
        assertEquals(0.0, sum / n, 0.01);
        assertEquals(1.0, sq / n, 0.01);
        assertEquals(0.3173, (double) beyond1 / n, 0.005);
        assertEquals(0.0455, (double) beyond2 / n, 0.002);
        assertTrue(Math.abs(NormalTable.sample(-1L)) < 3.8 && Math.abs(NormalTable.sample(0L)) < 3.8);
    }
}
