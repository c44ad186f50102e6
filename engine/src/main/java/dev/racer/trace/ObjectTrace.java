package dev.racer.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.racer.io.Jsons;
import dev.racer.race.TrialObserver;
import dev.racer.race.TrialRow;
import dev.racer.world.WorldObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the boxes of an object-avoidance race stood, next to its sim-trace: DeepRacer's sim-trace has no column
 * for them, so {@code racer evaluate} writes {@code NAME.objects.json} beside {@code NAME.csv} (kind
 * {@value #KIND}) and {@code racer view --replay} draws them. A placement holds from its sim-trace
 * {@code (episode, steps)} on until the next one (the simapp places the boxes again on every reset; with
 * {@code --randomize-objects} they move).
 *
 * <pre>{"kind": "racer-objects/1", "placements": [{"episode": 0, "steps": 0, "boxes": [[x, y, heading], ...]}]}</pre>
 * x, y: box centre [m]; heading: its length axis [rad].
 */
public final class ObjectTrace {
    public static final String KIND = "racer-objects/1";
    private static final String SUFFIX = ".objects.json";

    /** The boxes from sim-trace row {@code (episode, steps)} on; {@code boxes[i] = {x, y, heading}}. */
    public record Placement(int episode, int steps, double[][] boxes) {
        /** Whether it holds at row {@code (episode, steps)} (it starts there or before). */
        public boolean startsBy(int episode, int steps) {
            return this.episode < episode || (this.episode == episode && this.steps <= steps);
        }
    }

    private ObjectTrace() {
    }

    /** {@code NAME.objects.json} beside the sim-trace {@code NAME.csv}. */
    public static Path sidecar(Path trace) {
        String n = trace.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return trace.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + SUFFIX);
    }

    /**
     * Records a time trial's placements as it runs ({@link TrialObserver}): the boxes at the start and whenever
     * they move. Allocates only when they do.
     */
    public static final class Recorder implements TrialObserver {
        private final List<Placement> placements = new ArrayList<>();
        private double[][] last;

        @Override
        public void onStart(TrialRow row) {
            see(row.env().objects(), row.lap() - 1, 0);
        }

        @Override
        public void onRow(TrialRow row) {
            see(row.env().objects(), row.lap() - 1, row.lapRow());
        }

        private void see(WorldObjects o, int episode, int steps) {
            if (last != null && same(o, last)) {
                return;
            }
            double[][] boxes = new double[o.count()][];
            for (int i = 0; i < boxes.length; i++) {
                boxes[i] = new double[] {o.x(i), o.y(i), o.heading(i)};
            }
            last = boxes;
            placements.add(new Placement(episode, steps, boxes));
        }

        private static boolean same(WorldObjects o, double[][] b) {
            if (o.count() != b.length) {
                return false;
            }
            for (int i = 0; i < b.length; i++) {
                if (o.x(i) != b[i][0] || o.y(i) != b[i][1] || o.heading(i) != b[i][2]) {
                    return false;
                }
            }
            return true;
        }

        public List<Placement> placements() {
            return List.copyOf(placements);
        }

        /** Writes the sidecar of {@code trace} atomically (nothing when no box was ever on the track). */
        public void writeBeside(Path trace) {
            if (placements.stream().allMatch(p -> p.boxes().length == 0)) {
                return;
            }
            write(sidecar(trace), placements);
        }
    }

    public static void write(Path file, List<Placement> placements) {
        ObjectNode n = Jsons.mapper().createObjectNode();
        n.put("kind", KIND);
        ArrayNode ps = n.putArray("placements");
        for (Placement p : placements) {
            ObjectNode e = ps.addObject();
            e.put("episode", p.episode());
            e.put("steps", p.steps());
            ArrayNode bs = e.putArray("boxes");
            for (double[] b : p.boxes()) {
                ArrayNode a = bs.addArray();
                for (double v : b) {
                    a.add(Math.round(v * 1e6) / 1e6);
                }
            }
        }
        Jsons.writeAtomically(file, n);
    }

    /** The placements of {@code trace}'s sidecar; none when it has none. Errors name the file. */
    public static List<Placement> readBeside(Path trace) {
        Path f = sidecar(trace);
        return Files.isRegularFile(f) ? read(f) : List.of();
    }

    public static List<Placement> read(Path file) {
        JsonNode n;
        try {
            n = Jsons.readTree(file);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a readable " + KIND + " file: " + e.getMessage(), e);
        }
        if (n == null || !KIND.equals(n.path("kind").asText()) || !n.path("placements").isArray()) {
            throw new IllegalArgumentException(file + ": expected {\"kind\": \"" + KIND + "\", \"placements\": [...]}");
        }
        List<Placement> out = new ArrayList<>();
        int k = 0;
        for (JsonNode e : n.get("placements")) {
            String where = file + ": placements[" + k++ + "]";
            if (!e.path("episode").canConvertToInt() || !e.path("steps").canConvertToInt() || !e.path("boxes").isArray()) {
                throw new IllegalArgumentException(where + ": expected episode, steps (whole numbers) and boxes");
            }
            List<double[]> boxes = new ArrayList<>();
            for (JsonNode b : e.get("boxes")) {
                if (!b.isArray() || b.size() != 3 || !b.get(0).isNumber() || !b.get(1).isNumber() || !b.get(2).isNumber()) {
                    throw new IllegalArgumentException(where + ": a box is [x, y, heading] (numbers), got " + b);
                }
                boxes.add(new double[] {b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble()});
            }
            out.add(new Placement(e.get("episode").asInt(), e.get("steps").asInt(), boxes.toArray(new double[0][])));
        }
        return out;
    }

    /** The placement holding at row {@code (episode, steps)}: the last that starts by it; null if none. */
    public static Placement at(List<Placement> placements, int episode, int steps) {
        Placement found = null;
        for (Placement p : placements) {
            if (p.startsBy(episode, steps)) {
                found = p;
            }
        }
        return found;
    }
}
