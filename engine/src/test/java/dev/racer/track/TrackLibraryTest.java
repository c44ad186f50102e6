package dev.racer.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's import service on a temp folder, and DeepRacer's own route files (Apache-2.0, copied from the
 * simulator's bundle/routes under src/test/resources/npy/simapp): Tokyo_Training_track, whose border points are
 * not level with its centre points in two S-bends, and the open Straight_track.
 */
class TrackLibraryTest {
    @TempDir
    Path home;

    private Path fixture(String name) throws IOException {
        Path p = home.resolve(name);
        try (InputStream in = TrackLibraryTest.class.getResourceAsStream("/npy/simapp/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void builtInLibraryHasNoUserFolder() {
        TrackLibrary lib = TrackLibrary.builtIn();
        assertNull(lib.userDir());
        assertEquals(List.of(), lib.userIds());
        assertEquals(lib.builtInIds(), lib.ids());
        assertTrue(assertThrows(TrackException.class, () -> lib.importTrack(home.resolve("x.npy"), "x", "X", null,
                null, false)).getMessage().contains("no user folder"));
    }

    @Test
    void tokyoImportsAndEqualsTheBuiltInTrack() throws IOException {
        TrackLibrary lib = new TrackLibrary(home.resolve("tracks"));
        TrackValidator.Result r = lib.importTrack(fixture("Tokyo_Training_track.npy"), "tokyo", "Tokyo", null,
                null, false);
        assertEquals(Direction.COUNTERCLOCKWISE, r.track().direction());
        assertTrue(Files.isRegularFile(home.resolve("tracks/tokyo.json")));
        assertEquals(List.of("tokyo"), lib.userIds());
        Track builtIn = TrackLibrary.builtIn().get("Tokyo_Training_track");
        assertArrayEquals(builtIn.rows(), lib.get("tokyo").rows());
        assertEquals("imported from Tokyo_Training_track.npy", lib.get("tokyo").attribution());
        // a second import of the same id needs --force
        String again = assertThrows(TrackException.class, () -> lib.importTrack(home.resolve(
                "Tokyo_Training_track.npy"), "tokyo", "Tokyo", null, null, false)).getMessage();
        assertTrue(again.contains("already exists") && again.contains("--force"), again);
        lib.importTrack(home.resolve("Tokyo_Training_track.npy"), "tokyo", "Tokyo 2", null, "mine", true);
        assertEquals("Tokyo 2", new TrackLibrary(home.resolve("tracks")).get("tokyo").name());
    }

    @Test
    void aBuiltInIdNeedsForce() throws IOException {
        TrackLibrary lib = new TrackLibrary(home.resolve("tracks"));
        Path npy = fixture("Tokyo_Training_track.npy");
        String m = assertThrows(TrackException.class, () -> lib.importTrack(npy, "Tokyo_Training_track", "T", null,
                null, false)).getMessage();
        assertTrue(m.contains("is a built-in track") && m.contains("--force"), m);
    }

    @Test
    void theOpenStraightTrackIsRefusedAsAnOpenRoute() throws IOException {
        TrackLibrary lib = new TrackLibrary(home.resolve("tracks"));
        String m = assertThrows(TrackException.class, () -> lib.importTrack(fixture("Straight_track.npy"),
                "straight", "Straight", null, null, false)).getMessage();
        assertTrue(m.contains("Straight_track.npy: open routes are not supported"), m);
        assertTrue(!m.contains("not a loop"), m);
        assertEquals(List.of(), lib.userIds(), "nothing written");
    }

    @Test
    void badIdAndMissingFile() {
        TrackLibrary lib = new TrackLibrary(home.resolve("tracks"));
        assertTrue(assertThrows(TrackException.class, () -> lib.importTrack(home.resolve("a.npy"), "../x", "X",
                null, null, false)).getMessage().contains("--id \"../x\""));
        assertTrue(assertThrows(TrackException.class, () -> lib.importTrack(home.resolve("a.npy"), "x", "X",
                null, null, false)).getMessage().contains("a.npy: no such file"));
    }

    @Test
    void variantsNameTheTrackTheyAreADirectionOf() {
        assertEquals("2022_april_open", TrackLibrary.variantOf("2022_april_open_cw"));
        assertEquals("2024_reinvent_champ", TrackLibrary.variantOf("2024_reinvent_champ_ccw"));
        assertNull(TrackLibrary.variantOf("reinvent_base"));
    }
}
