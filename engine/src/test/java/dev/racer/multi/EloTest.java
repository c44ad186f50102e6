package dev.racer.multi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EloTest {
    @Test
    void handWorkedRaces() {
        // two equal cars: expected 0.5 each, the winner gains K / 2
        assertArrayEquals(new double[] {1516, 1484}, Elo.update(new double[] {1500, 1500}, new int[] {1, 2}, 32), 1e-9);
        // three equal cars: first +16 (two wins), second 0, third -16
        assertArrayEquals(new double[] {1484, 1516, 1500},
                Elo.update(new double[] {1500, 1500, 1500}, new int[] {3, 1, 2}, 32), 1e-9);
        // 400 points apart: the favourite expects 10/11; beating the underdog gains 32 / 11
        assertEquals(10.0 / 11, Elo.expected(1900, 1500), 1e-12);
        double[] r = Elo.update(new double[] {1900, 1500}, new int[] {1, 2}, 32);
        assertEquals(1900 + 32.0 / 11, r[0], 1e-9);
        assertEquals(1500 - 32.0 / 11, r[1], 1e-9);
        // a draw between unequal cars moves the favourite down
        double[] d = Elo.update(new double[] {1900, 1500}, new int[] {1, 1}, 32);
        assertEquals(1900 + 32 * (0.5 - 10.0 / 11), d[0], 1e-9);
        assertEquals(0.0, d[0] + d[1] - 3400, 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Elo.update(new double[] {1500}, new int[] {1}, 32));
    }
}
