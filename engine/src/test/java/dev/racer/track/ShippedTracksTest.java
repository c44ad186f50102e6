package dev.racer.track;

import dev.racer.io.Jsons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden values: the table in the shared track data's README (waypoints = rows of the source file, closing row
 * included; centre-line length [m]; mean width [m] over all rows of the file), plus the direction.
 */
class ShippedTracksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // id, README waypoints (rows of the file), length m, mean width m, direction, duplicated row (dropped)
        "reinvent_base,           119, 17.71, 0.762, counterclockwise, ''",
        "Oval_track,              102, 19.55, 0.710, counterclockwise, 67",
        "Bowtie_track,            163, 17.43, 0.789, counterclockwise, 41",
        "reInvent2019_wide,       112, 16.64, 1.067, counterclockwise, 106",
        "reInvent2019_track,      155, 23.12, 1.067, counterclockwise, 39",
        "Vegas_track,             151, 22.55, 1.067, counterclockwise, 148",
        "Spain_track,             259, 60.00, 0.913, clockwise,        18",
        "Austin,                  224, 59.35, 1.443, counterclockwise, 191",
        "2022_reinvent_champ_ccw, 113, 33.28, 0.950, counterclockwise, ''",
        "2024_reinvent_champ_ccw,  86, 25.11, 0.762, counterclockwise, ''",
    })
    void loadsValidatesAndMatchesTheReadme(String id, int waypoints, String length, String meanWidth,
                                           String direction, String duplicate) throws IOException {
        double[][] raw = rawRows(id);
        assertEquals(waypoints, TrackLibrary.builtIn().get(id, WaypointNumbering.LEGACY).size());
        assertEquals(waypoints, raw.length, "rows in the file");
        assertEquals(meanWidth, fmt(rawMeanWidth(raw), 3), "mean width over the file's rows");

        TrackLibrary lib = TrackLibrary.builtIn();
        TrackValidator.Result r = lib.load(id);
        Track t = r.track();
        assertEquals(id, t.id());
        assertTrue(t.isLoop());
        assertEquals(direction, t.direction().json());
        assertEquals(length, fmt(t.length(), 2), "centre-line length");
        // the Track's own mean counts each distinct row once (no closing row): within 2 mm of the README
        assertEquals(Double.parseDouble(meanWidth), t.meanWidth(), 0.002, "Track.meanWidth()");
        assertEquals(List.of(), r.warnings());
        assertEquals(waypoints, r.legacy().size(), "the legacy numbering keeps every row");
        if (duplicate.isEmpty()) {
            assertEquals(List.of(), r.droppedRows());
            assertEquals(waypoints, t.size());
        } else {
            assertEquals(List.of(Integer.parseInt(duplicate)), r.droppedRows());
            assertEquals(waypoints - 1, t.size(), "the duplicate is dropped, as simapp >= 6.0.2 does");
        }
    }

    @Test
    void theTrackJarCarriesTheNotice() throws IOException {
        boolean found = false;
        var urls = ShippedTracksTest.class.getClassLoader().getResources("META-INF/NOTICE");
        while (urls.hasMoreElements()) {
            try (InputStream in = urls.nextElement().openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (text.contains("aws-deepracer-community/deepracer-simapp")) {
                    found = text.contains("01f5f015fd852f952b351643898d4beb4f36494b")
                            && text.contains("Copyright Amazon.com, Inc. or its affiliates")
                            && text.contains("Apache License, Version 2.0");
                }
            }
        }
        assertTrue(found, "META-INF/NOTICE of racer-tracks names the source, commit, copyright and licence");
    }

    private static double[][] rawRows(String id) throws IOException {
        try (InputStream in = new java.util.zip.GZIPInputStream(
                ShippedTracksTest.class.getResourceAsStream("/tracks/" + id + ".json.gz"))) {
            JsonNode wps = Jsons.mapper().readTree(in).get("waypoints");
            double[][] rows = new double[wps.size()][6];
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < 6; j++) {
                    rows[i][j] = wps.get(i).get(j).asDouble();
                }
            }
            return rows;
        }
    }

    private static double rawMeanWidth(double[][] rows) {
        double sum = 0;
        for (double[] r : rows) {
            sum += Math.hypot(r[4] - r[2], r[5] - r[3]);
        }
        return sum / rows.length;
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
