package dev.racer.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.trainer.model.Hyperparameters;
import dev.racer.trainer.model.Json;
import dev.racer.trainer.model.ModelFileException;
import dev.racer.trainer.model.ModelMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A model folder, what training writes and evaluation reads:
 * <pre>
 *   model_metadata.json     DeepRacer's: action space, sensor, network, training algorithm
 *   hyperparameters.json    DeepRacer's keys
 *   reward_function.EXT     a copy of the reward file (when the reward is a file)
 *   training_params.json    track id, reward, algorithm, seed, workers, episode rules
 *   model/policy.sd         the network: SameDiff's FlatBuffers format (clipped PPO)
 *   model/policy.zip        the network: DL4J's ModelSerializer zip (dqn, a3c)
 *   checkpoint/             the last checkpoint: state.json + model-NNNNNN.sd (written atomically)
 *   metrics.jsonl           one JSON object per iteration
 *   metrics.csv             the same as CSV
 *   training-simtrace/N-iteration.csv, metrics/TrainingMetrics.json ...   DeepRacer-for-Cloud's logs (TrainingTraces)
 * </pre>
 */
public record ModelFolder(Path dir) {
    public static final String TRAINING_PARAMS = "training_params.json";
    public static final String METRICS_JSONL = "metrics.jsonl";
    public static final String METRICS_CSV = "metrics.csv";

    public Path metadata() { return dir.resolve(ModelMetadata.FILE); }
    public Path hyperparameters() { return dir.resolve(Hyperparameters.FILE); }
    public Path trainingParams() { return dir.resolve(TRAINING_PARAMS); }
    public Path ppoWeights() { return dir.resolve("model").resolve("policy.sd"); }
    public Path dl4jWeights() { return dir.resolve("model").resolve("policy.zip"); }
    public Path checkpointDir() { return dir.resolve("checkpoint"); }
    public Path checkpointState() { return checkpointDir().resolve("state.json"); }
    public Path metricsJsonl() { return dir.resolve(METRICS_JSONL); }
    public Path metricsCsv() { return dir.resolve(METRICS_CSV); }

    /** Whether this looks like a Racer model folder (has model_metadata.json and a network). */
    public boolean looksLikeModel() {
        return Files.isRegularFile(metadata()) && (Files.isRegularFile(ppoWeights()) || Files.isRegularFile(dl4jWeights()));
    }

    /** Copies the reward file (if {@code rewardSpec} names a file) as {@code reward_function.EXT}; returns its name. */
    public String copyReward(String rewardSpec) {
        Path f = Path.of(rewardSpec);
        if (rewardSpec.startsWith("java:") || !Files.isRegularFile(f)) {
            return null;
        }
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String target = "reward_function" + (dot >= 0 ? name.substring(dot) : "");
        try {
            Json.writeAtomically(dir.resolve(target), Files.readAllBytes(f));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the reward file " + f + ": " + e.getMessage(), e);
        }
        return target;
    }

    public void writeTrainingParams(Map<String, Object> params) {
        Json.write(trainingParams(), params);
    }

    public JsonNode readTrainingParams() {
        return Json.readObject(trainingParams());
    }

    // ---------------------------------------------------------------- metrics

    /** Appends one iteration to metrics.jsonl and metrics.csv. */
    public void appendMetrics(IterationMetrics m) {
        try {
            Files.createDirectories(dir);
            Files.writeString(metricsJsonl(), Json.MAPPER.writer().without(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            if (!Files.exists(metricsCsv())) {
                Files.writeString(metricsCsv(), String.join(",", IterationMetrics.CSV_COLUMNS) + "\n");
            }
            Files.writeString(metricsCsv(), m.csvRow() + "\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads metrics.jsonl (empty if there is none). */
    public List<IterationMetrics> readMetrics() {
        List<IterationMetrics> out = new ArrayList<>();
        if (!Files.isRegularFile(metricsJsonl())) {
            return out;
        }
        try (Stream<String> lines = Files.lines(metricsJsonl())) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (!line.isBlank()) {
                    out.add(Json.MAPPER.readValue(line, IterationMetrics.class));
                }
            }
        } catch (IOException e) {
            throw new ModelFileException(metricsJsonl() + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    /** Keeps only the iterations up to {@code lastIteration} (a resumed run rewinds to its checkpoint). */
    public void truncateMetrics(int lastIteration) {
        List<IterationMetrics> keep = readMetrics().stream().filter(m -> m.iteration() <= lastIteration).toList();
        try {
            Files.deleteIfExists(metricsJsonl());
            Files.deleteIfExists(metricsCsv());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keep.forEach(this::appendMetrics);
    }

    // ---------------------------------------------------------------- checkpoints

    /** The state of the last checkpoint. */
    public record CheckpointState(int iteration, long episodes, long steps, double elapsedSeconds, String weights) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iteration", iteration);
            m.put("episodes", episodes);
            m.put("steps", steps);
            m.put("elapsed_s", elapsedSeconds);
            m.put("weights", weights);
            return m;
        }
    }

    /** Writes the checkpoint state after its weights file exists (both atomic), then deletes older weights. */
    public void commitCheckpoint(CheckpointState s) {
        Json.write(checkpointState(), s.toMap());
        try (Stream<Path> files = Files.list(checkpointDir())) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                String stem = s.weights().replaceFirst("\\.[a-z]+$", "");
                if (n.startsWith("model-") && !n.startsWith(stem)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last checkpoint, or null if there is none. */
    public CheckpointState readCheckpoint() {
        if (!Files.isRegularFile(checkpointState())) {
            return null;
        }
        JsonNode n = Json.readObject(checkpointState());
        String weights = n.path("weights").asText();
        if (!Files.isRegularFile(checkpointDir().resolve(weights))) {
            throw new ModelFileException(checkpointState() + ": the weights it names (" + weights + ") are missing");
        }
        return new CheckpointState(n.path("iteration").asInt(), n.path("episodes").asLong(), n.path("steps").asLong(),
                n.path("elapsed_s").asDouble(), weights);
    }
}
