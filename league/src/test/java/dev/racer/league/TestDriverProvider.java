package dev.racer.league;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.RacingEnv;
import dev.racer.sensor.Sensor;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tests only: a model folder whose {@code training_algorithm} is {@value #ALGORITHM} is driven by a pure-pursuit
 * controller at the speed of its first action. {@code -Dracer.test.stepDelayMs=N} slows every step (to catch a
 * race mid-way).
 */
public final class TestDriverProvider implements DriverProvider {
    public static final String ALGORITHM = "test_pure_pursuit";

    @Override
    public Optional<Driver> open(Path modelDir) {
        Path meta = modelDir.resolve("model_metadata.json");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            JsonNode n = new ObjectMapper().readTree(meta.toFile());
            if (!ALGORITHM.equals(n.path("training_algorithm").asText())) {
                return Optional.empty();
            }
            double speed = n.path("action_space").path(0).path("speed").asDouble(1.5);
            long delay = Long.getLong("racer.test.stepDelayMs", 0);
            return Optional.of(new PurePursuit(speed, delay));
        } catch (IOException e) {
            throw new IllegalArgumentException(meta + ": " + e.getMessage());
        }
    }

    static final class PurePursuit implements Driver {
        private final double speed;
        private final long delayMs;
        private final Projection ahead = new Projection();

        PurePursuit(double speed, long delayMs) {
            this.speed = speed;
            this.delayMs = delayMs;
        }

        @Override
        public String name() {
            return "test-pure-pursuit";
        }

        @Override
        public Sensor newSensor() {
            return Sensor.none();
        }

        @Override
        public Control act(RacingEnv env, float[] observation) {
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            TrackGeometry geo = env.geometry();
            double along = env.params().projectionDistance() + 0.5;
            if (along > geo.length()) {
                along -= geo.length();
            }
            geo.center().interpolate(along, ahead);
            double err = Math.atan2(ahead.y - env.carY(), ahead.x - env.carX()) - env.carYaw();
            err = Math.atan2(Math.sin(err), Math.cos(err));
            return new Control(Math.toDegrees(2.0 * err), speed);
        }
    }
}
