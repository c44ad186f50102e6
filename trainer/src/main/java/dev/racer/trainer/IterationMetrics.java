package dev.racer.trainer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of {@code metrics.jsonl} / {@code metrics.csv}: what DeepRacer's console shows per iteration
 * (reward, progress, completion of training and evaluation episodes) plus throughput and losses, and the lap
 * figures of the greedy evaluation (one-lap races under {@link Evaluation#RULES}): best and mean lap time [s] of
 * its completed laps (NaN, an empty CSV cell, when none was), and its mean speed [m/s].
 */
public record IterationMetrics(
        @JsonProperty("iteration") int iteration,
        @JsonProperty("episodes") long episodes,
        @JsonProperty("steps") long steps,
        @JsonProperty("elapsed_s") double elapsedSeconds,
        @JsonProperty("steps_per_s") double stepsPerSecond,
        @JsonProperty("mean_reward") double meanReward,
        @JsonProperty("mean_progress") double meanProgress,
        @JsonProperty("completion_rate") double completionRate,
        @JsonProperty("eval_progress") double evalProgress,
        @JsonProperty("eval_completion_rate") double evalCompletionRate,
        @JsonProperty("mean_episode_steps") double meanEpisodeSteps,
        @JsonProperty("pg_loss") double pgLoss,
        @JsonProperty("v_loss") double vLoss,
        @JsonProperty("entropy") double entropy,
        @JsonProperty("approx_kl") double approxKl,
        @JsonProperty("rollout_s") double rolloutSeconds,
        @JsonProperty("update_s") double updateSeconds,
        @JsonProperty("eval_best_lap_s") double evalBestLapSeconds,
        @JsonProperty("eval_mean_lap_s") double evalMeanLapSeconds,
        @JsonProperty("eval_mean_speed") double evalMeanSpeed) {

    public static final List<String> CSV_COLUMNS = List.of("iteration", "episodes", "steps", "elapsed_s",
            "steps_per_s", "mean_reward", "mean_progress", "completion_rate", "eval_progress", "eval_completion_rate",
            "mean_episode_steps", "pg_loss", "v_loss", "entropy", "approx_kl", "rollout_s", "update_s", "eval_best_lap_s",
            "eval_mean_lap_s", "eval_mean_speed");

    public String csvRow() {
        return iteration + "," + episodes + "," + steps + "," + f(elapsedSeconds) + "," + f(stepsPerSecond) + ","
                + f(meanReward) + "," + f(meanProgress) + "," + f(completionRate) + "," + f(evalProgress) + ","
                + f(evalCompletionRate) + "," + f(meanEpisodeSteps) + "," + f(pgLoss) + "," + f(vLoss) + ","
                + f(entropy) + "," + f(approxKl) + "," + f(rolloutSeconds) + "," + f(updateSeconds) + ","
                + f(evalBestLapSeconds) + "," + f(evalMeanLapSeconds) + "," + f(evalMeanSpeed);
    }

    private static String f(double d) {
        return Double.isNaN(d) ? "" : Double.toString(d);
    }

    /** The same metrics without the wall-clock fields (what a same-seed rerun must reproduce exactly). */
    public IterationMetrics withoutTimings() {
        return new IterationMetrics(iteration, episodes, steps, 0, 0, meanReward, meanProgress, completionRate,
                evalProgress, evalCompletionRate, meanEpisodeSteps, pgLoss, vLoss, entropy, approxKl, 0, 0,
                evalBestLapSeconds, evalMeanLapSeconds, evalMeanSpeed);
    }
}
