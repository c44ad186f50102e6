package dev.racer.trainer;

import dev.racer.model.ModelFolder;
import dev.racer.race.EnvConfig;
import dev.racer.reward.RewardFunction;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import dev.racer.model.Hyperparameters;
import dev.racer.model.ModelMetadata;
import dev.racer.trainer.ppo.ClippedPpo;
import dev.racer.trainer.ppo.PolicyNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Trains a model folder: the programmatic face of {@code racer train}.
 *
 * <pre>{@code
 * TrainSummary s = Trainer.train(TrainSpec.of("reinvent_base", "center_line", Path.of("models/demo"))
 *         .withMinutes(5.0));
 * }</pre>
 *
 * A checkpoint is written after every iteration (atomically), so a killed run loses at most one iteration
 * and resumes with {@link TrainSpec#resume()}; setting the {@code stop} flag (Ctrl-C in the CLI) ends the run
 * at the next episode boundary, keeping the last checkpoint.
 */
public final class Trainer {

    /** Hears about progress (the CLI draws its progress bar from this). */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        /** Before the first iteration. */
        default void started(TrainSpec spec, ModelMetadata meta, Hyperparameters hp, int startIteration) {
        }

        /** After each iteration; {@code fractionDone} of the budget in [0, 1], {@code secondsLeft} estimated. */
        default void iteration(IterationMetrics m, double fractionDone, double secondsLeft) {
        }
    }

    private Trainer() {
    }

    public static TrainSummary train(TrainSpec spec) {
        return train(spec, Listener.NONE, new AtomicBoolean());
    }

    /** Trains until the budget is spent, a DeepRacer termination condition holds, or {@code stop} is set. */
    public static TrainSummary train(TrainSpec spec, Listener listener, AtomicBoolean stop) {
        return train(spec, null, listener, stop);
    }

    /**
     * As {@link #train(TrainSpec, Listener, AtomicBoolean)} under the episode rules {@code envConfig} (race type
     * and objects included; null: the engine's defaults, or on {@code --resume} the model folder's stored ones).
     */
    public static TrainSummary train(TrainSpec spec, EnvConfig envConfig, Listener listener, AtomicBoolean stop) {
        Track track = TrackLibrary.standard().get(spec.trackId(),
                dev.racer.track.WaypointNumbering.of(spec.legacyWaypoints()));
        try (RewardFunction probe = PatientReward.load(spec.rewardSpec())) { // fail fast with the reward's own message
            probe.name();
        }
        ModelFolder folder = new ModelFolder(spec.out());
        ModelMetadata meta;
        Hyperparameters hp;
        ModelFolder.CheckpointState cp = null;
        if (spec.resume()) {
            if (!Files.isRegularFile(folder.metadata())) {
                throw new IllegalArgumentException(spec.out() + ": nothing to resume (no " + ModelMetadata.FILE + ")");
            }
            meta = ModelMetadata.read(folder.metadata());
            hp = Hyperparameters.read(folder.hyperparameters());
            cp = folder.readCheckpoint();
            if (envConfig == null) {
                envConfig = storedEnv(folder);
            }
            if (spec.algorithm() != null && !spec.algorithm().equals(meta.trainingAlgorithm())) {
                throw new IllegalArgumentException(spec.out() + " was trained with " + meta.trainingAlgorithm()
                        + "; cannot resume it with --algorithm " + spec.algorithm());
            }
        } else {
            if (Files.exists(folder.metadata()) || Files.exists(folder.checkpointState())) {
                throw new IllegalArgumentException(spec.out() + " already holds a model: pass --resume to continue"
                        + " training it, or choose another --out");
            }
            meta = spec.modelMetadata() == null ? ModelMetadata.DEFAULT : ModelMetadata.read(spec.modelMetadata());
            if (spec.algorithm() != null) {
                meta = meta.withAlgorithm(spec.algorithm());
            }
            if (meta.discrete() && meta.trainingAlgorithm().equals("sac")) {
                throw new IllegalArgumentException("sac needs a continuous action space; the model metadata has a"
                        + " discrete one (see examples/sac/model_metadata.json)");
            }
            if (meta.camera() && meta.trainingAlgorithm().equals("sac")) {
                throw new IllegalArgumentException("sac trains RACER_MLP models on the vector sensor only; the model"
                        + " metadata has a camera");
            }
            if (!meta.discrete() && !meta.trainingAlgorithm().equals("clipped_ppo")
                    && !meta.trainingAlgorithm().equals("sac")) {
                throw new IllegalArgumentException(meta.trainingAlgorithm() + " needs a discrete action space;"
                        + " the model metadata has a continuous one");
            }
            hp = spec.hyperparameters() == null ? Hyperparameters.DEFAULT : Hyperparameters.read(spec.hyperparameters());
            meta.write(folder.metadata());
            hp.write(folder.hyperparameters());
            String rewardCopy = folder.copyReward(spec.rewardSpec());
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("track_id", spec.trackId());
            params.put("legacy_waypoints", spec.legacyWaypoints());
            params.put("reward", spec.rewardSpec());
            params.put("reward_file", rewardCopy);
            params.put("training_algorithm", meta.trainingAlgorithm());
            params.put("seed", spec.seed());
            params.put("workers", spec.workers());
            params.put("minutes", spec.minutes());
            params.put("steps", spec.steps());
            if (envConfig == null) {
                envConfig = envConfig();
            }
            params.put("race_type", envConfig.raceType().name());
            if (envConfig.raceType() == dev.racer.race.RaceType.HEAD_TO_BOT) {
                // DeepRacer's names for what "env" holds in full
                params.put("number_of_bot_cars", envConfig.placedBots().count());
                params.put("bot_car_speed", envConfig.placedBots().speed());
                params.put("is_lane_change", envConfig.placedBots().laneChange());
            }
            params.put("env", envConfig);
            if (meta.trainingAlgorithm().equals("clipped_ppo")) {
                params.put("clipped_ppo", ClippedPpo.Config.DEFAULT.withUpdate(update(spec, meta, false)));
            }
            if (meta.trainingAlgorithm().equals("sac")) {
                params.put("sac", dev.racer.trainer.sac.Sac.Config.DEFAULT);
            }
            folder.writeTrainingParams(params);
        }
        EnvSpec env = new EnvSpec(track, envConfig == null ? envConfig() : envConfig, spec.rewardSpec());
        return switch (meta.trainingAlgorithm()) {
            case "clipped_ppo" -> trainPpo(spec, env, folder, meta, hp, cp, listener, stop);
            case "sac" -> dev.racer.trainer.sac.SacTrainer.train(spec, env, folder, meta, hp, cp, listener, stop);
            default -> dev.racer.trainer.rl4j.Rl4jTrainer.train(spec, env, folder, meta, hp, cp, listener, stop);
        };
    }

    /** The episode rules a model folder was trained under (its training_params.json "env"), or the defaults. */
    public static EnvConfig storedEnv(ModelFolder folder) {
        if (!Files.isRegularFile(folder.trainingParams())) {
            return envConfig();
        }
        com.fasterxml.jackson.databind.JsonNode env = folder.readTrainingParams().get("env");
        if (env == null || env.isNull()) {
            return envConfig();
        }
        try {
            return dev.racer.io.Jsons.mapper().treeToValue(env, EnvConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(folder.trainingParams() + ": field env: " + e.getMessage());
        }
    }

    /** The episode rules used for training: the engine's defaults. */
    public static EnvConfig envConfig() {
        return EnvConfig.DEFAULT;
    }

    /**
     * Clipped PPO's update for this run: camera models (convolutional networks) with continuous actions update
     * through SameDiff (the plain-Java camera update is discrete-only); a note says so when {@code --update java}
     * was in effect.
     */
    static String update(TrainSpec spec, ModelMetadata meta, boolean note) {
        if (meta.camera() && !meta.discrete() && spec.update().equals("java")) {
            if (note) {
                System.err.println("note: " + meta.neuralNetwork() + " (camera model) with continuous actions updates"
                        + " through SameDiff; --update java covers discrete camera models and RACER_MLP, using"
                        + " --update samediff");
            }
            return "samediff";
        }
        return spec.update();
    }

    private static TrainSummary trainPpo(TrainSpec spec, EnvSpec env, ModelFolder folder, ModelMetadata meta,
                                         Hyperparameters hp, ModelFolder.CheckpointState cp, Listener listener,
                                         AtomicBoolean stop) {
        ClippedPpo.Config cfg = ClippedPpo.Config.DEFAULT.withUpdate(update(spec, meta, true));
        int obsDim = meta.newSensor().size();
        int actDim = meta.actionSpace().policyOutputs();
        int[] hidden = meta.hiddenLayers().stream().mapToInt(Integer::intValue).toArray();
        PolicyNet net = cp == null ? ClippedPpo.newNetwork(meta, hp, cfg, spec.seed())
                : meta.camera() ? PolicyNet.loadCamera(folder.checkpointDir().resolve(cp.weights()),
                        meta.neuralNetwork(), meta.cameraChannels(), actDim, meta.discrete())
                : PolicyNet.load(folder.checkpointDir().resolve(cp.weights()), obsDim, actDim, meta.discrete(), hidden);
        int iteration = cp == null ? 0 : cp.iteration();
        long episodes = cp == null ? 0 : cp.episodes();
        long steps = cp == null ? 0 : cp.steps();
        double priorSeconds = cp == null ? 0 : cp.elapsedSeconds();
        MetricsLog.truncate(folder, iteration);
        BestCheckpoint best = new BestCheckpoint(folder);
        long startSteps = steps;
        List<IterationMetrics> run = new ArrayList<>();
        String reason = "budget";
        double lastEval = Double.NaN;
        listener.started(spec, meta, hp, iteration);
        TrainingTraces traces = new TrainingTraces(folder.dir(), envConfig().dt());
        traces.start(episodes);
        long t0 = System.nanoTime();
        try (ClippedPpo ppo = new ClippedPpo(env, meta, hp, cfg, net, spec.seed(), spec.workers())) {
            if (Double.isFinite(spec.budgetSeconds())) {
                ppo.deadline(t0 + (long) (spec.budgetSeconds() * 1e9)); // a camera update stops there
            }
            if (cp != null) {
                ppo.loadAdam(folder.checkpointDir().resolve(cp.weights())); // the moments go on where they were
            }
            while (true) {
                double elapsed = (System.nanoTime() - t0) / 1e9;
                if (stop.get()) {
                    reason = "interrupted";
                    break;
                }
                if (elapsed >= spec.budgetSeconds() || (spec.steps() != null && steps >= spec.steps())) {
                    break;
                }
                long before = System.nanoTime();
                ClippedPpo.IterationStats s = ppo.iterate(episodes, stop::get);
                if (s == null) {
                    reason = "interrupted";
                    break;
                }
                iteration++;
                traces.write(iteration, episodes, s);
                double iterSeconds = (System.nanoTime() - before) / 1e9;
                episodes += s.episodes().size();
                steps += s.steps();
                elapsed = (System.nanoTime() - t0) / 1e9;
                IterationMetrics m = metrics(iteration, episodes, steps, priorSeconds + elapsed, iterSeconds, s);
                run.add(m);
                if (!Double.isNaN(m.evalCompletionRate())) {
                    lastEval = m.evalCompletionRate();
                }
                MetricsLog.append(folder, m);
                String weights = String.format("model-%06d.sd", iteration);
                ppo.save(folder.checkpointDir().resolve(weights), true);
                ppo.saveAdam(folder.checkpointDir().resolve(weights));
                folder.commitCheckpoint(new ModelFolder.CheckpointState(iteration, episodes, steps,
                        priorSeconds + elapsed, weights));
                ppo.save(folder.ppoWeights(), false);
                best.offer(m, folder.ppoWeights());
                double frac = spec.steps() != null ? Math.min(1, (double) steps / spec.steps())
                        : Math.min(1, elapsed / spec.budgetSeconds());
                double left = spec.steps() != null
                        ? (spec.steps() - steps) / Math.max(1e-9, (steps - startSteps) / elapsed)
                        : spec.budgetSeconds() - elapsed;
                listener.iteration(m, frac, Math.max(0, Math.min(left, spec.budgetSeconds() - elapsed)));
                if (m.meanReward() >= hp.termCondAvgScore()) {
                    reason = "term_cond_avg_score";
                    break;
                }
                if (episodes >= hp.termCondMaxEpisodes()) {
                    reason = "term_cond_max_episodes";
                    break;
                }
            }
        }
        traces.finish();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new TrainSummary(folder.dir(), "clipped_ppo", iteration, episodes, steps, seconds,
                (steps - startSteps) / Math.max(1e-9, seconds), lastEval, reason, run);
    }

    public static IterationMetrics metrics(int iteration, long episodes, long steps, double elapsed, double iterSeconds,
                                    ClippedPpo.IterationStats s) {
        double reward = 0, progress = 0, complete = 0, len = 0;
        for (ClippedPpo.Episode e : s.episodes()) {
            reward += e.totalReward;
            progress += e.progress;
            complete += e.lapComplete() ? 1 : 0;
            len += e.steps();
        }
        int n = s.episodes().size();
        // empty when a stop cut the evaluation short: NaN in the metrics
        Evaluation.Summary ev = Evaluation.Summary.of(s.evaluation().stream().map(e -> e.lap).toList());
        Map<String, Double> l = s.losses();
        return new IterationMetrics(iteration, episodes, steps, elapsed, s.steps() / Math.max(1e-9, iterSeconds),
                reward / n, progress / n, complete / n, ev.meanProgress(), ev.completionRate(), len / n,
                l.getOrDefault("pg_loss", Double.NaN), l.getOrDefault("v_loss", Double.NaN),
                l.getOrDefault("entropy", Double.NaN), l.getOrDefault("approx_kl", Double.NaN),
                s.rolloutSeconds(), s.updateSeconds(), ev.bestLap(), ev.meanLap(), ev.meanSpeed());
    }
}
