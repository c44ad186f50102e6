package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code racer train --race-type OBJECT_AVOIDANCE --model-metadata} with the shipped LIDAR example, a tiny budget,
 * then {@code racer evaluate} and {@code racer view --screenshot} load the model; camera+LIDAR is a one-line error.
 */
class LidarTrainCommandTest {
    static final String EXAMPLE = Path.of("..", "examples", "object_avoidance", "model_metadata.json").toString();

    @Test
    void trainsEvaluatesAndViewsALidarModel(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("oa");
        CliRun t = CliRun.of("train", "--track", "reinvent_base", "--reward", "center_line", "--out", out.toString(),
                "--model-metadata", EXAMPLE, "--race-type", "OBJECT_AVOIDANCE", "--steps", "300", "--workers", "1",
                "--quiet");
        assertEquals(0, t.exitCode(), t.err());
        assertEquals(java.util.List.of("RACER_BORDER_RAYS", "SECTOR_LIDAR"),
                dev.racer.model.ModelMetadata.read(out.resolve("model_metadata.json")).sensors());
        assertTrue(Files.readString(out.resolve("training_params.json")).contains("OBJECT_AVOIDANCE"));
        CliRun e = CliRun.of("evaluate", out.toString(), "--track", "reinvent_base", "--laps", "1",
                "--trace", dir.resolve("e.csv").toString());
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(Files.isRegularFile(dir.resolve("e.objects.json")), "the boxes beside the trace");
        Path png = dir.resolve("v.png");
        CliRun v = CliRun.of("view", out.toString(), "--track", "reinvent_base", "--screenshot", png.toString(),
                "--size", "320x200", "--camera", "top");
        assertTrue(v.exitCode() == 0 || v.exitCode() == 4, "drawn, or no headless OpenGL here: " + v.err());
    }

    @Test
    void aCameraWithALidarIsAClearError(@TempDir Path dir) throws Exception {
        Path meta = dir.resolve("m.json");
        Files.writeString(meta, """
                {"action_space": [{"steering_angle": 0, "speed": 1}, {"steering_angle": 10, "speed": 1}],
                 "sensor": ["FRONT_FACING_CAMERA", "SECTOR_LIDAR"]}
                """);
        CliRun t = CliRun.of("train", "--track", "reinvent_base", "--reward", "center_line", "--out",
                dir.resolve("x").toString(), "--model-metadata", meta.toString(), "--steps", "10");
        assertEquals(2, t.exitCode(), t.err());
        assertTrue(t.err().contains("field \"sensor\"") && t.err().contains("RACER_BORDER_RAYS\", \"SECTOR_LIDAR")
                && t.err().lines().count() <= 2, t.err());
    }
}
