package dev.racer.trainer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to train: everything {@code racer train} takes. Use {@link #of} for the defaults and the
 * {@code with...} methods for the rest.
 *
 * @param trackId            track id, e.g. {@code reinvent_base}
 * @param rewardSpec         what {@code Rewards.load} accepts: {@code center_line}, {@code java:CLASS} or a file
 * @param out                the model folder to write
 * @param minutes            wall-clock budget [min] (null: none)
 * @param steps              environment-step budget (null: none); with neither, 10 minutes
 * @param seed               seed of everything random
 * @param workers            rollout threads
 * @param modelMetadata      a model_metadata.json to start from (null: Racer's defaults)
 * @param hyperparameters    a hyperparameters.json (null: DeepRacer's defaults)
 * @param algorithm          {@code clipped_ppo}, {@code sac}, {@code dqn} or {@code a3c} (null: the model metadata's, else
 *                           clipped_ppo)
 * @param resume             continue from the folder's last checkpoint
 * @param update             clipped PPO's update: {@code java} (the loss and Adam in plain Java, checked against
 *                           the graph; ~20× faster for these small networks) or {@code samediff} (the loss graph
 *                           trained by SameDiff); null: java
 * @param legacyWaypoints    number the track's waypoints as DeepRacer's simulator did before 6.0.2 (every row of the
 *                           route file), for reward files written against that numbering
 */
public record TrainSpec(String trackId, String rewardSpec, Path out, Double minutes, Long steps, long seed,
                        int workers, Path modelMetadata, Path hyperparameters, String algorithm, boolean resume,
                        String update, boolean legacyWaypoints) {
    public static final double DEFAULT_MINUTES = 10;

    public TrainSpec {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(rewardSpec, "rewardSpec");
        Objects.requireNonNull(out, "out");
        if (minutes != null && !(minutes > 0)) {
            throw new IllegalArgumentException("--minutes must be > 0, got " + minutes);
        }
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("--workers must be in 1..256, got " + workers);
        }
        if (update == null) {
            update = "java";
        }
        if (!update.equals("samediff") && !update.equals("java")) {
            throw new IllegalArgumentException("--update must be samediff or java, got " + update);
        }
        if (algorithm != null && !java.util.Set.of("clipped_ppo", "sac", "dqn", "a3c").contains(algorithm)) {
            throw new IllegalArgumentException("--algorithm must be clipped_ppo, sac, dqn or a3c, got " + algorithm);
        }
    }

    /** Defaults: 10 minutes, seed 1, one worker per core, Racer's model defaults (clipped PPO). */
    public static TrainSpec of(String trackId, String rewardSpec, Path out) {
        return new TrainSpec(trackId, rewardSpec, out, null, null, 1, Runtime.getRuntime().availableProcessors(),
                null, null, null, false, null, false);
    }

    public TrainSpec withMinutes(Double m) {
        return new TrainSpec(trackId, rewardSpec, out, m, steps, seed, workers, modelMetadata, hyperparameters, algorithm, resume, update, legacyWaypoints);
    }

    public TrainSpec withSteps(Long s) {
        return new TrainSpec(trackId, rewardSpec, out, minutes, s, seed, workers, modelMetadata, hyperparameters, algorithm, resume, update, legacyWaypoints);
    }

    public TrainSpec withSeed(long s) {
        return new TrainSpec(trackId, rewardSpec, out, minutes, steps, s, workers, modelMetadata, hyperparameters, algorithm, resume, update, legacyWaypoints);
    }

    public TrainSpec withWorkers(int w) {
        return new TrainSpec(trackId, rewardSpec, out, minutes, steps, seed, w, modelMetadata, hyperparameters, algorithm, resume, update, legacyWaypoints);
    }

    public TrainSpec withModelMetadata(Path p) {
        return new TrainSpec(trackId, rewardSpec, out, minutes, steps, seed, workers, p, hyperparameters, algorithm, resume, update, legacyWaypoints);
    }

    public TrainSpec withHyperparameters(Path p) {
        return new TrainSpec(trackId, rewardSpec, out, minutes, steps, seed, workers, modelMetadata, p, algorithm, resume, update, legacyWaypoints);
    }

    public TrainSpec withAlgorithm(String a) {
        return new TrainSpec(trackId, rewardSpec, out, minutes, steps, seed, workers, modelMetadata, hyperparameters, a, resume, update, legacyWaypoints);
    }

    public TrainSpec withResume(boolean r) {
        return new TrainSpec(trackId, rewardSpec, out, minutes, steps, seed, workers, modelMetadata, hyperparameters, algorithm, r, update, legacyWaypoints);
    }

    public TrainSpec withUpdate(String u) {
        return new TrainSpec(trackId, rewardSpec, out, minutes, steps, seed, workers, modelMetadata, hyperparameters, algorithm, resume, u, legacyWaypoints);
    }

    public TrainSpec withLegacyWaypoints(boolean l) {
        return new TrainSpec(trackId, rewardSpec, out, minutes, steps, seed, workers, modelMetadata, hyperparameters, algorithm, resume, update, l);
    }

    /** The wall-clock budget [s]: the given minutes, or 10 minutes when neither budget is given. */
    public double budgetSeconds() {
        if (minutes != null) {
            return minutes * 60;
        }
        return steps != null ? Double.POSITIVE_INFINITY : DEFAULT_MINUTES * 60;
    }
}
