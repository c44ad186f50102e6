package dev.racer.multi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CarCrashRuleTest {
    @Test
    void cornerTestIsOneSided() {
        // B at the origin heading +x (half 0.16176 × 0.09805); A turned 45°, its lowest corner
        // ((hl + hw) / sqrt 2 = 0.18364 below its centre, 0.045 m left of it) 2 cm into B's top side at x = 0
        double ay = 0.09805 + (0.16176 + 0.09805) / Math.sqrt(2) - 0.02;
        double ax = (0.16176 - 0.09805) / Math.sqrt(2);
        assertTrue(CarCrashRule.cornerInside(ax, ay, Math.PI / 4, 0, 0, 0));
        // none of B's corners is inside A: B has not crashed into A
        assertFalse(CarCrashRule.cornerInside(0, 0, 0, ax, ay, Math.PI / 4));
        assertFalse(CarCrashRule.cornerInside(1, 0, 0, 0, 0, 0));
    }

    @Test
    void theCarBehindOnTheLapPays() {
        assertEquals(97.7, CarCrashRule.normalized(-2.3, 0), 1e-9);
        assertEquals(10.0, CarCrashRule.normalized(90, 0.2), 1e-9);
        assertTrue(CarCrashRule.atFault(40, 41));
        assertFalse(CarCrashRule.atFault(41, 40));
        // just past the start line (1 %) counts as behind a car just before it (99 %): the simapp's modulo
        assertTrue(CarCrashRule.atFault(CarCrashRule.normalized(101, 0), CarCrashRule.normalized(-1, 0)));
    }
}
