package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RacelineCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void useTempHome() {
        System.setProperty("racer.home", dir.resolve("home").toString());
    }

    @AfterEach
    void clearHome() {
        System.clearProperty("racer.home");
    }

    @Test
    void summaryExportsPictureAndDrive() throws IOException {
        Path py = dir.resolve("line.py"), csv = dir.resolve("line.csv"), png = dir.resolve("line.png");
        CliRun r = CliRun.of("tracks", "raceline", "reinvent_base", "--python", py.toString(), "--csv",
                csv.toString(), "--png", png.toString(), "--size", "400", "--drive");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("predicted lap"), r.out());
        assertTrue(r.out().contains("finished"), r.out());
        Matcher best = Pattern.compile("best lap (\\d+\\.\\d+) s").matcher(r.out());
        assertTrue(best.find(), r.out());
        // the bar: faster than pure pursuit's 5.8 s on reinvent_base
        assertTrue(Double.parseDouble(best.group(1)) < 5.8, r.out());
        assertTrue(Files.readString(py).contains("racing_line = [\n    ["));
        assertTrue(Files.readString(csv).startsWith("x,y,speed,along,curvature\n"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(400, Math.max(img.getWidth(), img.getHeight()));
    }

    @Test
    void badInputIsAOneLineError() {
        CliRun r = CliRun.of("tracks", "raceline", "reinvent_base", "--margin", "-1");
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("margin"), r.err());
        assertTrue(r.exitCode() != 0);
        CliRun unknown = CliRun.of("tracks", "raceline", "no_such_track");
        assertTrue(unknown.exitCode() != 0);
        assertTrue(unknown.err().contains("no_such_track"), unknown.err());
    }
}
