package dev.racer.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BuiltInDriversTest {
    @Test
    void findsPurePursuitByNameAndAlias() {
        assertEquals("pure-pursuit", BuiltInDrivers.byName("pure_pursuit").name());
        assertEquals("pure-pursuit", BuiltInDrivers.byName("Follow").name());
        assertInstanceOf(PurePursuitDriver.class, BuiltInDrivers.byName("pure-pursuit").create());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BuiltInDrivers.byName("nope"));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("pure-pursuit"), e.getMessage());
    }
}
