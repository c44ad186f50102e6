package dev.racer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.plot.Palette;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingPlotTest {

    private static IterationMetrics m(int it, double bestLap, double meanLap, double speed) {
        double nan = Double.NaN;
        return new IterationMetrics(it, it * 10L, it * 1000L, it, 100, 1, 50, 0.5, 80, Double.isNaN(bestLap) ? 0 : 1,
                100, nan, nan, nan, nan, nan, nan, bestLap, meanLap, speed);
    }

    /** Pixels of {@code c} in rows [y0, y1). */
    private static int count(BufferedImage img, java.awt.Color c, int y0, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void drawsTheEvaluationLapTimesAndSpeedInTheirOwnPanels() {
        List<IterationMetrics> laps = new ArrayList<>();
        List<IterationMetrics> noLaps = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            laps.add(m(i, 20 - i, 22 - i, 1 + 0.2 * i));
            noLaps.add(m(i, Double.NaN, Double.NaN, 1 + 0.2 * i));
        }
        BufferedImage a = TrainingPlot.render("laps", laps);
        BufferedImage b = TrainingPlot.render("no laps", noLaps);
        assertEquals(a.getHeight(), b.getHeight());
        // the fourth panel (lap times) starts after the title and three panels
        int y0 = 50 + 3 * (260 + 30), y1 = y0 + 260;
        int withLaps = count(a, Palette.SERIES_1, y0, y1), without = count(b, Palette.SERIES_1, y0, y1);
        assertTrue(withLaps > without + 200, "best-lap line drawn: " + withLaps + " vs " + without + " pixels");
        // the fifth panel (mean speed) is drawn in both
        int s0 = y1 + 30, s1 = s0 + 260;
        assertTrue(count(b, Palette.SERIES_2, s0, s1) > 200, "speed line drawn");
    }
}
