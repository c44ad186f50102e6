package dev.racer.league;

import dev.racer.sensor.CarView;
import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.io.Jsons;
import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.ForwardingDriver;
import dev.racer.race.PurePursuitDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tests only: a model folder whose {@code training_params.json} is {@value #MARKER} is driven by the engine's
 * {@link PurePursuitDriver} with the top speed of its first action ({@value #LANE_KEEPER}: by {@link LaneKeeperDriver}). {@code -Dracer.test.stepDelayMs=N} slows every
 * step (to catch a race mid-way).
 */
public final class TestDriverProvider implements DriverProvider {
    /** the {@code training_params.json} of hand-made test models (its metadata is a valid model's) */
    public static final String MARKER = "{\"racer_test_driver\": \"pure_pursuit\"}";
    /** the {@code training_params.json} of a test model driven by {@link LaneKeeperDriver} */
    public static final String LANE_KEEPER = "{\"racer_test_driver\": \"lane_keeper\"}";
    /** the {@code training_params.json} of a test model that fails to open, as a model with bad weights does */
    public static final String BROKEN = "{\"racer_test_driver\": \"broken\"}";

    @Override
    public Optional<Driver> open(Path modelDir) {
        Path meta = modelDir.resolve("model_metadata.json");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            Path params = modelDir.resolve("training_params.json");
            String kind = Files.isRegularFile(params)
                    ? Jsons.mapper().readTree(params.toFile()).path("racer_test_driver").asText() : "";
            if (kind.equals("broken")) {
                throw new IllegalArgumentException(modelDir + ": the network weights cannot be read (a broken test model)");
            }
            if (!kind.equals("pure_pursuit") && !kind.equals("lane_keeper")) {
                return Optional.empty();
            }
            JsonNode n = Jsons.mapper().readTree(meta.toFile());
            double speed = n.path("action_space").path(0).path("speed").asDouble(1.5);
            if (kind.equals("lane_keeper")) {
                return Optional.of(new LaneKeeperDriver(speed));
            }
            PurePursuitDriver.Tuning d = PurePursuitDriver.Tuning.DEFAULT;
            Driver pp = new PurePursuitDriver(new PurePursuitDriver.Tuning(d.lookaheadBase(), d.lookaheadGain(),
                    d.lateralAccel(), d.brakeAccel(), d.previewTime(), speed, d.curvatureSpan()));
            long delay = Long.getLong("racer.test.stepDelayMs", 0);
            return Optional.of(delay == 0 ? pp : new Slowed(pp, delay));
        } catch (IOException e) {
            throw new IllegalArgumentException(meta + ": " + e.getMessage());
        }
    }

    /** A driver that sleeps before each action. */
    static final class Slowed extends ForwardingDriver {
        private final long delayMs;

        Slowed(Driver inner, long delayMs) {
            super(inner);
            this.delayMs = delayMs;
        }

        @Override
        public Control act(CarView env, float[] observation) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.act(env, observation);
        }
    }
}
