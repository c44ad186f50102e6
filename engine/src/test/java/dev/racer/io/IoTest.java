package dev.racer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoTest {
    @TempDir
    Path dir;

    @Test
    void atomicWriteReplacesAndLeavesNoTempFile() throws IOException {
        Path f = dir.resolve("a/b/c.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void failedWriteKeepsTheOldFile() throws IOException {
        Path f = dir.resolve("x.txt");
        AtomicFiles.writeString(f, "old");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(f, out -> {
            out.write('n');
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("x.txt"), e.getMessage());
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void deleteTreeRemovesEverything() throws IOException {
        Files.createDirectories(dir.resolve("t/u/v"));
        Files.writeString(dir.resolve("t/u/v/f"), "x");
        Files.writeString(dir.resolve("t/g"), "y");
        FileTrees.delete(dir.resolve("t"));
        assertFalse(Files.exists(dir.resolve("t")));
        FileTrees.delete(dir.resolve("t")); // absent: nothing to do
    }

    @Test
    void jsonRoundTripAndClearErrors() throws IOException {
        Path f = dir.resolve("m.json");
        Jsons.writeAtomically(f, Map.of("k", 1));
        assertEquals(1, Jsons.readTree(f).get("k").asInt());
        Files.writeString(f, "{\"k\": 1,\n \"k\": 2}");
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> Jsons.readTree(f));
        assertTrue(dup.getMessage().contains("m.json") && dup.getMessage().contains("line 2"), dup.getMessage());
        Files.writeString(f, "{\"k\": }");
        assertThrows(IllegalArgumentException.class, () -> Jsons.readTree(f));
    }

    @Test
    void homeFollowsTheProperty() {
        String old = System.getProperty("racer.home");
        try {
            System.setProperty("racer.home", dir.toString());
            assertEquals(dir.resolve("tracks"), RacerHome.resolve("tracks"));
        } finally {
            if (old == null) {
                System.clearProperty("racer.home");
            } else {
                System.setProperty("racer.home", old);
            }
        }
    }
}
