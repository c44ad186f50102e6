package dev.racer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.racer.io.Jsons;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code hyperparameters.json} with DeepRacer's keys and meanings. Defaults live in {@link #DEFAULT} only; a
 * file may set any subset. Unknown keys and out-of-range values are errors naming the file and the field.
 *
 * @param batchSize                   samples per gradient step
 * @param betaEntropy                 weight of the entropy bonus (PPO, A3C)
 * @param discountFactor              gamma
 * @param lossType                    {@code huber}, or {@code mse} / {@code mean squared error} (DeepRacer's
 *                                    spelling, kept as written): the value loss (PPO) or critics' loss (SAC)
 * @param lr                          Adam learning rate
 * @param numEpisodesBetweenTraining  episodes collected per training iteration
 * @param numEpochs                   passes over the iteration's samples (PPO)
 * @param eGreedyValue                final epsilon of e-greedy exploration (DQN)
 * @param epsilonSteps                steps over which epsilon anneals from 1 to {@code eGreedyValue} (DQN)
 * @param explorationType             {@code categorical} (sample the policy) or {@code e-greedy}
 * @param stackSize                   observations stacked (only 1 is supported)
 * @param termCondAvgScore            stop when the mean episode reward of an iteration reaches this
 * @param termCondMaxEpisodes         stop after this many episodes
 * @param sacAlpha                    SAC's entropy temperature α (fixed, as DeepRacer's)
 */
public record Hyperparameters(int batchSize, double betaEntropy, double discountFactor, String lossType, double lr,
                              int numEpisodesBetweenTraining, int numEpochs, double eGreedyValue, int epsilonSteps,
                              String explorationType, int stackSize, double termCondAvgScore,
                              int termCondMaxEpisodes, double sacAlpha) {
    public static final String FILE = "hyperparameters.json";

    private static final Set<String> LOSS_TYPES = Set.of("huber", "mse", "mean squared error");
    private static final Set<String> EXPLORATION = Set.of("categorical", "e-greedy", "epsilon_greedy", "additive_noise");

    /** DeepRacer's defaults. */
    public static final Hyperparameters DEFAULT = new Hyperparameters(64, 0.01, 0.999, "huber", 3e-4, 20, 10,
            0.05, 10_000, "categorical", 1, 100_000.0, 100_000, 0.2);


    public Hyperparameters {
        check("batch_size", batchSize, 2, 65_536);
        check("beta_entropy", betaEntropy, 0, 1);
        check("discount_factor", discountFactor, 0, 1);
        if (!LOSS_TYPES.contains(lossType)) {
            throw new IllegalArgumentException("loss_type must be huber or mse (DeepRacer's \"mean squared error\""
                    + " is mse), got " + lossType);
        }
        check("lr", lr, 1e-8, 1e-1);
        check("num_episodes_between_training", numEpisodesBetweenTraining, 1, 10_000);
        check("num_epochs", numEpochs, 1, 100);
        check("e_greedy_value", eGreedyValue, 0, 1);
        check("epsilon_steps", epsilonSteps, 1, 100_000_000);
        if (!EXPLORATION.contains(explorationType)) {
            throw new IllegalArgumentException("exploration_type must be one of " + EXPLORATION + ", got " + explorationType);
        }
        check("stack_size", stackSize, 1, 1);
        check("term_cond_avg_score", termCondAvgScore, -1e12, 1e12);
        check("term_cond_max_episodes", termCondMaxEpisodes, 1, Integer.MAX_VALUE);
        check("sac_alpha", sacAlpha, 0, 100);
    }

    private static void check(String field, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(field + " must be in [" + Fields.fmt(lo) + ", " + Fields.fmt(hi) + "], got " + v);
        }
    }

    /** The JSON field names, in DeepRacer's order, with their values. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch_size", batchSize);
        m.put("beta_entropy", betaEntropy);
        m.put("discount_factor", discountFactor);
        m.put("e_greedy_value", eGreedyValue);
        m.put("epsilon_steps", epsilonSteps);
        m.put("exploration_type", explorationType);
        m.put("loss_type", lossType);
        m.put("lr", lr);
        m.put("num_episodes_between_training", numEpisodesBetweenTraining);
        m.put("num_epochs", numEpochs);
        m.put("stack_size", stackSize);
        m.put("term_cond_avg_score", termCondAvgScore);
        m.put("term_cond_max_episodes", termCondMaxEpisodes);
        m.put("sac_alpha", sacAlpha);
        return m;
    }

    /** Writes the file atomically. */
    public void write(Path file) {
        Jsons.writeAtomically(file, toMap());
    }

    /** Reads {@code file}: {@link #DEFAULT} for each key left out, clear errors for anything wrong. */
    public static Hyperparameters read(Path file) {
        return fromJson(file.toString(), Fields.readObject(file));
    }

    /**
     * Validates a parsed {@code hyperparameters.json}; {@code where} names it in errors (a path, or an upload's
     * entry name).
     */
    public static Hyperparameters fromJson(String where, JsonNode n) {
        Fields.object(where, n);
        String file = where;
        Map<String, Object> d = DEFAULT.toMap();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!d.containsKey(k)) {
                throw new ModelFileException(file + ": unknown field \"" + Fields.printable(k) + "\" (known: "
                        + String.join(", ", d.keySet()) + ")");
            }
        }
        ObjectNode merged = Jsons.mapper().valueToTree(d);
        merged.setAll((ObjectNode) n);
        try {
            return new Hyperparameters(
                    Fields.integer(file, merged, "batch_size", 2, 65_536),
                    Fields.number(file, merged, "beta_entropy", 0, 1),
                    Fields.number(file, merged, "discount_factor", 0, 1),
                    Fields.text(file, merged, "loss_type"),
                    Fields.number(file, merged, "lr", 1e-8, 1e-1),
                    Fields.integer(file, merged, "num_episodes_between_training", 1, 10_000),
                    Fields.integer(file, merged, "num_epochs", 1, 100),
                    Fields.number(file, merged, "e_greedy_value", 0, 1),
                    Fields.integer(file, merged, "epsilon_steps", 1, 100_000_000),
                    Fields.text(file, merged, "exploration_type"),
                    Fields.integer(file, merged, "stack_size", 1, 1),
                    Fields.number(file, merged, "term_cond_avg_score", -1e12, 1e12),
                    Fields.integer(file, merged, "term_cond_max_episodes", 1, Integer.MAX_VALUE),
                    Fields.number(file, merged, "sac_alpha", 0, 100));
        } catch (ModelFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // the record's own checks (loss_type, exploration_type): name the file and field
            String m = e.getMessage();
            int sp = m.indexOf(' ');
            throw new ModelFileException(file + ": field \"" + m.substring(0, sp) + "\"" + m.substring(sp));
        }
    }
}
