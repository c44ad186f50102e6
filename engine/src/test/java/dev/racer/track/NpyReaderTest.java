package dev.racer.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixtures made by {@code tracks/scripts/make_npy_fixtures.py}; {@code oval.csv} holds the expected values. */
class NpyReaderTest {

    static byte[] resource(String name) {
        try (InputStream in = NpyReaderTest.class.getResourceAsStream("/npy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /npy/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[][] expected() {
        String[] lines = new String(resource("oval.csv"), StandardCharsets.US_ASCII).strip().split("\n");
        double[][] rows = new double[lines.length][];
        for (int i = 0; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            rows[i] = new double[6];
            for (int j = 0; j < 6; j++) {
                rows[i][j] = Double.parseDouble(cells[j]);
            }
        }
        return rows;
    }

    private static String error(String name) {
        return assertThrows(TrackException.class, () -> NpyReader.read(resource(name), name)).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"oval_v1_f8.npy", "oval_v2_f8.npy", "oval_v3_f8.npy", "oval_be_f8.npy",
        "oval_fortran_f8.npy"})
    void readsFloat64Exactly(String name) {
        double[][] rows = NpyReader.read(resource(name), name);
        double[][] want = expected();
        assertEquals(25, rows.length);
        for (int i = 0; i < want.length; i++) {
            assertArrayEquals(want[i], rows[i], 0.0, "row " + i);
        }
    }

    @Test
    void readsFloat32AsTheNearestFloat() {
        double[][] rows = NpyReader.read(resource("oval_f4.npy"), "oval_f4.npy");
        double[][] want = expected();
        assertEquals(25, rows.length);
        for (int i = 0; i < want.length; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals((double) (float) want[i][j], rows[i][j], 0.0, "row " + i + " column " + j);
            }
        }
    }

    @Test
    void fixtureIsAValidTrack() {
        TrackValidator.Result r = TrackValidator.validate("oval", "Oval", null, "",
                NpyReader.read(resource("oval_v1_f8.npy"), "oval_v1_f8.npy"), "oval_v1_f8.npy");
        assertEquals(Direction.COUNTERCLOCKWISE, r.track().direction());
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "expected \"" + p + "\" in: " + message);
        }
    }

    @Test
    void wrongShape() {
        assertContains(error("shape_5_columns.npy"), "shape_5_columns.npy", "array shape is (25, 5)",
                "expected (N, 6)");
        assertContains(error("shape_1d.npy"), "shape_1d.npy", "array shape is (150,)", "expected (N, 6)");
    }

    @Test
    void wrongElementType() {
        assertContains(error("int64.npy"), "int64.npy", "element type '<i8'", "expected float64 ('<f8' or '>f8')");
    }

    @Test
    void badMagic() {
        assertContains(error("bad_magic.npy"), "bad_magic.npy", "not a NumPy .npy file", "starts with \\x63\\x65",
                "expected the magic \\x93NUMPY");
    }

    @Test
    void emptyFile() {
        assertContains(assertThrows(TrackException.class, () -> NpyReader.read(new byte[0], "e.npy")).getMessage(),
                "e.npy", "empty file");
    }

    @Test
    void truncatedData() {
        assertContains(error("truncated.npy"), "truncated.npy", "truncated", "(25, 6) <f8 array needs 1200 bytes",
                "the file has 1100");
    }

    @Test
    void truncatedHeader() {
        byte[] whole = resource("oval_v1_f8.npy");
        byte[] cut = java.util.Arrays.copyOf(whole, 40);
        assertContains(assertThrows(TrackException.class, () -> NpyReader.read(cut, "cut.npy")).getMessage(),
                "cut.npy", "truncated", "the .npy header says 118 bytes");
    }

    @Test
    void unknownVersion() {
        byte[] b = resource("oval_v1_f8.npy").clone();
        b[6] = 9;
        assertContains(assertThrows(TrackException.class, () -> NpyReader.read(b, "v9.npy")).getMessage(),
                "v9.npy", "format version 9.0", "expected 1.0, 2.0 or 3.0");
    }

    @Test
    void zipArchive() {
        byte[] b = {'P', 'K', 3, 4, 0, 0};
        assertContains(assertThrows(TrackException.class, () -> NpyReader.read(b, "a.npz")).getMessage(),
                "a.npz", "zip archive", "expected a single .npy array");
    }
}
