package dev.racer.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The grid indexes must agree with the brute-force references everywhere, on every shipped track. */
class GridIndexAgreementTest {

    static java.util.List<String> trackIds() {
        return TrackLibrary.builtIn().builtInIds();
    }

    @ParameterizedTest
    @MethodSource("trackIds")
    void nearestAndContainsAgreeWithBruteForce(String id) {
        TrackGeometry g = TrackGeometry.of(TrackLibrary.builtIn().get(id), false);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int k = 0; k < g.size(); k++) {
            minX = Math.min(minX, Math.min(g.outerX(k), g.innerX(k)));
            maxX = Math.max(maxX, Math.max(g.outerX(k), g.innerX(k)));
            minY = Math.min(minY, Math.min(g.outerY(k), g.innerY(k)));
            maxY = Math.max(maxY, Math.max(g.outerY(k), g.innerY(k)));
        }
        SplittableRandom rnd = new SplittableRandom(42);
        Projection a = new Projection(), b = new Projection();
        for (int i = 0; i < 5_000; i++) { // x 126 tracks
            double x = minX - 1 + rnd.nextDouble() * (maxX - minX + 2);
            double y = minY - 1 + rnd.nextDouble() * (maxY - minY + 2);
            assertEquals(g.road().containsBruteForce(x, y), g.onTrack(x, y), "on track at " + x + ", " + y);
            g.center().nearest(x, y, a);
            g.center().nearestBruteForce(x, y, b);
            assertEquals(b.distance, a.distance, 1e-12, "distance at " + x + ", " + y);
            assertEquals(b.along, a.along, 1e-9, "along at " + x + ", " + y);
        }
    }
}
