package dev.racer.trainer;

import java.nio.file.Path;
import java.util.List;

/**
 * What a training run did.
 *
 * @param modelDir            the model folder
 * @param algorithm           clipped_ppo, dqn or a3c
 * @param iterations          iterations done in total (a resumed run counts the earlier ones)
 * @param episodes            training episodes in total
 * @param steps               environment steps in total
 * @param seconds             wall-clock seconds of this run (start-up excluded)
 * @param stepsPerSecond      environment steps per second of this run, updates included
 * @param evalCompletionRate  lap completion of the last greedy evaluation
 * @param stopReason          why it stopped: budget, interrupted, term_cond_avg_score, term_cond_max_episodes
 * @param metrics             this run's iterations
 */
public record TrainSummary(Path modelDir, String algorithm, int iterations, long episodes, long steps, double seconds,
                           double stepsPerSecond, double evalCompletionRate, String stopReason,
                           List<IterationMetrics> metrics) {
}
