package dev.racer.model;

import dev.racer.space.ActionSpace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.racer.io.Jsons;
import dev.racer.sensor.Sensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    Path tmp;

    Path write(String name, String json) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    void fails(Path file, String... fragments) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> {
            if (file.getFileName().toString().startsWith("hp")) {
                Hyperparameters.read(file);
            } else {
                ModelMetadata.read(file);
            }
        });
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "mentions " + f + ": " + e.getMessage());
        }
    }

    @Test
    void metadataRoundTrips() {
        Path p = tmp.resolve("model_metadata.json");
        ModelMetadata.DEFAULT.write(p);
        assertEquals(ModelMetadata.DEFAULT, ModelMetadata.read(p));
    }

    @Test
    void readsDeepRacersDiscreteMetadata() throws IOException {
        ModelMetadata m = ModelMetadata.read(write("m.json", """
                {"action_space": [{"steering_angle": -30, "speed": 0.6, "index": 0},
                                  {"steering_angle": 30, "speed": 1.2, "index": 1}],
                 "sensor": ["RACER_BORDER_RAYS"], "neural_network": "RACER_MLP",
                 "training_algorithm": "clipped_ppo", "action_space_type": "discrete", "version": "5"}
                """));
        assertEquals(2, m.actionSpace().policyOutputs());
        assertEquals(1.2, ((ActionSpace.Discrete) m.actionSpace()).get(1).speed());
    }

    @Test
    void metadataErrorsNameFileAndField() throws IOException {
        fails(write("m1.json", "{\"action_space\": [{\"steering_angle\": 0, \"speed\": 1}]}"), "action_space", "2 to 30");
        fails(write("m2.json", "{\"action_space\": [{\"steering_angle\": 0, \"speed\": 5}, {\"steering_angle\": 0, \"speed\": 1}]}"),
                "action_space[0]", "speed", "[0.1, 4]");
        fails(write("m3.json", "{\"action_space\": [{\"steering_angle\": 45, \"speed\": 1}, {\"steering_angle\": 0, \"speed\": 1}]}"),
                "steering_angle", "[-30, 30]");
        fails(write("m4.json", "{\"action_space\": [], \"colour\": \"red\"}"), "unknown field \"colour\"");
        fails(write("m5.json", "{\"action_space\": {\"steering_angle\": {\"low\": 10, \"high\": -10},"
                + " \"speed\": {\"low\": 1, \"high\": 2}}, \"action_space_type\": \"continuous\"}"), "low must be below high");
        fails(write("m6.json", "{\"action_space\": {\"steering_angle\": {\"low\": -10, \"high\": 10},"
                + " \"speed\": {\"low\": 1, \"high\": 2}}, \"action_space_type\": \"continuous\", \"training_algorithm\": \"dqn\"}"),
                "dqn needs a discrete action space");
        fails(write("m7.json", "{\"action_space\": [{\"steering_angle\": 0, \"speed\": 1}, {\"steering_angle\": 0, \"speed\": 1}],"
                + " \"sensor\": [\"FRONT_FACING_CAMERA\"], \"neural_network\": \"RACER_MLP\"}"), "sensor",
                "needs a convolutional", "RACER_BORDER_RAYS");
        String two = "{\"action_space\": [{\"steering_angle\": 0, \"speed\": 1}, {\"steering_angle\": 0, \"speed\": 1}]";
        fails(write("m9.json", two + ", \"neural_network\": \"DEEP_CONVOLUTIONAL_NETWORK_SHALLOW\"}"),
                "neural_network", "needs a camera sensor", "RACER_MLP");
        fails(write("m10.json", two + ", \"sensor\": [\"STEREO_CAMERAS\"], \"neural_network\": \"DEEP_CONVOLUTIONAL_NETWORK\","
                + " \"training_algorithm\": \"dqn\"}"), "training_algorithm", "clipped_ppo only");
        fails(write("m11.json", two + ", \"sensor\": [\"LIDAR\"]}"), "sensor", "exactly one camera",
                "[\"RACER_BORDER_RAYS\", \"LIDAR\"]");
        fails(write("m12.json", two + ", \"sensor\": [\"FRONT_FACING_CAMERA\"], \"neural_network\": \"BIG_NET\"}"),
                "neural_network", "DEEP_CONVOLUTIONAL_NETWORK_SHALLOW");
        ModelMetadata cam = ModelMetadata.read(write("m13.json", two + ", \"sensor\": [\"STEREO_CAMERAS\"]}"));
        assertEquals("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", cam.neuralNetwork()); // DeepRacer's default for the camera
        assertEquals(2, cam.cameraChannels());
        assertEquals(2 * 120 * 160, cam.newSensor().size());
        fails(write("m8.json", "{not json"), "not valid JSON");
        fails(tmp.resolve("missing.json"), "not found");
    }

    @Test
    void deepRacersPreprocessTypeIsGreyScaleOnly() throws IOException {
        String two = "{\"action_space\": [{\"steering_angle\": 0, \"speed\": 1}, {\"steering_angle\": 0, \"speed\": 1}]";
        ModelMetadata grey = ModelMetadata.read(write("p1.json", two + ", \"sensor\": [\"FRONT_FACING_CAMERA\"],"
                + " \"preprocess_type\": \"GREY_SCALE\"}"));
        assertTrue(grey.camera());
        fails(write("p2.json", two + ", \"preprocess_type\": \"RGB\"}"), "preprocess_type", "GREY_SCALE", "RGB");
        fails(write("p3.json", two + ", \"preprocess_type\": 3}"), "preprocess_type", "must be a string");
    }

    @Test
    void deepRacersOtherSensorsAndSensorPairsAreRefusedByName() throws IOException {
        String two = "{\"action_space\": [{\"steering_angle\": 0, \"speed\": 1}, {\"steering_angle\": 0, \"speed\": 1}]";
        fails(write("s1.json", two + ", \"sensor\": [\"FRONT_FACING_CAMERA\", \"LIDAR\"]}"), "sensor",
                "camera-and-LIDAR network", "[\"RACER_BORDER_RAYS\", \"LIDAR\"]");
        fails(write("s2.json", two + ", \"sensor\": [\"LEFT_CAMERA\"]}"), "not available yet");
        fails(write("s6.json", two + ", \"sensor\": [\"RACER_BORDER_RAYS\", \"LIDAR\", \"SECTOR_LIDAR\"]}"),
                "sensor", "at most one lidar");
        fails(write("s7.json", two + ", \"sensor\": [\"RACER_BORDER_RAYS\", \"FRONT_FACING_CAMERA\"]}"),
                "sensor", "exactly one camera");
        fails(write("s8.json", two + ", \"sensor\": [\"RACER_BORDER_RAYS\", \"RADAR\"]}"), "sensor",
                "unknown sensor \"RADAR\"", "SECTOR_LIDAR");
        fails(write("s3.json", two + ", \"sensor\": [7]}"), "sensor", "not a sensor name");
        fails(write("s4.json", two + ", \"version\": {\"major\": 5}}"), "version");
        fails(write("s5.json", "{\"action_space\": {\"steering_angle\": {\"low\": -10, \"high\": 10},"
                + " \"speed\": {\"low\": 1, \"high\": 2}, \"gear\": 1}, \"action_space_type\": \"continuous\"}"),
                "action_space.gear", "unknown");
    }

    @Test
    void borderRaysWithEachLidarKindRoundTripAndConcatenate() throws IOException {
        String two = "{\"action_space\": [{\"steering_angle\": 0, \"speed\": 1}, {\"steering_angle\": 0, \"speed\": 1}]";
        int[] sizes = {17 + 64, 17 + 8, 17 + 4 * 3};
        String[] kinds = {"LIDAR", "SECTOR_LIDAR", "DISCRETIZED_SECTOR_LIDAR"};
        for (int k = 0; k < kinds.length; k++) {
            Path f = write("l" + k + ".json", two + ", \"sensor\": [\"RACER_BORDER_RAYS\", \"" + kinds[k] + "\"],"
                    + " \"lidar_config\": {\"num_sectors\": 4, \"num_values_per_sector\": 3, \"clipping_dist\": 1.5}}");
            ModelMetadata m = ModelMetadata.read(f);
            assertEquals(List.of("RACER_BORDER_RAYS", kinds[k]), m.sensors());
            assertEquals("RACER_MLP", m.neuralNetwork());
            assertFalse(m.camera());
            assertEquals(kinds[k], m.lidar().orElseThrow().name());
            Sensor s = m.newSensor();
            assertEquals(sizes[k], s.size(), kinds[k]);
            assertEquals(sizes[k], s.observationSpace().size());
            assertEquals("RACER_BORDER_RAYS+" + kinds[k], s.name());
            m.write(tmp.resolve("back" + k + ".json"));
            ModelMetadata back = ModelMetadata.read(tmp.resolve("back" + k + ".json"));
            assertEquals(m.sensors(), back.sensors());
            assertEquals(sizes[k], back.newSensor().size());
            // lidar_config is written with the sensor that reads it, as DeepRacer's consoles write it
            assertEquals(k == 2, Jsons.readTree(tmp.resolve("back" + k + ".json")).has("lidar_config"));
        }
        ModelMetadata plain = ModelMetadata.read(write("l9.json", two + ", \"sensor\": [\"RACER_BORDER_RAYS\","
                + " \"DISCRETIZED_SECTOR_LIDAR\"]}"));
        assertEquals(17 + 8 * 8, plain.newSensor().size(), "the simapp's defaults: 8 sectors of 8 values");
        assertTrue(ModelMetadata.DEFAULT.lidar().isEmpty());
    }

    @Test
    void theShippedExamplesAreValid() throws IOException {
        try (var dirs = Files.list(Path.of("..", "examples"))) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path f = d.resolve(ModelMetadata.FILE);
                if (Files.isRegularFile(f)) {
                    ModelMetadata.read(f).newSensor();
                }
            }
        }
        ModelMetadata oa = ModelMetadata.read(Path.of("..", "examples", "object_avoidance", ModelMetadata.FILE));
        assertEquals(List.of("RACER_BORDER_RAYS", "SECTOR_LIDAR"), oa.sensors());
        assertEquals(17 + 8, oa.newSensor().size());
    }

    @Test
    void lidarConfigErrorsNameTheField() throws IOException {
        String head = "{\"action_space\": [{\"steering_angle\": 0, \"speed\": 1}, {\"steering_angle\": 0, \"speed\": 1}],"
                + " \"sensor\": [\"RACER_BORDER_RAYS\", \"DISCRETIZED_SECTOR_LIDAR\"], \"lidar_config\": ";
        fails(write("c1.json", head + "{\"num_sectors\": 3}}"), "lidar_config.num_sectors", "must be 0");
        fails(write("c2.json", head + "{\"num_values_per_sector\": 0}}"), "lidar_config.num_values_per_sector");
        fails(write("c3.json", head + "{\"clipping_dist\": 40}}"), "lidar_config.clipping_dist", "between");
        fails(write("c4.json", head + "{\"sectors\": 8}}"), "lidar_config.sectors", "unknown", "num_sectors");
        fails(write("c5.json", head + "{\"num_sectors\": 2.5}}"), "lidar_config.num_sectors", "whole number");
        fails(write("c6.json", head + "[8, 8, 2]}"), "lidar_config", "JSON object");
    }

    @Test
    void actionSpaceJsonRoundTrips() {
        ActionSpace c = new ActionSpace.Continuous(-20, 25, 0.5, 3);
        assertEquals(c, ActionSpaceJson.read("x", "continuous", ActionSpaceJson.write(c)));
        ActionSpace d = ActionSpace.defaultDiscrete();
        assertEquals(d, ActionSpaceJson.read("x", "discrete", ActionSpaceJson.write(d)));
    }

    @Test
    void hyperparametersDefaultsAndOverrides() throws IOException {
        Hyperparameters h = Hyperparameters.read(write("hp1.json", "{\"lr\": 0.001, \"loss_type\": \"mse\"}"));
        assertEquals(0.001, h.lr());
        assertEquals("mse", h.lossType());
        assertEquals(Hyperparameters.DEFAULT.batchSize(), h.batchSize());
        assertEquals(64, Hyperparameters.DEFAULT.batchSize());
        assertEquals(0.999, Hyperparameters.DEFAULT.discountFactor());
        Path p = tmp.resolve("hp_rt.json");
        h.write(p);
        assertEquals(h, Hyperparameters.read(p));
    }

    @Test
    void hyperparameterErrorsNameFileAndField() throws IOException {
        fails(write("hp2.json", "{\"learning_rate\": 0.1}"), "unknown field \"learning_rate\"", "lr");
        fails(write("hp3.json", "{\"batch_size\": 0}"), "\"batch_size\"", "[2, 65536]");
        fails(write("hp4.json", "{\"discount_factor\": 1.5}"), "\"discount_factor\"");
        fails(write("hp5.json", "{\"loss_type\": \"l1\"}"), "\"loss_type\"", "huber or mse");
        fails(write("hp6.json", "{\"num_epochs\": \"ten\"}"), "\"num_epochs\"", "whole number");
        fails(write("hp7.json", "{\"stack_size\": 3}"), "\"stack_size\"");
    }
}
