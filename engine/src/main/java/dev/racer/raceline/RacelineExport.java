package dev.racer.raceline;

import java.util.Locale;

/** Text forms of a {@link Raceline} for reward functions and notebooks. */
public final class RacelineExport {
    private RacelineExport() {
    }

    /**
     * A Python module defining {@code racing_line = [[x, y, speed], ...]} (metres, m/s), the shape the
     * community's K1999 notebooks paste into reward functions; one point per line, starting level with the
     * track's start row, in driving order, the loop not repeated.
     */
    public static String python(Raceline l) {
        StringBuilder b = new StringBuilder(l.size() * 32 + 256);
        b.append(String.format(Locale.ROOT, "# Racing line for %s by racer tracks raceline: %d points [x m, y m, "
                + "speed m/s],%n# length %.3f m, predicted lap %.3f s, speed %.2f..%.2f m/s%n", l.trackId(),
                l.size(), l.length(), l.lapTime(), l.minSpeed(), l.maxSpeed()));
        b.append("racing_line = [\n");
        for (int i = 0; i < l.size(); i++) {
            b.append(String.format(Locale.ROOT, "    [%.4f, %.4f, %.3f],%n", l.x(i), l.y(i), l.speed(i)));
        }
        b.append("]\n");
        return b.toString();
    }

    /** CSV with a header: {@code x,y,speed,along,curvature} (m, m, m/s, m, 1/m + left). */
    public static String csv(Raceline l) {
        StringBuilder b = new StringBuilder(l.size() * 48 + 64);
        b.append("x,y,speed,along,curvature\n");
        for (int i = 0; i < l.size(); i++) {
            b.append(String.format(Locale.ROOT, "%.4f,%.4f,%.3f,%.4f,%.5f%n", l.x(i), l.y(i), l.speed(i),
                    l.along(i), l.curvature(i)));
        }
        return b.toString();
    }
}
