package dev.racer.cli;

import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.PurePursuitDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A stand-in for the trainer's provider in CLI tests: opens folders holding {@code test-model.txt} as a
 * pure-pursuit driver, and says a folder with an empty marker is broken.
 */
public final class TestModelProvider implements DriverProvider {
    @Override
    public Optional<Driver> open(Path modelDir) {
        Path marker = modelDir.resolve("test-model.txt");
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        try {
            if (Files.size(marker) == 0) {
                throw new IllegalArgumentException(marker + ": empty model file");
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(marker + ": " + e.getMessage());
        }
        PurePursuitDriver pp = new PurePursuitDriver();
        return Optional.of(new Driver() {
            @Override public String name() { return "test-model"; }
            @Override public dev.racer.sensor.Sensor newSensor() { return pp.newSensor(); }
            @Override public void reset(dev.racer.sensor.CarView env) { pp.reset(env); }
            @Override public dev.racer.car.Control act(dev.racer.sensor.CarView env, float[] o) { return pp.act(env, o); }
            @Override public int lastAction() { return 2; }
        });
    }
}
