package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.trace.SimTraceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardReplayCommandTest {
    /** Two episodes on reinvent_base's start straight, by hand: centred, then 0.3 m left, then 0.3 m right. */
    static String trace() {
        return String.join(",", SimTraceWriter.COLUMNS) + "\n"
                + "0,0,3.2,0.683,0.1,0.0,1.0,2,0.0,False,True,0.8,1,17.709159380834848,0.0,prepare,0.0,0.0,1,4\n"
                + "0,1,3.3,0.683,0.1,0.0,1.0,2,1.0,False,True,1.4,1,17.709159380834848,0.0667,in_progress,0.0,1.0,1,4\n"
                + "0,2,3.4,0.983,0.1,0.0,1.0,2,0.5,True,True,2.0,2,17.709159380834848,0.1333,in_progress,0.0,1.0,1,4\n"
                + "1,1,3.5,0.383,0.1,0.0,1.0,2,0.25,True,True,2.6,2,17.709159380834848,0.2,in_progress,0.0,1.0,1,4\n";
    }

    @Test
    void replaysAHandMadeTraceInAModelFolder(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m");
        Files.createDirectories(model.resolve("training-simtrace"));
        Files.writeString(model.resolve("training_params.json"), "{\"track_id\": \"reinvent_base\"}");
        Path trace = model.resolve("training-simtrace/0-iteration.csv");
        Files.writeString(trace, trace());
        Path reward = dir.resolve("left.py");
        Files.writeString(reward, """
                def reward_function(params):
                    return 2.0 if params['is_left_of_center'] else 1.0
                """);
        Path csv = dir.resolve("out.csv"), json = dir.resolve("out.json");
        CliRun run = CliRun.of("reward", "replay", trace.toString(), reward.toString(), "--csv", csv.toString(),
                "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Track reinvent_base (from "), run.out());
        assertTrue(run.out().contains("2 episodes, 3 steps scored"), run.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("episode,steps,progress,episode_status,old_reward,new_reward", lines.get(0));
        // the centred step is not left of centre (1), the left one is (2); episode 1's step is right (1)
        assertEquals("0,2,2.0,in_progress,1.5,3.0", lines.get(1));
        assertEquals("1,1,2.6,in_progress,0.25,1.0", lines.get(2));
        assertTrue(Files.readString(json).contains("\"newReward\" : 3.0"), Files.readString(json));
    }

    @Test
    void errorsAreOneLine(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.csv");
        Files.writeString(trace, trace());
        CliRun noTrack = CliRun.of("reward", "replay", trace.toString(), "center_line");
        assertEquals(2, noTrack.exitCode());
        assertTrue(noTrack.err().contains(trace + ": not in a model folder; give the trace's track with --track ID"),
                noTrack.err());
        CliRun wrongTrack = CliRun.of("reward", "replay", trace.toString(), "center_line", "--track", "Oval_track");
        assertEquals(2, wrongTrack.exitCode());
        assertTrue(wrongTrack.err().contains("the trace was driven on a track 17.709 m long, but Oval_track is"),
                wrongTrack.err());
        CliRun missing = CliRun.of("reward", "replay", dir.resolve("none.csv").toString(), "center_line");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("none.csv: no such sim-trace file"), missing.err());
        Files.writeString(trace, "episode,steps\n0,1\n");
        CliRun bad = CliRun.of("reward", "replay", trace.toString(), "center_line", "--track", "reinvent_base");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("line 1: no \"X\" column"), bad.err());
    }
}
