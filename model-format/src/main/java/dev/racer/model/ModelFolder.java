package dev.racer.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.io.AtomicFiles;
import dev.racer.io.Jsons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A model folder, what training writes and evaluation, the league and {@code racer submit} read:
 * <pre>
 *   model_metadata.json     DeepRacer's: action space, sensor, network, training algorithm
 *   hyperparameters.json    DeepRacer's keys
 *   reward_function.EXT     a copy of the reward file (when the reward is a file)
 *   training_params.json    track id, reward, algorithm, seed, workers, episode rules
 *   model/policy.sd         the network: SameDiff's FlatBuffers format (clipped PPO)
 *   model/policy.zip        the network: DL4J's ModelSerializer zip (dqn, a3c)
 *   model/sac.bin           the networks: Racer's SAC weights file (sac)
 *   best/                   the "best" checkpoint (DeepRacer-for-Cloud's): the network of the iteration with the
 *                           best greedy evaluation, under the same file name as in model/, and state.json
 *   checkpoint/             the last checkpoint, to resume from: state.json + model-NNNNNN.sd (written atomically)
 *   metrics.jsonl           one JSON object per iteration
 *   metrics.csv             the same as CSV
 *   training-simtrace/N-iteration.csv, metrics/TrainingMetrics.json ...   DeepRacer-for-Cloud's logs (TrainingTraces)
 * </pre>
 * The metrics rows are the trainer's; this class knows only the file names.
 */
public record ModelFolder(Path dir) {
    public static final String TRAINING_PARAMS = "training_params.json";
    public static final String METRICS_JSONL = "metrics.jsonl";
    public static final String METRICS_CSV = "metrics.csv";
    /** the network as SameDiff's FlatBuffers file (clipped PPO), relative to the folder */
    public static final String SAMEDIFF_WEIGHTS = "model/policy.sd";
    /** the network as DL4J's ModelSerializer zip (DQN, A3C), relative to the folder */
    public static final String DL4J_WEIGHTS = "model/policy.zip";
    /** SAC's networks (actor, critics, targets) in Racer's weights file, relative to the folder */
    public static final String SAC_WEIGHTS = "model/sac.bin";
    /** the network files, one per algorithm family, relative to the folder; a model has exactly one */
    public static final List<String> NETWORK_FILES = List.of(SAMEDIFF_WEIGHTS, SAC_WEIGHTS, DL4J_WEIGHTS);
    /** the best checkpoint's folder, relative to the model folder */
    public static final String BEST_DIR = "best";
    /** the reward copies training may leave, relative to the folder */
    public static final List<String> REWARD_COPIES = List.of("reward_function.py", "reward_function.java",
            "reward_function.js");
    /**
     * The files a model is made of, and all a league submission may hold; checkpoints, metrics and plots stay
     * home.
     */
    public static final List<String> MODEL_FILES = Stream.concat(Stream.of(ModelMetadata.FILE, Hyperparameters.FILE,
            TRAINING_PARAMS), Stream.concat(REWARD_COPIES.stream(), NETWORK_FILES.stream())).toList();

    /**
     * Which network of a model folder to drive: {@code last}, the one the last iteration wrote ({@code model/}),
     * or {@code best}, the one whose greedy evaluation was best ({@code best/}).
     */
    public enum Checkpoint {
        BEST, LAST;

        /** {@code best} or {@code last} (case-insensitive); anything else is an error naming {@code what}. */
        public static Checkpoint parse(String s, String what) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "best" -> BEST;
                case "last" -> LAST;
                default -> throw new IllegalArgumentException(what + ": expected best or last, got '" + s + "'");
            };
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Path metadata() { return dir.resolve(ModelMetadata.FILE); }
    public Path hyperparameters() { return dir.resolve(Hyperparameters.FILE); }
    public Path trainingParams() { return dir.resolve(TRAINING_PARAMS); }
    public Path ppoWeights() { return dir.resolve(SAMEDIFF_WEIGHTS); }
    public Path dl4jWeights() { return dir.resolve(DL4J_WEIGHTS); }
    public Path sacWeights() { return dir.resolve(SAC_WEIGHTS); }
    public Path bestDir() { return dir.resolve(BEST_DIR); }
    /** the best checkpoint's evaluation figures and iteration */
    public Path bestState() { return bestDir().resolve("state.json"); }

    /**
     * Where the best checkpoint keeps the network that {@code lastWeights} (one of {@link #NETWORK_FILES}, as a
     * path in this folder) holds for the last one: {@code best/} + the same file name.
     */
    public Path bestWeights(Path lastWeights) {
        return bestDir().resolve(lastWeights.getFileName().toString());
    }

    /** The network file of {@code which} checkpoint, or null when there is none. */
    public Path network(Checkpoint which) {
        for (String f : NETWORK_FILES) {
            Path last = dir.resolve(f);
            Path p = which == Checkpoint.LAST ? last : bestWeights(last);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The best checkpoint when training kept one, else the last: what evaluation and submission take by default. */
    public Checkpoint defaultCheckpoint() {
        return network(Checkpoint.BEST) != null ? Checkpoint.BEST : Checkpoint.LAST;
    }
    public Path checkpointDir() { return dir.resolve("checkpoint"); }
    public Path checkpointState() { return checkpointDir().resolve("state.json"); }
    public Path metricsJsonl() { return dir.resolve(METRICS_JSONL); }
    public Path metricsCsv() { return dir.resolve(METRICS_CSV); }

    /** Whether this looks like a Racer model folder (has model_metadata.json and a network). */
    public boolean looksLikeModel() {
        return Files.isRegularFile(metadata()) && network(Checkpoint.LAST) != null;
    }

    /**
     * Checks the folder as the trainer reads it and the league accepts it: {@code model_metadata.json} and (when
     * present) {@code hyperparameters.json} through their validators, and exactly one network file.
     *
     * @return the metadata
     * @throws ModelFileException naming the file and the field
     */
    public ModelMetadata validate() {
        ModelMetadata meta = ModelMetadata.read(metadata());
        if (Files.exists(hyperparameters())) {
            Hyperparameters.read(hyperparameters());
        }
        long networks = NETWORK_FILES.stream().filter(f -> Files.isRegularFile(dir.resolve(f))).count();
        if (networks == 0) {
            throw new ModelFileException(dir + ": no network: " + SAMEDIFF_WEIGHTS + " (clipped PPO), " + SAC_WEIGHTS
                    + " (SAC) or " + DL4J_WEIGHTS + " (DQN, A3C), as racer train writes them; was training stopped"
                    + " before its first iteration?");
        }
        if (networks > 1) {
            throw new ModelFileException(dir + ": more than one network (" + String.join(", ", NETWORK_FILES.stream()
                    .filter(f -> Files.isRegularFile(dir.resolve(f))).toList()) + "); a model has exactly one");
        }
        return meta;
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
        AtomicFiles.write(dir.resolve(target), out -> Files.copy(f, out));
        return target;
    }

    public void writeTrainingParams(Map<String, Object> params) {
        Jsons.writeAtomically(trainingParams(), params);
    }

    public JsonNode readTrainingParams() {
        return Fields.readObject(trainingParams());
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
        Jsons.writeAtomically(checkpointState(), s.toMap());
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
        JsonNode n = Fields.readObject(checkpointState());
        String weights = n.path("weights").asText();
        if (!Files.isRegularFile(checkpointDir().resolve(weights))) {
            throw new ModelFileException(checkpointState() + ": the weights it names (" + weights + ") are missing");
        }
        return new CheckpointState(n.path("iteration").asInt(), n.path("episodes").asLong(), n.path("steps").asLong(),
                n.path("elapsed_s").asDouble(), weights);
    }
}
