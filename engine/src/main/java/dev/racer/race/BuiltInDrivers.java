package dev.racer.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The registry of {@link BuiltInDriver}s: look-up by name or alias, with a clear error listing the known ones. */
public final class BuiltInDrivers {
    private BuiltInDrivers() {
    }

    /** Every registered built-in driver, in a stable order (by name). */
    public static List<BuiltInDriver> all() {
        List<BuiltInDriver> list = new ArrayList<>();
        ServiceLoader.load(BuiltInDriver.class).forEach(list::add);
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    /** The names, comma-separated, for help texts and errors. */
    public static String names() {
        return all().stream().map(BuiltInDriver::name).collect(Collectors.joining(", "));
    }

    /**
     * The driver called {@code name} (case-insensitive; {@code _} and {@code -} alike).
     *
     * @throws IllegalArgumentException naming the known drivers, if none is called so
     */
    public static BuiltInDriver byName(String name) {
        String key = normalise(name);
        for (BuiltInDriver d : all()) {
            if (normalise(d.name()).equals(key)) {
                return d;
            }
            for (String alias : d.aliases()) {
                if (normalise(alias).equals(key)) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException("unknown driver \"" + name + "\"; built-in drivers: " + names());
    }

    private static String normalise(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The engine's pure-pursuit baseline. */
    public static final class PurePursuit implements BuiltInDriver {
        @Override
        public String name() {
            return "pure-pursuit";
        }

        @Override
        public List<String> aliases() {
            return List.of("purepursuit", "follow", "center-line");
        }

        @Override
        public String description() {
            return "pure pursuit of the centre line with a curvature speed profile (the classical baseline)";
        }

        @Override
        public Driver create() {
            return new PurePursuitDriver();
        }
    }
}
