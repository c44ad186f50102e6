package dev.racer.trainer.sac;

import dev.racer.trainer.BestCheckpoint;
import dev.racer.trainer.EnvSpec;
import dev.racer.trainer.MetricsLog;
import dev.racer.trainer.IterationMetrics;
import dev.racer.model.ModelFolder;
import dev.racer.trainer.TrainSpec;
import dev.racer.trainer.TrainSummary;
import dev.racer.trainer.Trainer;
import dev.racer.trainer.TrainingTraces;
import dev.racer.model.Hyperparameters;
import dev.racer.model.ModelMetadata;
import dev.racer.trainer.ppo.ClippedPpo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code racer train} for {@code training_algorithm: sac}: the same loop, model folder, metrics, sim-traces,
 * checkpoints (last and best) and {@code --resume} as clipped PPO's. A checkpoint keeps the five networks; the replay buffer
 * and Adam's moments are not kept, so a resumed run refills the buffer (training waits until it holds a
 * minibatch) and restarts Adam, as clipped PPO's plain-Java update does.
 */
public final class SacTrainer {
    /** The greedy driver's weights, beside clipped PPO's {@code model/policy.sd}: {@link ModelFolder#SAC_WEIGHTS}. */
    public static Path weights(ModelFolder folder) {
        return folder.sacWeights();
    }

    private SacTrainer() {
    }

    public static TrainSummary train(TrainSpec spec, EnvSpec env, ModelFolder folder, ModelMetadata meta,
                                     Hyperparameters hp, ModelFolder.CheckpointState cp, Trainer.Listener listener,
                                     AtomicBoolean stop) {
        int obsDim = meta.newSensor().size();
        int actDim = meta.actionSpace().policyOutputs();
        int[] hidden = meta.hiddenLayers().stream().mapToInt(Integer::intValue).toArray();
        Sac.Networks nets = cp == null ? Sac.Networks.create(obsDim, actDim, hidden, spec.seed())
                : SacFiles.read(folder.checkpointDir().resolve(cp.weights()), obsDim, actDim, hidden);
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
        TrainingTraces traces = new TrainingTraces(folder.dir(), env.config().dt());
        traces.start(episodes);
        long t0 = System.nanoTime();
        try (Sac sac = new Sac(env, meta, hp, Sac.Config.DEFAULT, nets, spec.seed(), spec.workers())) {
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
                ClippedPpo.IterationStats s = sac.iterate(episodes, stop::get);
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
                IterationMetrics m = Trainer.metrics(iteration, episodes, steps, priorSeconds + elapsed, iterSeconds, s);
                run.add(m);
                if (!Double.isNaN(m.evalCompletionRate())) {
                    lastEval = m.evalCompletionRate();
                }
                MetricsLog.append(folder, m);
                String weights = String.format("model-%06d.sac", iteration);
                SacFiles.write(folder.checkpointDir().resolve(weights), nets);
                folder.commitCheckpoint(new ModelFolder.CheckpointState(iteration, episodes, steps,
                        priorSeconds + elapsed, weights));
                SacFiles.write(weights(folder), nets);
                best.offer(m, weights(folder));
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
        return new TrainSummary(folder.dir(), "sac", iteration, episodes, steps, seconds,
                (steps - startSteps) / Math.max(1e-9, seconds), lastEval, reason, run);
    }
}
