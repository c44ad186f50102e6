package dev.racer.league;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Model folders and archives for tests: folders the trainer writes ({@link #trained}), and small hand-made ones
 * that the tests' pure-pursuit {@link TestDriverProvider} drives at a chosen speed (for races whose order and
 * length a test decides).
 */
final class TestModels {
    private static final Map<String, Path> TRAINED = new java.util.concurrent.ConcurrentHashMap<>();

    private TestModels() {
    }

    /**
     * A model folder written by the trainer's API ({@code clipped_ppo}: SameDiff's {@code model/policy.sd};
     * {@code dqn}: DL4J's {@code model/policy.zip}; {@code sac}: {@code model/sac.bin}), barely trained (600 steps, seed 5, one worker): it laps with
     * many put-backs. Trained once per test JVM.
     */
    static synchronized Path trained(String algorithm) {
        return TRAINED.computeIfAbsent(algorithm, a -> {
            try {
                Path dir = Files.createTempDirectory("racer-league-models");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dev.racer.io.FileTrees.deleteQuietly(dir)));
                Path hp = dir.resolve("hyperparameters-small.json");
                Files.writeString(hp, "{\"batch_size\": 64, \"num_episodes_between_training\": 4, \"num_epochs\": 2}");
                Path out = dir.resolve("trained-" + a);
                dev.racer.trainer.TrainSpec spec = dev.racer.trainer.TrainSpec.of("reinvent_base", "center_line", out)
                        .withSteps(600L).withSeed(5).withWorkers(1).withHyperparameters(hp).withAlgorithm(a);
                if (a.equals("sac")) { // SAC's continuous action space
                    Path meta = dir.resolve("continuous.json");
                    Files.writeString(meta, """
                            {"action_space": {"steering_angle": {"low": -30, "high": 30}, "speed": {"low": 0.5, "high": 3}},
                             "action_space_type": "continuous", "sensor": ["RACER_BORDER_RAYS"],
                             "neural_network": "RACER_MLP", "training_algorithm": "sac", "version": "5"}
                            """);
                    spec = spec.withModelMetadata(meta);
                }
                dev.racer.trainer.Trainer.train(spec);
                return out;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The archive {@code racer submit} sends for a trained model. */
    static byte[] trainedArchive(String algorithm) throws IOException {
        return LeagueClient.zipModel(trained(algorithm));
    }

    static String metadata(double speed) {
        return """
                {"action_space": [{"steering_angle": -30, "speed": %s}, {"steering_angle": 0, "speed": %s},
                                  {"steering_angle": 30, "speed": %s}],
                 "action_space_type": "discrete", "sensor": ["RACER_BORDER_RAYS"], "neural_network": "RACER_MLP",
                 "training_algorithm": "dqn", "version": "5"}
                """.formatted(speed, speed, speed);
    }

    static final String HYPERPARAMETERS = """
            {"batch_size": 64, "beta_entropy": 0.01, "discount_factor": 0.999, "loss_type": "huber", "lr": 0.0003,
             "num_episodes_between_training": 20, "num_epochs": 10}
            """;

    /** A DL4J-shaped model zip: configuration and coefficients (not a real network; the test driver ignores it). */
    static byte[] weights() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("configuration.json", "{\"confs\": [{\"layer\": {\"@class\": \"org.deeplearning4j.nn.conf.layers.DenseLayer\"}}]}"
                .getBytes(StandardCharsets.UTF_8));
        m.put("coefficients.bin", new byte[256]);
        return zip(m);
    }

    /** The files of a good model folder driven at {@code speed}. */
    static Map<String, byte[]> files(double speed) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("model_metadata.json", metadata(speed).getBytes(StandardCharsets.UTF_8));
        m.put("hyperparameters.json", HYPERPARAMETERS.getBytes(StandardCharsets.UTF_8));
        m.put("training_params.json", TestDriverProvider.MARKER.getBytes(StandardCharsets.UTF_8));
        m.put("model/policy.zip", weights());
        return m;
    }

    /** The smallest FlatBuffers buffer: root offset, a 4-byte vtable, a table pointing back to it. */
    static byte[] flatBuffer() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 8);            // root table at 8
        b.putShort(4, (short) 4);  // vtable at 4: its size
        b.putShort(6, (short) 4);  // the table's size
        b.putInt(8, 4);            // table -> vtable at 8 - 4
        return b.array();
    }

    static byte[] archive(double speed) throws IOException {
        return zip(files(speed));
    }

    /** A model driven by the tests' {@link LaneKeeperDriver} at {@code speed}: one collision per lane box. */
    static byte[] laneKeeperArchive(double speed) throws IOException {
        Map<String, byte[]> m = files(speed);
        m.put("training_params.json", TestDriverProvider.LANE_KEEPER.getBytes(StandardCharsets.UTF_8));
        return zip(m);
    }

    static Path folder(Path dir, double speed) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files(speed).entrySet()) {
            Files.createDirectories(dir.resolve(e.getKey()).getParent());
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(dir.resolve("metrics.jsonl"), "{}\n"); // stays home: not sent
        return dir;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }
}
