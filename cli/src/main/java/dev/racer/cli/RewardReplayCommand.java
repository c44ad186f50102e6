package dev.racer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.io.AtomicFiles;
import dev.racer.io.Jsons;
import dev.racer.reward.RewardException;
import dev.racer.reward.RewardFunction;
import dev.racer.reward.Rewards;
import dev.racer.trace.RewardReplay;
import dev.racer.trace.SimTraceReader;
import dev.racer.track.Track;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racer reward replay TRACE.csv NEW_REWARD}: re-scores logged steps with another reward. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-score the steps of a sim-trace with another reward function, without driving again, and"
                + " show each episode's old and new total reward (as deepracer-utils' NewRewardUtils).",
                "",
                "Each driving row's params are rebuilt from the row and the track: the car is put at the logged"
                        + " front point X, Y and yaw, and Racer computes distance_from_center, is_left_of_center,"
                        + " track_width, closest_waypoints, all_wheels_on_track, is_offtrack, waypoints and"
                        + " track_length; speed and steering_angle are the logged throttle and steer; progress and"
                        + " steps are taken as logged.",
                "A trace cannot give back: the exact rear-axle pose of a trace that is not Racer's (DeepRacer's"
                        + " own round their values and have another car model), the car's actual speed and"
                        + " steering, is_crashed and the object keys (false, empty), and the steps that were not"
                        + " logged (a training trace holds one episode an iteration: a reward that keeps state"
                        + " across calls sees only the traced steps). prepare and pause rows are not scored.",
                ""})
final class RewardReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRACE.csv", description = "a sim-trace (Racer's or DeepRacer's)")
    Path traceFile;
    @Parameters(index = "1", paramLabel = "NEW_REWARD",
            description = "the reward to try: a .py file (DeepRacer's), a built-in name or java:CLASS")
    String reward;
    @Option(names = "--track", paramLabel = "ID",
            description = "the track the trace was driven on (default: the track_id in the model folder's"
                    + " training_params.json, when the trace sits in a model folder)")
    String trackId;
    @Option(names = "--reversed", description = "the trace was driven the track in reverse")
    boolean reversed;
    @Option(names = "--csv", paramLabel = "FILE", description = "write the per-episode totals as CSV")
    Path csv;
    @Option(names = "--json", paramLabel = "FILE", description = "write the per-episode totals as JSON")
    Path json;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(traceFile)) {
            throw new UserException(traceFile + ": no such sim-trace file");
        }
        SimTraceReader.SimTrace trace;
        try {
            trace = SimTraceReader.read(traceFile);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UserException(e.getMessage());
        }
        String id = trackId != null ? trackId : trackFromModelFolder();
        Track track = TrackOption.load(id);
        RewardReplay replay = new RewardReplay(track, reversed);
        try {
            replay.checkTrack(trace, traceFile.toString());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        RewardReplay.Result result;
        try (RewardFunction rf = Rewards.load(reward)) {
            result = replay.replay(trace, rf);
        } catch (RewardException e) {
            throw new UserException(e.getMessage());
        }
        List<RewardReplay.EpisodeTotals> eps = result.episodes();
        System.out.printf(Locale.ROOT, "Replayed %s on %s%s with %s: %d episodes, %d steps scored%n",
                traceFile, track.id(), reversed ? " (reversed)" : "", reward, eps.size(), result.scoredRows());
        System.out.println();
        System.out.println("  Episode   Steps  Progress  Status          Old reward    New reward");
        double oldAll = 0, newAll = 0;
        for (RewardReplay.EpisodeTotals e : eps) {
            System.out.printf(Locale.ROOT, "  %7d  %6d  %7.1f%%  %-14s %11.3f  %12.3f%n", e.episode(), e.steps(),
                    e.progress(), e.status(), e.oldReward(), e.newReward());
            oldAll += e.oldReward();
            newAll += e.newReward();
        }
        System.out.printf(Locale.ROOT, "  %-39s %11.3f  %12.3f%n", "total", oldAll, newAll);
        if (result.wheelMismatches() > 0 || result.waypointMismatches() > 0) {
            System.out.printf(Locale.ROOT, "note: on %d of %d rows all_wheels_on_track, on %d closest_waypoint"
                            + " differ from the trace's (another track version, waypoint numbering or car model?)%n",
                    result.wheelMismatches(), result.scoredRows(), result.waypointMismatches());
        }
        if (csv != null) {
            StringBuilder b = new StringBuilder("episode,steps,progress,episode_status,old_reward,new_reward\n");
            for (RewardReplay.EpisodeTotals e : eps) {
                b.append(e.episode()).append(',').append(e.steps()).append(',').append(e.progress()).append(',')
                        .append(e.status()).append(',').append(e.oldReward()).append(',').append(e.newReward())
                        .append('\n');
            }
            AtomicFiles.writeString(csv, b.toString());
            System.out.println("CSV: " + csv);
        }
        if (json != null) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("trace", traceFile.toString());
            root.put("track", track.id());
            root.put("reversed", reversed);
            root.put("reward", reward);
            root.put("episodes", eps);
            Jsons.writeAtomically(json, root);
            System.out.println("JSON: " + json);
        }
        return 0;
    }

    /** The trace's model folder is the nearest parent with a training_params.json (DRfC's layout). */
    private String trackFromModelFolder() {
        for (Path d = traceFile.toAbsolutePath().getParent(); d != null; d = d.getParent()) {
            Path params = d.resolve("training_params.json");
            if (Files.isRegularFile(params)) {
                JsonNode id;
                try {
                    id = Jsons.readTree(params).get("track_id");
                } catch (IllegalArgumentException | UncheckedIOException e) {
                    throw new UserException(e.getMessage());
                }
                if (id == null || !id.isTextual()) {
                    throw new UserException(params + ": no track_id; give the trace's track with --track ID");
                }
                System.out.println("Track " + id.asText() + " (from " + params + "; --track overrides it)");
                return id.asText();
            }
        }
        throw new UserException(traceFile + ": not in a model folder; give the trace's track with --track ID");
    }
}
