package dev.racer.trainer.model;

import dev.racer.space.ActionSpace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.racer.car.Control;
import dev.racer.sensor.BorderRaySensor;
import dev.racer.sensor.CameraSensor;
import dev.racer.sensor.Sensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code model_metadata.json} with DeepRacer's keys: {@code action_space}, {@code action_space_type},
 * {@code sensor}, {@code neural_network}, {@code training_algorithm}, {@code version}.
 *
 * @param actionSpace       the actions
 * @param sensors           sensor names ({@value BorderRaySensor#NAME} is Racer's vector sensor)
 * @param neuralNetwork     {@value #RACER_MLP} (Racer's multi-layer perceptron; hidden layers in
 *                          {@code hiddenLayers}) for the vector sensor, or one of {@link #CAMERA_NETWORKS}
 *                          (convolutional, for the camera sensors; {@code hiddenLayers} is then unused)
 * @param hiddenLayers      widths of the hidden layers (Racer's extra key {@code racer_hidden_layers})
 * @param trainingAlgorithm {@code clipped_ppo}, {@code dqn} or {@code a3c}
 * @param version           DeepRacer's metadata version string
 */
public record ModelMetadata(ActionSpace actionSpace, List<String> sensors, String neuralNetwork,
                            List<Integer> hiddenLayers, String trainingAlgorithm, String version) {
    public static final String FILE = "model_metadata.json";
    public static final String RACER_MLP = "RACER_MLP";
    public static final Set<String> ALGORITHMS = Set.of("clipped_ppo", "sac", "dqn", "a3c");
    private static final Set<String> KEYS = Set.of("action_space", "action_space_type", "sensor", "neural_network",
            "training_algorithm", "version", "racer_hidden_layers");
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
    }

    public ModelMetadata withAlgorithm(String algorithm) {
        return new ModelMetadata(actionSpace, sensors, neuralNetwork, hiddenLayers, algorithm, version);
    }

    public boolean discrete() {
        return actionSpace instanceof ActionSpace.Discrete;
    }

    /** A new instance of the sensor the model reads. */
    public Sensor newSensor() {
        return camera() ? CameraSensor.byName(sensors.get(0)) : new BorderRaySensor();
    }

    /** Whether the model reads a camera (and so has a convolutional network). */
    public boolean camera() {
        return !sensors.isEmpty() && isCamera(sensors.get(0));
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
        JsonNode n = Json.readObject(file);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new ModelFileException(file + ": unknown field \"" + k + "\" (known: " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
        }
        String type = n.has("action_space_type") ? Json.text(file, n, "action_space_type") : "discrete";
        JsonNode as = n.get("action_space");
        if (as == null) {
            throw new ModelFileException(file + ": field \"action_space\" is missing");
        }
        ActionSpace space = switch (type) {
            case "discrete" -> readDiscrete(file, as);
            case "continuous" -> readContinuous(file, as);
            default -> throw new ModelFileException(file + ": field \"action_space_type\" must be \"discrete\" or"
                    + " \"continuous\", got \"" + type + "\"");
        };
        List<String> sensors = new ArrayList<>();
        JsonNode s = n.get("sensor");
        if (s == null) {
            sensors.add(BorderRaySensor.NAME);
        } else if (!s.isArray() || s.isEmpty()) {
            throw new ModelFileException(file + ": field \"sensor\" must be a non-empty list of sensor names");
        } else {
            for (JsonNode e : s) {
                sensors.add(e.asText());
            }
        }
        if (sensors.size() != 1) {
            throw new ModelFileException(file + ": field \"sensor\" must name exactly one sensor, got " + sensors);
        }
        String sensor = sensors.get(0);
        if (sensor.equals("LIDAR") || sensor.equals("SECTOR_LIDAR")) {
            throw new ModelFileException(file + ": field \"sensor\": " + sensor + " is not available yet in Racer;"
                    + " use " + BorderRaySensor.NAME + ", " + CameraSensor.FRONT_FACING_CAMERA + " or "
                    + CameraSensor.STEREO_CAMERAS);
        }
        boolean camera = isCamera(sensor);
        if (!camera && !sensor.equals(BorderRaySensor.NAME)) {
            throw new ModelFileException(file + ": field \"sensor\": unknown sensor \"" + sensor + "\" (known: "
                    + BorderRaySensor.NAME + ", " + CameraSensor.FRONT_FACING_CAMERA + ", "
                    + CameraSensor.STEREO_CAMERAS + ")");
        }
        String net = n.has("neural_network") ? Json.text(file, n, "neural_network")
                : camera ? DEEP_CONVOLUTIONAL_NETWORK_SHALLOW : RACER_MLP;
        if (!net.equals(RACER_MLP) && !CAMERA_NETWORKS.contains(net)) {
            throw new ModelFileException(file + ": field \"neural_network\" must be " + RACER_MLP + " or one of "
                    + String.join(", ", CAMERA_NETWORKS.stream().sorted().toList()) + ", got \"" + net + "\"");
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
                            + " numbers in [1, 1024], got " + e);
                }
                hidden.add(e.asInt());
            }
        }
        String algo = n.has("training_algorithm") ? Json.text(file, n, "training_algorithm") : "clipped_ppo";
        if (!ALGORITHMS.contains(algo)) {
            throw new ModelFileException(file + ": field \"training_algorithm\" must be one of clipped_ppo, sac, dqn,"
                    + " a3c, got \"" + algo + "\"");
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
        String version = n.has("version") ? n.get("version").asText() : DEFAULT.version;
        return new ModelMetadata(space, sensors, net, hidden, algo, version);
    }

    private static ActionSpace.Discrete readDiscrete(Path file, JsonNode as) {
        if (!as.isArray()) {
            throw new ModelFileException(file + ": field \"action_space\" must be a list of"
                    + " {\"steering_angle\", \"speed\"} for action_space_type \"discrete\"");
        }
        if (as.size() < ActionSpace.MIN_ACTIONS || as.size() > ActionSpace.MAX_ACTIONS) {
            throw new ModelFileException(file + ": field \"action_space\" must have " + ActionSpace.MIN_ACTIONS + " to "
                    + ActionSpace.MAX_ACTIONS + " actions, got " + as.size());
        }
        List<Control> actions = new ArrayList<>();
        for (int i = 0; i < as.size(); i++) {
            JsonNode a = as.get(i);
            String where = "action_space[" + i + "]";
            if (!a.isObject()) {
                throw new ModelFileException(file + ": field \"" + where + "\" must be {\"steering_angle\", \"speed\"}");
            }
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.equals("steering_angle") && !k.equals("speed") && !k.equals("index")) {
                    throw new ModelFileException(file + ": field \"" + where + "." + k + "\" is unknown"
                            + " (known: steering_angle, speed, index)");
                }
            }
            double steer = Json.number(file, a, where + ".", "steering_angle", -ActionSpace.MAX_STEERING, ActionSpace.MAX_STEERING);
            double speed = Json.number(file, a, where + ".", "speed", ActionSpace.MIN_SPEED, ActionSpace.MAX_SPEED);
            actions.add(new Control(steer, speed));
        }
        return new ActionSpace.Discrete(actions);
    }

    private static ActionSpace.Continuous readContinuous(Path file, JsonNode as) {
        if (!as.isObject() || !as.has("steering_angle") || !as.has("speed")) {
            throw new ModelFileException(file + ": field \"action_space\" must be {\"steering_angle\": {\"low\", \"high\"},"
                    + " \"speed\": {\"low\", \"high\"}} for action_space_type \"continuous\"");
        }
        JsonNode st = as.get("steering_angle"), sp = as.get("speed");
        double sLo = Json.number(file, st, "action_space.steering_angle.", "low", -ActionSpace.MAX_STEERING, ActionSpace.MAX_STEERING);
        double sHi = Json.number(file, st, "action_space.steering_angle.", "high", -ActionSpace.MAX_STEERING, ActionSpace.MAX_STEERING);
        double vLo = Json.number(file, sp, "action_space.speed.", "low", ActionSpace.MIN_SPEED, ActionSpace.MAX_SPEED);
        double vHi = Json.number(file, sp, "action_space.speed.", "high", ActionSpace.MIN_SPEED, ActionSpace.MAX_SPEED);
        if (!(sLo < sHi)) {
            throw new ModelFileException(file + ": field \"action_space.steering_angle\": low must be below high");
        }
        if (!(vLo < vHi)) {
            throw new ModelFileException(file + ": field \"action_space.speed\": low must be below high");
        }
        return new ActionSpace.Continuous(sLo, sHi, vLo, vHi);
    }

    // ---------------------------------------------------------------- writing

    public JsonNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        if (actionSpace instanceof ActionSpace.Discrete d) {
            ArrayNode a = n.putArray("action_space");
            for (int i = 0; i < d.size(); i++) {
                ObjectNode o = a.addObject();
                o.put("steering_angle", d.get(i).steeringAngle());
                o.put("speed", d.get(i).speed());
                o.put("index", i);
            }
        } else if (actionSpace instanceof ActionSpace.Continuous c) {
            ObjectNode a = n.putObject("action_space");
            a.putObject("steering_angle").put("low", c.steeringLow()).put("high", c.steeringHigh());
            a.putObject("speed").put("low", c.speedLow()).put("high", c.speedHigh());
        }
        n.put("action_space_type", actionSpace.type());
        ArrayNode s = n.putArray("sensor");
        sensors.forEach(s::add);
        n.put("neural_network", neuralNetwork);
        ArrayNode h = n.putArray("racer_hidden_layers");
        hiddenLayers.forEach(h::add);
        n.put("training_algorithm", trainingAlgorithm);
        n.put("version", version);
        return n;
    }

    public void write(Path file) {
        Json.write(file, toJson());
    }
}
