package dev.racer.race;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens a model folder as a {@link Driver}. Modules that write model folders (the trainer) register an
 * implementation with {@link ServiceLoader} ({@code META-INF/services/dev.racer.race.DriverProvider}), so
 * that evaluation and the league race models without depending on how they were trained.
 */
public interface DriverProvider {

    /**
     * A driver for the model in {@code modelDir}, or empty if this provider does not recognise the folder.
     * Throws {@link IllegalArgumentException} with a clear message if it recognises the folder but it is
     * broken (naming the file and field).
     */
    Optional<Driver> open(Path modelDir);

    /** Asks every registered provider in turn; a clear error if none can open the folder. */
    static Driver openModel(Path modelDir) {
        for (DriverProvider p : ServiceLoader.load(DriverProvider.class)) {
            Optional<Driver> d = p.open(modelDir);
            if (d.isPresent()) {
                return d.get();
            }
        }
        throw new IllegalArgumentException(modelDir + ": not a model folder that Racer can drive"
                + " (expected model_metadata.json and the network weights written by racer train)");
    }
}
