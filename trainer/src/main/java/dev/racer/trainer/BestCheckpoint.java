package dev.racer.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.io.AtomicFiles;
import dev.racer.io.Jsons;
import dev.racer.model.ModelFileException;
import dev.racer.model.ModelFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "best" checkpoint, as DeepRacer-for-Cloud keeps one beside the last: after each iteration the network
 * whose greedy evaluation beats every earlier one is copied into {@code best/} of the model folder, with its
 * figures in {@code best/state.json}. Better means: every evaluation lap completed beats any that did not; among
 * those, the lower mean lap time; otherwise the higher completion rate, then the higher mean progress. An
 * evaluation cut short by a stop ranks nothing. The state is read back on {@code --resume}, so a resumed run
 * keeps comparing against the best of the earlier ones.
 */
public final class BestCheckpoint {

    /**
     * The figures a best checkpoint is ranked by.
     *
     * @param iteration      the iteration that produced it
     * @param completionRate fraction of evaluation laps completed
     * @param progress       mean evaluation progress [%]
     * @param meanLap        mean lap time of the completed evaluation laps [s] (NaN when none)
     * @param bestLap        fastest evaluation lap [s] (NaN when none)
     */
    public record Score(int iteration, double completionRate, double progress, double meanLap, double bestLap) {

        public static Score of(IterationMetrics m) {
            return new Score(m.iteration(), m.evalCompletionRate(), m.evalProgress(), m.evalMeanLapSeconds(),
                    m.evalBestLapSeconds());
        }

        boolean allLapsCompleted() {
            return completionRate >= 1 && !Double.isNaN(meanLap);
        }

        /** Whether this ranks strictly above {@code other} (null: anything ranks above nothing). */
        public boolean beats(Score other) {
            if (Double.isNaN(completionRate)) {
                return false;
            }
            if (other == null) {
                return true;
            }
            if (allLapsCompleted() != other.allLapsCompleted()) {
                return allLapsCompleted();
            }
            if (allLapsCompleted()) {
                return meanLap < other.meanLap;
            }
            if (completionRate != other.completionRate) {
                return completionRate > other.completionRate;
            }
            return progress > other.progress;
        }
    }

    private final ModelFolder folder;
    private Score best;

    /** The best checkpoint of {@code folder} so far (none for a fresh run). */
    public BestCheckpoint(ModelFolder folder) {
        this.folder = folder;
        this.best = read(folder);
    }

    /** The best so far, or null. */
    public Score best() {
        return best;
    }

    /**
     * After an iteration wrote its network to {@code lastWeights} (one of the model folder's network files):
     * copies that network into {@code best/} when the iteration's evaluation beats the best so far; returns
     * whether it did.
     */
    public boolean offer(IterationMetrics m, Path lastWeights) {
        Score s = Score.of(m);
        if (!s.beats(best)) {
            return false;
        }
        Path target = folder.bestWeights(lastWeights);
        AtomicFiles.write(target, out -> Files.copy(lastWeights, out));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("iteration", s.iteration());
        state.put("weights", target.getFileName().toString());
        state.put("eval_completion_rate", s.completionRate());
        state.put("eval_progress", s.progress());
        state.put("eval_mean_lap_s", Double.isNaN(s.meanLap()) ? null : s.meanLap());
        state.put("eval_best_lap_s", Double.isNaN(s.bestLap()) ? null : s.bestLap());
        Jsons.writeAtomically(folder.bestState(), state);
        best = s;
        return true;
    }

    /** The best checkpoint's figures from {@code best/state.json}, or null when there is none. */
    public static Score read(ModelFolder folder) {
        Path f = folder.bestState();
        if (!Files.isRegularFile(f)) {
            return null;
        }
        JsonNode n;
        try {
            n = Jsons.mapper().readTree(f.toFile());
        } catch (IOException e) {
            throw new ModelFileException(f + ": cannot read the best checkpoint's state: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject() || !n.path("iteration").isInt() || !n.path("eval_completion_rate").isNumber()) {
            throw new ModelFileException(f + ": expected an object with iteration and eval_completion_rate");
        }
        return new Score(n.get("iteration").asInt(), n.get("eval_completion_rate").asDouble(),
                n.path("eval_progress").asDouble(Double.NaN), number(n, "eval_mean_lap_s"), number(n, "eval_best_lap_s"));
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }
}
