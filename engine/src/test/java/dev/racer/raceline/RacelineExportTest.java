package dev.racer.raceline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarSpec;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The export formats parse back to the line they were written from. */
class RacelineExportTest {
    private static final Raceline LINE = Raceline.compute(
            TrackGeometry.of(new TrackLibrary(Path.of("target/no-user-tracks")).get("reinvent_base"), false),
            CarSpec.DEFAULT, RacelineConfig.DEFAULT);

    @Test
    void pythonListParsesBackToTheLine() {
        String py = RacelineExport.python(LINE);
        int open = py.indexOf("racing_line = [");
        assertTrue(open >= 0, py);
        // everything before the list is comments; the list is [[x, y, v], ...] with a trailing comma allowed
        for (String line : py.substring(0, open).split("\n")) {
            assertTrue(line.startsWith("#"), line);
        }
        Matcher m = Pattern.compile("\\[(-?[0-9.]+), (-?[0-9.]+), ([0-9.]+)\\],").matcher(py);
        List<double[]> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3))});
        }
        assertEquals(LINE.size(), rows.size());
        assertTrue(py.trim().endsWith("]"));
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(LINE.x(i), rows.get(i)[0], 1e-4);
            assertEquals(LINE.y(i), rows.get(i)[1], 1e-4);
            assertEquals(LINE.speed(i), rows.get(i)[2], 1e-3);
        }
    }

    @Test
    void csvParsesBackToTheLine() {
        String[] lines = RacelineExport.csv(LINE).split("\n");
        assertEquals("x,y,speed,along,curvature", lines[0]);
        assertEquals(LINE.size() + 1, lines.length);
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            assertEquals(5, f.length);
            assertEquals(LINE.x(i - 1), Double.parseDouble(f[0]), 1e-4);
            assertEquals(LINE.speed(i - 1), Double.parseDouble(f[2]), 1e-3);
            assertEquals(LINE.along(i - 1), Double.parseDouble(f[3]), 1e-4);
        }
    }
}
