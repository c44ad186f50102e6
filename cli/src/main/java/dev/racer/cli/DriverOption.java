package dev.racer.cli;

import dev.racer.race.BuiltInDriver;
import dev.racer.race.BuiltInDrivers;
import java.util.Iterator;
import picocli.CommandLine;

/**
 * {@code --driver NAME}: every command resolves built-in driver names through {@link BuiltInDrivers}, so a driver
 * registered there (or through META-INF/services) is known everywhere, aliases included.
 */
final class DriverOption implements CommandLine.ITypeConverter<BuiltInDriver>, Iterable<String> {

    @Override
    public BuiltInDriver convert(String name) {
        try {
            return BuiltInDrivers.byName(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** The names, for picocli's ${COMPLETION-CANDIDATES} in help texts. */
    @Override
    public Iterator<String> iterator() {
        return BuiltInDrivers.all().stream().map(BuiltInDriver::name).iterator();
    }
}
