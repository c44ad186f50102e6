package dev.racer.trace;

import dev.racer.race.EpisodeStatus;
import dev.racer.race.TrialStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The names DeepRacer-for-Cloud gives the logs in a model's folder (its S3 prefix), which deepracer-utils'
 * {@code FSFileHandler} recognises as a "DRfC model, single worker":
 * <pre>
 *   MODEL/training-simtrace/N-iteration.csv                         training sim-trace, N from 0
 *   MODEL/evaluation-YYYYMMDDHHMMSS/evaluation-simtrace/0-iteration.csv   one evaluation's sim-trace
 *   MODEL/metrics/TrainingMetrics.json                              one entry per training and evaluation episode
 *   MODEL/metrics/EvaluationMetrics-YYYYMMDDHHMMSS.json             one entry per evaluation lap
 *   MODEL/model/model_metadata.json, MODEL/ip/hyperparameters.json  where it reads the action space and hyper-parameters
 * </pre>
 * A folder called {@code sim-trace} must not be there: deepracer-utils would take the model for a console
 * export.
 */
public final class DeepRacerLayout {
    public static final String TRAINING_SIMTRACE = "training-simtrace";
    public static final String EVALUATION_SIMTRACE = "evaluation-simtrace";
    public static final String METRICS = "metrics";
    public static final String TRAINING_METRICS = "TrainingMetrics.json";
    /** The simapp's {@code METRICS_VERSION}. */
    public static final double METRICS_VERSION = 2.0;

    /** The 14-digit UTC time stamp of evaluation folders (deepracer-utils matches {@code [0-9]{14}}). */
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private DeepRacerLayout() {
    }

    /** {@code N-iteration.csv}, N from 0 as the simapp numbers iterations. */
    public static String iterationFile(int iteration) {
        return iteration + "-iteration.csv";
    }

    public static String stamp(Instant t) {
        return STAMP.format(t);
    }

    /** The simapp's {@code EPISODE_STATUS_LABEL_MAP}: the status as the metrics JSON writes it. */
    public static String label(EpisodeStatus s) {
        return switch (s) {
            case PREPARE -> "Prepare";
            case IN_PROGRESS -> "In progress";
            case OFF_TRACK -> "Off track";
            case REVERSED -> "Reversed";
            case IMMOBILIZED -> "Immobilized";
            case CRASHED -> "Crashed";
            case PAUSE -> "Pause";
            case LAP_COMPLETE -> "Lap complete";
            case TIME_UP -> "Time Up";
        };
    }

    /** How a time trial that ended with {@code s} labels its unfinished lap. */
    public static String label(TrialStatus s) {
        return switch (s) {
            case FINISHED -> label(EpisodeStatus.LAP_COMPLETE);
            case OFF_TRACK -> label(EpisodeStatus.OFF_TRACK);
            case REVERSED -> label(EpisodeStatus.REVERSED);
            case IMMOBILIZED -> label(EpisodeStatus.IMMOBILIZED);
            case CRASHED -> label(EpisodeStatus.CRASHED);
            case TIME_UP -> label(EpisodeStatus.TIME_UP);
        };
    }
}
