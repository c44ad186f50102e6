package dev.racer.cli;

import dev.racer.plot.TrackPicture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.track.Track;
import dev.racer.track.TrackJson;
import dev.racer.track.TrackLibrary;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracksCommandTest {
    @TempDir
    Path home;

    private String out;
    private String err;
    private String oldHome;

    @BeforeEach
    void useTempHome() {
        oldHome = System.getProperty("racer.home");
        System.setProperty("racer.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (oldHome == null) {
            System.clearProperty("racer.home");
        } else {
            System.setProperty("racer.home", oldHome);
        }
    }

    /** Runs the racer command line, capturing stdout and stderr; returns the exit code. */
    private int racer(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
             PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            System.setOut(po);
            System.setErr(pe);
            return Racer.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), () -> "expected \"" + p + "\" in:\n" + text);
        }
    }

    private Path npy() throws IOException {
        Path f = home.resolve("reinvent_base.npy");
        try (InputStream in = getClass().getResourceAsStream("/npy/reinvent_base.npy")) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    void listShowsEveryBuiltInTrack() {
        assertEquals(0, racer("tracks", "list"), err);
        assertContains(out, "ID", "NAME", "LENGTH m", "WIDTH m", "DIRECTION", "WAYPOINTS");
        String line = out.lines().filter(l -> l.startsWith("reinvent_base ")).findFirst().orElseThrow();
        assertContains(line, "re:Invent 2018", "17.71", "0.762", "counterclockwise", "119", "built-in");
        String spain = out.lines().filter(l -> l.startsWith("Spain_track ")).findFirst().orElseThrow();
        assertContains(spain, "60.00", "clockwise", "258"); // 259 rows, row 18 repeats row 17
        String cw = out.lines().filter(l -> l.startsWith("2022_april_open_cw ")).findFirst().orElseThrow();
        assertContains(cw, "Ace Speedway (clockwise)", "clockwise", "170", " 2022_april_open ", "built-in");
        assertContains(out, "Kumo Torakku Training", "Ids ending _ccw or _cw", "--reversed drives any track");
        assertFalse(out.contains("Straight_track"), "the open route is not built in");
        assertEquals(1 + 126 + 2, out.lines().filter(l -> !l.isBlank()).count(), out);
        assertContains(out, "126 tracks", home.resolve("tracks").toString());
        assertEquals("", err);
    }

    @Test
    void showPrintsTheDetails() {
        assertEquals(0, racer("tracks", "show", "reinvent_base"), err);
        assertContains(out, "reinvent_base: re:Invent 2018", "deepracer-simapp", "Apache License",
                "length       17.71 m", "width        min 0.756, mean 0.762, max ", "bounding box x ",
                "start        (", "heading ", "direction    counterclockwise", "waypoints    119");
        assertFalse(out.contains("warning"), out);
    }

    @Test
    void showSaysWhichRowsTheNumberingDrops() {
        assertEquals(0, racer("tracks", "show", "Bowtie_track"), err);
        assertContains(out, "waypoints    162 (rows 0..161", "numbering    as simapp >= 6.0.2: 1 duplicate row dropped"
                + " (row 41 repeats row 40); --legacy-waypoints keeps it (163 waypoints)");
        assertFalse(out.contains("warning"), out);
        assertEquals(0, racer("tracks", "show", "Bowtie_track", "--legacy-waypoints"), err);
        assertContains(out, "waypoints    163 (rows 0..162", "numbering    legacy (before simapp 6.0.2)");
        assertEquals(0, racer("tracks", "show", "2022_april_open_cw"), err);
        assertContains(out, "route of     DeepRacer's clockwise route file of 2022_april_open");
    }

    @Test
    void everyDeepRacerRouteImportsAndTheOpenOneIsRefusedAsSuch() throws IOException {
        for (String route : new String[] {"Tokyo_Training_track", "Straight_track"}) {
            try (InputStream in = getClass().getResourceAsStream("/npy/simapp/" + route + ".npy")) {
                Files.copy(in, home.resolve(route + ".npy"));
            }
        }
        int rc = racer("tracks", "import", home.resolve("Tokyo_Training_track.npy").toString(), "--id", "tokyo",
                "--name", "Tokyo");
        assertEquals(0, rc, "rc " + rc + " out [" + out + "] err [" + err + "]");
        assertContains(out, "imported tokyo (Tokyo): 168 waypoints", "1 duplicate row dropped (row 78 repeats row 77)");
        assertEquals(2, racer("tracks", "import", home.resolve("Straight_track.npy").toString(), "--id", "straight",
                "--name", "Straight"));
        assertContains(err, "Straight_track.npy: open routes are not supported");
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void unknownTrackIsAOneLineError() {
        assertEquals(2, racer("tracks", "show", "nope"));
        assertContains(err, "racer: no track \"nope\"; known tracks: ", "reinvent_base");
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void importWritesAValidatedTrackThatIsUsableById() throws IOException {
        Path file = npy();
        assertEquals(0, racer("tracks", "import", file.toString(), "--id", "my_base", "--name", "My base"), err);
        assertContains(out, "imported my_base (My base): 119 waypoints, 17.71 m", "counterclockwise");
        Path json = home.resolve("tracks/my_base.json");
        assertTrue(Files.isRegularFile(json));
        try (Stream<Path> s = Files.list(home.resolve("tracks"))) {
            assertEquals(1, s.count(), "no temporary files left");
        }

        // npy -> JSON -> the same rows as the built-in track the npy was made from
        Track imported = TrackJson.read(json);
        Track builtIn = new TrackLibrary(home.resolve("none")).get("reinvent_base");
        assertEquals(builtIn.size(), imported.size());
        for (int i = 0; i < builtIn.size(); i++) {
            assertArrayEquals(builtIn.row(i), imported.row(i), 0.0, "row " + i);
        }
        assertEquals("My base", imported.name());
        assertEquals("imported from reinvent_base.npy", imported.attribution());

        assertEquals(0, racer("tracks", "list"), err);
        String line = out.lines().filter(l -> l.startsWith("my_base ")).findFirst().orElseThrow();
        assertContains(line, "My base", "17.71", "0.762", "counterclockwise", "119", "user");
        assertEquals(0, racer("tracks", "show", "my_base"), err);
        assertContains(out, "my_base: My base", json.toString());
        assertEquals("my_base", TrackLibrary.standard().get("my_base").id());
    }

    @Test
    void importRefusesToOverwriteWithoutForce() throws IOException {
        Path file = npy();
        assertEquals(0, racer("tracks", "import", file.toString(), "--id", "t1", "--name", "One"), err);
        assertEquals(2, racer("tracks", "import", file.toString(), "--id", "t1", "--name", "Two"));
        assertContains(err, "racer: track \"t1\" already exists", "use --force");
        assertEquals("One", TrackJson.read(home.resolve("tracks/t1.json")).name());
        assertEquals(0, racer("tracks", "import", file.toString(), "--id", "t1", "--name", "Two", "--force"), err);
        assertEquals("Two", TrackJson.read(home.resolve("tracks/t1.json")).name());

        assertEquals(2, racer("tracks", "import", file.toString(), "--id", "reinvent_base", "--name", "X"));
        assertContains(err, "is a built-in track", "--force");
    }

    @Test
    void importReportsBadFilesAndWrongDirections() throws IOException {
        Path bad = home.resolve("bad.npy");
        Files.writeString(bad, "hello");
        assertEquals(2, racer("tracks", "import", bad.toString(), "--id", "b", "--name", "B"));
        assertContains(err, "racer: " + bad, "not a NumPy .npy file");

        assertEquals(2, racer("tracks", "import", npy().toString(), "--id", "c", "--name", "C",
                "--direction", "clockwise"));
        assertContains(err, "direction is \"clockwise\" but the centre line runs counterclockwise");
        assertFalse(Files.exists(home.resolve("tracks/c.json")));

        assertEquals(2, racer("tracks", "import", bad.toString(), "--id", "../x", "--name", "B"));
        assertContains(err, "--id \"../x\"");
    }

    @Test
    void pngShowsRoadOnTheTrackAndGrassFarAway() throws IOException {
        Path png = home.resolve("out/base.png");
        assertEquals(0, racer("tracks", "show", "reinvent_base", "--png", png.toString(), "--size", "600"), err);
        assertContains(out, "picture", png.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(600, img.getWidth());

        Track t = TrackLibrary.standard().get("reinvent_base");
        TrackPicture pic = new TrackPicture(t, 600);
        assertEquals(img.getHeight(), pic.height());
        for (int i : new int[] {20, 45, 90}) {
            // halfway between the centre line and the inner border: the lane, clear of lines and labels
            Point2D p = pic.toPixel((t.centerX(i) + t.innerX(i)) / 2, (t.centerY(i) + t.innerY(i)) / 2);
            assertEquals(TrackPicture.ROAD.getRGB(), img.getRGB((int) p.getX(), (int) p.getY()), "road at row " + i);
        }
        assertEquals(TrackPicture.GRASS.getRGB(), img.getRGB(img.getWidth() - 3, img.getHeight() - 3));
        // the middle of the loop is grass too
        Point2D mid = pic.toPixel(0.5 * (t.innerX(0) + t.innerX(60)), 0.5 * (t.innerY(0) + t.innerY(60)));
        assertEquals(TrackPicture.GRASS.getRGB(), img.getRGB((int) mid.getX(), (int) mid.getY()));
        // the title band at the top
        assertEquals(TrackPicture.TITLE_BAND.getRGB(), img.getRGB(img.getWidth() - 3, 2));
    }
}
