package dev.racer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.racer.car.Control;
import dev.racer.space.ActionSpace;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * DeepRacer's {@code action_space} JSON: a list of {@code {"steering_angle", "speed", "index"}} for
 * {@code action_space_type} {@code discrete}, {@code {"steering_angle": {"low", "high"}, "speed": {"low", "high"}}}
 * for {@code continuous}. Limits are {@link ActionSpace}'s (DeepRacer's).
 */
public final class ActionSpaceJson {
    private ActionSpaceJson() {
    }

    /**
     * Reads {@code as} as an action space of {@code type} ({@code discrete} or {@code continuous}); {@code where}
     * names the file in errors.
     */
    public static ActionSpace read(String where, String type, JsonNode as) {
        return switch (type) {
            case "discrete" -> readDiscrete(where, as);
            case "continuous" -> readContinuous(where, as);
            default -> throw new ModelFileException(where + ": field \"action_space_type\" must be \"discrete\" or"
                    + " \"continuous\", got \"" + Fields.printable(type) + "\"");
        };
    }

    /** The {@code action_space} value for {@code space} (discrete actions carry their {@code index}). */
    public static JsonNode write(ActionSpace space) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (space) {
            case ActionSpace.Discrete d -> {
                ArrayNode a = f.arrayNode();
                for (int i = 0; i < d.size(); i++) {
                    a.addObject().put("steering_angle", d.get(i).steeringAngle()).put("speed", d.get(i).speed())
                            .put("index", i);
                }
                yield a;
            }
            case ActionSpace.Continuous c -> {
                ObjectNode o = f.objectNode();
                o.putObject("steering_angle").put("low", c.steeringLow()).put("high", c.steeringHigh());
                o.putObject("speed").put("low", c.speedLow()).put("high", c.speedHigh());
                yield o;
            }
        };
    }

    private static ActionSpace.Discrete readDiscrete(String file, JsonNode as) {
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
            onlyKeys(file, a, where, Set.of("steering_angle", "speed", "index"));
            double steer = Fields.number(file, a, where + ".", "steering_angle", -ActionSpace.MAX_STEERING,
                    ActionSpace.MAX_STEERING);
            double speed = Fields.number(file, a, where + ".", "speed", ActionSpace.MIN_SPEED, ActionSpace.MAX_SPEED);
            actions.add(new Control(steer, speed));
        }
        return new ActionSpace.Discrete(actions);
    }

    private static ActionSpace.Continuous readContinuous(String file, JsonNode as) {
        if (!as.isObject() || !as.has("steering_angle") || !as.has("speed")) {
            throw new ModelFileException(file + ": field \"action_space\" must be {\"steering_angle\": {\"low\", \"high\"},"
                    + " \"speed\": {\"low\", \"high\"}} for action_space_type \"continuous\"");
        }
        onlyKeys(file, as, "action_space", Set.of("steering_angle", "speed"));
        double[] st = range(file, as.get("steering_angle"), "steering_angle", -ActionSpace.MAX_STEERING,
                ActionSpace.MAX_STEERING);
        double[] sp = range(file, as.get("speed"), "speed", ActionSpace.MIN_SPEED, ActionSpace.MAX_SPEED);
        return new ActionSpace.Continuous(st[0], st[1], sp[0], sp[1]);
    }

    private static double[] range(String file, JsonNode r, String key, double lo, double hi) {
        String where = "action_space." + key;
        if (!r.isObject()) {
            throw new ModelFileException(file + ": field \"" + where + "\" must be {\"low\", \"high\"}");
        }
        onlyKeys(file, r, where, Set.of("low", "high"));
        double low = Fields.number(file, r, where + ".", "low", lo, hi);
        double high = Fields.number(file, r, where + ".", "high", lo, hi);
        if (!(low < high)) {
            throw new ModelFileException(file + ": field \"" + where + "\": low must be below high");
        }
        return new double[] {low, high};
    }

    private static void onlyKeys(String file, JsonNode n, String where, Set<String> known) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new ModelFileException(file + ": field \"" + where + "." + Fields.printable(k) + "\" is unknown"
                        + " (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
