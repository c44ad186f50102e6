package dev.racer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.racer.io.Jsons;
import dev.racer.sensor.BorderRaySensor;
import dev.racer.space.ActionSpace;
import dev.racer.sensor.CameraSensor;
import dev.racer.sensor.Sensor;
import dev.racer.sensor.SensorStack;
import dev.racer.world.LidarConfig;
import dev.racer.world.LidarSensor;
import dev.racer.world.LidarSpec;
import dev.racer.world.SensorCombination;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code model_metadata.json} with DeepRacer's keys: {@code action_space}, {@code action_space_type},
 * {@code sensor}, {@code neural_network}, {@code training_algorithm}, {@code version}, and Racer's
 * {@code racer_hidden_layers}. {@link #fromJson} is the one validator: the trainer reads model folders with it and
 * the league checks uploads with it, so a model the league accepts is one the trainer can drive.
 * <p>
 * {@code sensor} is one sensor, or a vector sensor and one LIDAR kind as DeepRacer pairs a camera with a LIDAR:
 * {@code [RACER_BORDER_RAYS, LIDAR]} (17 + 64 floats), {@code [RACER_BORDER_RAYS, SECTOR_LIDAR]} (17 + 8) or
 * {@code [RACER_BORDER_RAYS, DISCRETIZED_SECTOR_LIDAR]} (17 + sectors × values, from {@code lidar_config}), read by
 * the MLP as one vector in the list's order ({@link SensorStack}). A camera with a LIDAR (DeepRacer's two-input
 * network) is refused by name: Racer's convolutional networks read the camera alone.
 * <p>
 * {@code preprocess_type}, which newer DeepRacer consoles write and DeepRacer's simulation ignores (its presets
 * always turn camera frames grey), is accepted as {@value #GREY_SCALE} only: Racer's cameras are grey, as
 * DeepRacer's networks see them. Any other value is refused rather than silently ignored.
 *
 * @param actionSpace       the actions
 * @param sensors           sensor names ({@value BorderRaySensor#NAME} is Racer's vector sensor)
 * @param neuralNetwork     {@value #RACER_MLP} (Racer's multi-layer perceptron; hidden layers in
 *                          {@code hiddenLayers}) for the vector sensor, or one of {@link #CAMERA_NETWORKS}
 *                          (convolutional, for the camera sensors; {@code hiddenLayers} is then unused)
 * @param hiddenLayers      widths of the hidden layers (Racer's extra key {@code racer_hidden_layers})
 * @param trainingAlgorithm {@code clipped_ppo}, {@code dqn} or {@code a3c}
 * @param version           DeepRacer's metadata version string
 * @param lidarConfig       DeepRacer's {@code lidar_config}: the sectors, values per sector and clipping distance
 *                          [m] of {@code DISCRETIZED_SECTOR_LIDAR} (written only with that sensor)
 */
public record ModelMetadata(ActionSpace actionSpace, List<String> sensors, String neuralNetwork,
                            List<Integer> hiddenLayers, String trainingAlgorithm, String version,
                            LidarConfig lidarConfig) {
    public static final String FILE = "model_metadata.json";
    public static final String RACER_MLP = "RACER_MLP";
    public static final Set<String> ALGORITHMS = Set.of("clipped_ppo", "sac", "dqn", "a3c");
    public static final String PREPROCESS_TYPE = "preprocess_type";
    /** the one {@code preprocess_type} Racer accepts: its cameras are greyscale */
    public static final String GREY_SCALE = "GREY_SCALE";
    private static final Set<String> KEYS = Set.of("action_space", "action_space_type", "sensor", "neural_network",
            "training_algorithm", "version", "racer_hidden_layers", PREPROCESS_TYPE, "lidar_config");
    public static final String LIDAR_CONFIG = "lidar_config";
    private static final List<String> LIDAR_CONFIG_KEYS = List.of("num_sectors", "num_values_per_sector",
            "clipping_dist");
    /** DeepRacer's sensors Racer does not simulate yet (its {@code Input} enum) */
    private static final Set<String> DEEPRACER_ONLY_SENSORS = Set.of("LEFT_CAMERA", "observation");
    private static final String LIDARS = "LIDAR, SECTOR_LIDAR or DISCRETIZED_SECTOR_LIDAR";
    public static final String DEEP_CONVOLUTIONAL_NETWORK_SHALLOW = "DEEP_CONVOLUTIONAL_NETWORK_SHALLOW";
    /** The convolutional presets for the camera sensors (layer lists in {@code ConvTorso}). */
    public static final Set<String> CAMERA_NETWORKS = Set.of(DEEP_CONVOLUTIONAL_NETWORK_SHALLOW,
            "DEEP_CONVOLUTIONAL_NETWORK", "DEEP_CONVOLUTIONAL_NETWORK_DEEP");

    /** Defaults: Racer's default discrete space, the vector sensor, a 64×64 MLP, clipped PPO. */
    public static final ModelMetadata DEFAULT = new ModelMetadata(ActionSpace.defaultDiscrete(),
            List.of(BorderRaySensor.NAME), RACER_MLP, List.of(64, 64), "clipped_ppo", "5");

    public ModelMetadata {
        sensors = List.copyOf(sensors);
        hiddenLayers = List.copyOf(hiddenLayers);
        if (lidarConfig == null) {
            lidarConfig = LidarConfig.DEFAULT;
        }
    }

    /** With DeepRacer's default {@code lidar_config}. */
    public ModelMetadata(ActionSpace actionSpace, List<String> sensors, String neuralNetwork,
                         List<Integer> hiddenLayers, String trainingAlgorithm, String version) {
        this(actionSpace, sensors, neuralNetwork, hiddenLayers, trainingAlgorithm, version, LidarConfig.DEFAULT);
    }

    public ModelMetadata withAlgorithm(String algorithm) {
        return new ModelMetadata(actionSpace, sensors, neuralNetwork, hiddenLayers, algorithm, version, lidarConfig);
    }

    /** The LIDAR kind the model reads besides its main sensor, if any. */
    public java.util.Optional<LidarSensor.Kind> lidar() {
        return sensors.stream().filter(SensorCombination.LIDARS::contains).findFirst().map(LidarSensor.Kind::valueOf);
    }

    public boolean discrete() {
        return actionSpace instanceof ActionSpace.Discrete;
    }

    /**
     * A new instance of the sensor the model reads: the camera, {@value BorderRaySensor#NAME}, or that and a
     * LIDAR concatenated in the list's order (the LIDAR sees the boxes of the environment it observes).
     */
    public Sensor newSensor() {
        if (camera()) {
            return CameraSensor.byName(sensors.get(0));
        }
        if (sensors.size() == 1) {
            return new BorderRaySensor();
        }
        List<Sensor> parts = new ArrayList<>();
        for (String s : sensors) {
            parts.add(s.equals(BorderRaySensor.NAME) ? new BorderRaySensor()
                    : new LidarSensor(LidarSensor.Kind.valueOf(s), lidarConfig, LidarSpec.DEEPRACER, null));
        }
        return new SensorStack(parts);
    }

    /** Whether the model reads a camera (and so has a convolutional network). */
    public boolean camera() {
        return sensors.stream().anyMatch(ModelMetadata::isCamera);
    }

    /** Camera frames per observation: 2 for {@code STEREO_CAMERAS}, else 1. */
    public int cameraChannels() {
        return sensors.get(0).equals(CameraSensor.STEREO_CAMERAS) ? 2 : 1;
    }

    static boolean isCamera(String sensor) {
        return sensor.equals(CameraSensor.FRONT_FACING_CAMERA) || sensor.equals(CameraSensor.STEREO_CAMERAS);
    }

    // ---------------------------------------------------------------- reading

    /** Reads and validates {@code file}; errors name the file and the field. */
    public static ModelMetadata read(Path file) {
        return fromJson(file.toString(), Fields.readObject(file));
    }

    /**
     * Validates a parsed {@code model_metadata.json}: every field, and that the sensor, network and algorithm go
     * together. {@code where} names the file in errors (a path, or an upload's entry name).
     */
    public static ModelMetadata fromJson(String where, JsonNode n) {
        String file = where;
        Fields.object(file, n);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new ModelFileException(file + ": unknown field \"" + Fields.printable(k) + "\" (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String type = n.has("action_space_type") ? Fields.text(file, n, "action_space_type") : "discrete";
        JsonNode as = n.get("action_space");
        if (as == null) {
            throw new ModelFileException(file + ": field \"action_space\" is missing");
        }
        ActionSpace space = ActionSpaceJson.read(file, type, as);
        if (n.has(PREPROCESS_TYPE) && !Fields.text(file, n, PREPROCESS_TYPE).equals(GREY_SCALE)) {
            throw new ModelFileException(file + ": field \"" + PREPROCESS_TYPE + "\" must be \"" + GREY_SCALE
                    + "\" (Racer's cameras are greyscale, as DeepRacer's networks see them), got "
                    + Fields.shown(n.get(PREPROCESS_TYPE)));
        }
        List<String> sensors = new ArrayList<>();
        JsonNode s = n.get("sensor");
        if (s == null) {
            sensors.add(BorderRaySensor.NAME);
        } else if (!s.isArray() || s.isEmpty()) {
            throw new ModelFileException(file + ": field \"sensor\" must be a non-empty list of sensor names");
        } else {
            for (JsonNode e : s) {
                if (!e.isTextual() || e.asText().length() > 64) {
                    throw new ModelFileException(file + ": field \"sensor\" holds " + Fields.shown(e)
                            + ", not a sensor name such as " + BorderRaySensor.NAME);
                }
                sensors.add(e.asText());
            }
        }
        for (String sensor : sensors) {
            if (DEEPRACER_ONLY_SENSORS.contains(sensor)) {
                throw new ModelFileException(file + ": field \"sensor\": " + sensor + " is not available yet in Racer;"
                        + " use " + BorderRaySensor.NAME + ", " + CameraSensor.FRONT_FACING_CAMERA + " or "
                        + CameraSensor.STEREO_CAMERAS + " (with at most one of " + LIDARS + ")");
            }
            if (!isCamera(sensor) && !sensor.equals(BorderRaySensor.NAME)
                    && !SensorCombination.LIDARS.contains(sensor)) {
                throw new ModelFileException(file + ": field \"sensor\": unknown sensor \"" + Fields.printable(sensor)
                        + "\" (known: " + BorderRaySensor.NAME + ", " + CameraSensor.FRONT_FACING_CAMERA + ", "
                        + CameraSensor.STEREO_CAMERAS + ", LIDAR, SECTOR_LIDAR, DISCRETIZED_SECTOR_LIDAR)");
            }
        }
        try {
            SensorCombination.validate(sensors, file + ": field \"sensor\"");
        } catch (IllegalArgumentException e) {
            String hint = sensors.stream().allMatch(SensorCombination.LIDARS::contains)
                    ? "; a LIDAR goes with " + BorderRaySensor.NAME + ", e.g. [\"" + BorderRaySensor.NAME + "\", \""
                    + sensors.get(0) + "\"]" : "";
            throw new ModelFileException(e.getMessage() + hint); // every name is known here: nothing to escape
        }
        boolean camera = sensors.stream().anyMatch(ModelMetadata::isCamera);
        String sensor = sensors.stream().filter(x -> !SensorCombination.LIDARS.contains(x)).findFirst().orElseThrow();
        String lidar = sensors.stream().filter(SensorCombination.LIDARS::contains).findFirst().orElse(null);
        if (camera && lidar != null) {
            throw new ModelFileException(file + ": field \"sensor\": " + sensor + " with " + lidar + " is DeepRacer's"
                    + " camera-and-LIDAR network, which Racer does not build yet (its convolutional networks read the"
                    + " camera alone); use [\"" + BorderRaySensor.NAME + "\", \"" + lidar + "\"] with " + RACER_MLP
                    + ", or [\"" + sensor + "\"]");
        }
        LidarConfig lidarConfig = lidarConfig(file, n.get(LIDAR_CONFIG));
        String net = n.has("neural_network") ? Fields.text(file, n, "neural_network")
                : camera ? DEEP_CONVOLUTIONAL_NETWORK_SHALLOW : RACER_MLP;
        if (!net.equals(RACER_MLP) && !CAMERA_NETWORKS.contains(net)) {
            throw new ModelFileException(file + ": field \"neural_network\" must be " + RACER_MLP + " or one of "
                    + String.join(", ", CAMERA_NETWORKS.stream().sorted().toList()) + ", got \"" + Fields.printable(net)
                    + "\"");
        }
        if (CAMERA_NETWORKS.contains(net) && !camera) {
            throw new ModelFileException(file + ": field \"neural_network\": " + net + " needs a camera sensor ("
                    + CameraSensor.FRONT_FACING_CAMERA + " or " + CameraSensor.STEREO_CAMERAS + "); with "
                    + BorderRaySensor.NAME + " use " + RACER_MLP);
        }
        if (net.equals(RACER_MLP) && camera) {
            throw new ModelFileException(file + ": field \"sensor\": " + sensor + " needs a convolutional"
                    + " \"neural_network\" (" + String.join(", ", CAMERA_NETWORKS.stream().sorted().toList())
                    + "); " + RACER_MLP + " reads " + BorderRaySensor.NAME);
        }
        List<Integer> hidden = new ArrayList<>();
        JsonNode h = n.get("racer_hidden_layers");
        if (h == null) {
            hidden.addAll(DEFAULT.hiddenLayers);
        } else {
            if (!h.isArray() || h.isEmpty() || h.size() > 4) {
                throw new ModelFileException(file + ": field \"racer_hidden_layers\" must be a list of 1 to 4 widths");
            }
            for (JsonNode e : h) {
                if (!e.isIntegralNumber() || e.asInt() < 1 || e.asInt() > 1024) {
                    throw new ModelFileException(file + ": field \"racer_hidden_layers\": widths must be whole"
                            + " numbers in [1, 1024], got " + Fields.shown(e));
                }
                hidden.add(e.asInt());
            }
        }
        String algo = n.has("training_algorithm") ? Fields.text(file, n, "training_algorithm") : "clipped_ppo";
        if (!ALGORITHMS.contains(algo)) {
            throw new ModelFileException(file + ": field \"training_algorithm\" must be one of clipped_ppo, sac, dqn,"
                    + " a3c, got \"" + Fields.printable(algo) + "\"");
        }
        if (algo.equals("sac") && !(space instanceof ActionSpace.Continuous)) {
            throw new ModelFileException(file + ": sac needs a continuous action space (\"action_space_type\":"
                    + " \"continuous\", as DeepRacer's SAC)");
        }
        if (!(space instanceof ActionSpace.Discrete) && !algo.equals("clipped_ppo") && !algo.equals("sac")) {
            throw new ModelFileException(file + ": " + algo + " needs a discrete action space");
        }
        if (camera && !algo.equals("clipped_ppo")) {
            throw new ModelFileException(file + ": field \"training_algorithm\": camera models train with clipped_ppo"
                    + " only, got \"" + algo + "\"");
        }
        String version = DEFAULT.version;
        if (n.has("version")) {
            JsonNode v = n.get("version");
            if (!(v.isTextual() || v.isNumber()) || v.asText().length() > 16) {
                throw new ModelFileException(file + ": field \"version\" must be a short string such as \"5\", got "
                        + Fields.shown(v));
            }
            version = v.asText();
        }
        return new ModelMetadata(space, sensors, net, hidden, algo, version, lidarConfig);
    }

    /** DeepRacer's {@code lidar_config}: each of its three keys optional (the simapp's defaults). */
    private static LidarConfig lidarConfig(String file, JsonNode c) {
        if (c == null) {
            return LidarConfig.DEFAULT;
        }
        Fields.object(file + ": field \"" + LIDAR_CONFIG + "\"", c);
        for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!LIDAR_CONFIG_KEYS.contains(k)) {
                throw new ModelFileException(file + ": field \"" + LIDAR_CONFIG + "." + Fields.printable(k)
                        + "\" is unknown (known: " + String.join(", ", LIDAR_CONFIG_KEYS) + ")");
            }
        }
        int sectors = LidarConfig.DEFAULT.numSectors(), values = LidarConfig.DEFAULT.numValuesPerSector();
        double clip = LidarConfig.DEFAULT.clippingDist();
        for (String k : LIDAR_CONFIG_KEYS) {
            JsonNode v = c.get(k);
            if (v == null) {
                continue;
            }
            boolean whole = !k.equals("clipping_dist");
            if (!v.isNumber() || (whole && !v.isIntegralNumber()) || (whole && !v.canConvertToInt())) {
                throw new ModelFileException(file + ": field \"" + LIDAR_CONFIG + "." + k + "\" must be "
                        + (whole ? "a whole number" : "a number [m]") + ", got " + Fields.shown(v));
            }
            switch (k) {
                case "num_sectors" -> sectors = v.asInt();
                case "num_values_per_sector" -> values = v.asInt();
                default -> clip = v.asDouble();
            }
        }
        try {
            return new LidarConfig(sectors, values, clip);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + ": field " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- writing

    public JsonNode toJson() {
        ObjectNode n = Jsons.mapper().createObjectNode();
        n.set("action_space", ActionSpaceJson.write(actionSpace));
        n.put("action_space_type", actionSpace.type());
        ArrayNode s = n.putArray("sensor");
        sensors.forEach(s::add);
        n.put("neural_network", neuralNetwork);
        ArrayNode h = n.putArray("racer_hidden_layers");
        hiddenLayers.forEach(h::add);
        n.put("training_algorithm", trainingAlgorithm);
        n.put("version", version);
        if (sensors.contains(LidarSensor.Kind.DISCRETIZED_SECTOR_LIDAR.name())) {
            ObjectNode c = n.putObject(LIDAR_CONFIG);
            c.put("num_sectors", lidarConfig.numSectors());
            c.put("num_values_per_sector", lidarConfig.numValuesPerSector());
            c.put("clipping_dist", lidarConfig.clippingDist());
        }
        return n;
    }

    /** Writes the file atomically. */
    public void write(Path file) {
        Jsons.writeAtomically(file, toJson());
    }
}
