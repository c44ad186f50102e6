package dev.racer.io;

import java.nio.file.Path;

/**
 * Racer's per-user folder: system property {@code racer.home}, else {@code $RACER_HOME}, else
 * {@code ~/.racer}. Imported tracks live in {@code tracks/}, a local league's data in {@code league/}.
 */
public final class RacerHome {
    private RacerHome() {
    }

    /** The home folder (not created). */
    public static Path dir() {
        String home = System.getProperty("racer.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("RACER_HOME");
        }
        if (home == null || home.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".racer");
        }
        return Path.of(home);
    }

    /** A folder under the home folder, e.g. {@code tracks}. */
    public static Path resolve(String name) {
        return dir().resolve(name);
    }
}
