package dev.racer.race;

import java.util.List;

/**
 * A driver that needs no model folder (a classical controller), known by name to {@code --driver}. The
 * engine registers its own with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.racer.race.BuiltInDriver}); other modules may add more. {@link BuiltInDrivers}
 * is the one registry every command uses.
 */
public interface BuiltInDriver {

    /** The name given to {@code --driver}, e.g. {@code pure-pursuit}. */
    String name();

    /** Other accepted spellings. */
    default List<String> aliases() {
        return List.of();
    }

    /** One line for {@code --help}. */
    String description();

    /** A new driver (one per car; drivers are not thread-safe). */
    Driver create();
}
