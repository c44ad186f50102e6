package dev.racer.raceline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarSpec;
import dev.racer.track.Direction;
import dev.racer.track.Projection;
import dev.racer.track.TestTracks;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden geometry of the minimum-curvature line and the limits its speed profile keeps. */
class RacelineTest {
    private static final TrackLibrary LIBRARY = new TrackLibrary(Path.of("target/no-user-tracks"));
    private static final CarSpec CAR = CarSpec.DEFAULT;
    private static final RacelineConfig CFG = RacelineConfig.DEFAULT;

    static Stream<String> tracks() {
        return LIBRARY.builtInIds().stream();
    }

    @Test
    void circleLineIsTheInnermostCircle() {
        // on a circle every concentric line is feasible; the objective (squared second differences of evenly
        // spaced points, i.e. curvature times spacing squared) favours the shortest, which is also the fastest:
        // a grip-limited lap of radius R takes 2 pi sqrt(R / aLat)
        Track t = TestTracks.circle(2.0, 0.8, 360);
        Raceline l = Raceline.compute(TrackGeometry.of(t, false), CAR, CFG);
        double r = 2.0 - 0.4 + l.keepOut();
        for (int i = 0; i < l.size(); i++) {
            // the track is a 360-gon: points between its vertices lie up to r (1 - cos(pi / 360)) inside
            assertEquals(r, Math.hypot(l.x(i), l.y(i)), 1e-4, "radius at point " + i);
            assertEquals(1 / r, l.curvature(i), 0.03 / r, "curvature at point " + i);
        }
        double v = Math.min(CAR.maxSpeed(), Math.sqrt(CFG.gripFactor() * CAR.maxLateralAccel() * r));
        assertEquals(v, l.minSpeed(), 0.02 * v);
        assertEquals(v, l.maxSpeed(), 0.02 * v);
        assertEquals(l.length() / v, l.lapTime(), 0.02 * l.lapTime());
    }

    @Test
    void ovalLineCutsTheCorners() {
        Track t = oval(3.0, 1.0, 1.0, 200);
        TrackGeometry geo = TrackGeometry.of(t, false);
        Raceline l = Raceline.compute(geo, CAR, CFG);
        // a margin of half the road leaves no choice: the centre line, the reference to beat
        Raceline centre = Raceline.compute(geo, CAR, CFG.withMargin(0.5));
        assertEquals(geo.length(), centre.length(), 0.01);
        assertTrue(l.length() < geo.length() - 0.3, "length " + l.length() + " vs centre " + geo.length());
        assertTrue(l.lapTime() < 0.95 * centre.lapTime(), l.lapTime() + " s vs centre line " + centre.lapTime() + " s");
        // it swings across the road: towards the inside at the apexes, the outside on entry and exit
        Projection p = new Projection();
        double inner = Double.POSITIVE_INFINITY, outer = Double.POSITIVE_INFINITY;
        for (int i = 0; i < l.size(); i++) {
            geo.inner().nearest(l.x(i), l.y(i), p);
            inner = Math.min(inner, p.distance);
            geo.outer().nearest(l.x(i), l.y(i), p);
            outer = Math.min(outer, p.distance);
        }
        System.out.printf("oval: length %.3f (centre %.3f), lap %.3f s (centre line %.3f s), inner %.3f outer %.3f m%n",
                l.length(), geo.length(), l.lapTime(), centre.lapTime(), inner, outer);
        assertTrue(inner >= l.keepOut() - 1e-9 && inner < 0.3, "closest to the inner border " + inner);
        assertTrue(outer >= l.keepOut() - 1e-9 && outer < 0.3, "closest to the outer border " + outer);
    }

    /** A counter-clockwise oval: straights of {@code straight} [m] joined by half circles of radius {@code r}. */
    static Track oval(double straight, double r, double w, int n) {
        double len = 2 * straight + 2 * Math.PI * r;
        double[][] rows = new double[n + 1][];
        for (int k = 0; k <= n; k++) {
            double s = len * (k % n) / n;
            double cx, cy, nx, ny; // centre point and left (inward) normal
            if (s < straight) {
                cx = s; cy = 0; nx = 0; ny = 1;
            } else if (s < straight + Math.PI * r) {
                double a = (s - straight) / r - Math.PI / 2;
                cx = straight + r * Math.cos(a); cy = r + r * Math.sin(a); nx = -Math.cos(a); ny = -Math.sin(a);
            } else if (s < 2 * straight + Math.PI * r) {
                cx = straight - (s - straight - Math.PI * r); cy = 2 * r; nx = 0; ny = -1;
            } else {
                double a = (s - 2 * straight - Math.PI * r) / r + Math.PI / 2;
                cx = r * Math.cos(a); cy = r + r * Math.sin(a); nx = -Math.cos(a); ny = -Math.sin(a);
            }
            rows[k] = new double[] {cx, cy, cx + nx * w / 2, cy + ny * w / 2, cx - nx * w / 2, cy - ny * w / 2};
        }
        return new Track("oval", "Oval", Direction.COUNTERCLOCKWISE, "test", rows);
    }

    @ParameterizedTest
    @MethodSource("tracks")
    void lineStaysInsideTheBordersLessTheMargin(String id) {
        TrackGeometry geo = TrackGeometry.of(LIBRARY.get(id), false);
        Raceline l = Raceline.compute(geo, CAR, CFG);
        Projection p = new Projection();
        double worst = Double.POSITIVE_INFINITY;
        for (int i = 0; i < l.size(); i++) {
            assertTrue(geo.onTrack(l.x(i), l.y(i)), id + ": point " + i + " off the road");
            geo.inner().nearest(l.x(i), l.y(i), p);
            worst = Math.min(worst, p.distance);
            geo.outer().nearest(l.x(i), l.y(i), p);
            worst = Math.min(worst, p.distance);
        }
        // the keep-out is measured across the road's cross-sections, which are oblique in places, so the
        // perpendicular distance can be shorter; it always keeps the car's half-width (all wheels on the road)
        assertTrue(worst >= CAR.axleTrack() / 2, id + ": closest approach to a border " + worst + " m");
        System.out.printf("raceline %-26s length %6.2f m (centre %6.2f)  lap %6.3f s  v %4.2f..%4.2f  border %5.3f m%n",
                id, l.length(), geo.length(), l.lapTime(), l.minSpeed(), l.maxSpeed(), worst);
    }

    @ParameterizedTest
    @MethodSource("tracks")
    void speedProfileKeepsGripAccelAndBrakeLimits(String id) {
        Raceline l = Raceline.compute(TrackGeometry.of(LIBRARY.get(id), false), CAR, CFG);
        double aLat = CFG.gripFactor() * CAR.maxLateralAccel();
        double tau = CAR.speedTimeConstant();
        int n = l.size();
        for (int i = 0; i < n; i++) {
            double v = l.speed(i);
            assertTrue(v > 0 && v <= CAR.maxSpeed() + 1e-9, id + ": speed " + v + " at " + i);
            assertTrue(v * v * Math.abs(l.curvature(i)) <= aLat + 1e-6, id + ": lateral accel at " + i);
            int q = (i + 1) % n;
            double ds = Math.hypot(l.x(q) - l.x(i), l.y(q) - l.y(i));
            double a = (l.speed(q) * l.speed(q) - v * v) / (2 * ds);
            if (a > 0) {
                assertTrue(a <= CFG.accelFactor() * (CAR.maxSpeed() - v) / tau + 1e-6, id + ": accel at " + i);
            } else {
                assertTrue(-a <= CFG.brakeFactor() * l.speed(q) / tau + 1e-6, id + ": braking at " + i);
            }
        }
    }

    @Test
    void deterministic() {
        TrackGeometry geo = TrackGeometry.of(LIBRARY.get("reinvent_base"), false);
        Raceline a = Raceline.compute(geo, CAR, CFG), b = Raceline.compute(geo, CAR, CFG);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.x(i), b.x(i), 0.0);
            assertEquals(a.speed(i), b.speed(i), 0.0);
        }
    }

    @Test
    void widerMarginGivesASlowerLine() {
        TrackGeometry geo = TrackGeometry.of(LIBRARY.get("reinvent_base"), false);
        Raceline tight = Raceline.compute(geo, CAR, CFG.withMargin(0.0));
        Raceline wide = Raceline.compute(geo, CAR, CFG.withMargin(0.2));
        assertTrue(wide.lapTime() > tight.lapTime(), wide.lapTime() + " vs " + tight.lapTime());
    }
}
