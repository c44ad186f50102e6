package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.io.FileTrees;
import dev.racer.model.ModelFolder;
import dev.racer.trainer.TrainSpec;
import dev.racer.trainer.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code racer evaluate --checkpoint best|last} and {@code racer submit --checkpoint}: which network races. */
class CheckpointOptionTest {

    @Test
    void evaluateRacesTheBestCheckpointByDefaultAndLastOnRequest(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m");
        Trainer.train(TrainSpec.of("reinvent_base", "center_line", model).withSteps(600L).withSeed(3).withWorkers(1));
        ModelFolder f = new ModelFolder(model);
        assertTrue(Files.isRegularFile(f.bestDir().resolve("policy.sd")), "training kept a best checkpoint");

        CliRun byDefault = CliRun.of("evaluate", model.toString(), "--track", "reinvent_base", "--laps", "1");
        assertEquals(0, byDefault.exitCode(), byDefault.err());
        assertTrue(byDefault.out().contains("Checkpoint: best (iteration "), byDefault.out());

        CliRun last = CliRun.of("evaluate", model.toString(), "--track", "reinvent_base", "--laps", "1",
                "--checkpoint", "last");
        assertEquals(0, last.exitCode(), last.err());
        assertTrue(last.out().contains("Checkpoint: last"), last.out());

        CliRun bad = CliRun.of("evaluate", model.toString(), "--track", "reinvent_base", "--checkpoint", "newest");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--checkpoint: expected best or last, got 'newest'"), bad.err());

        CliRun withDriver = CliRun.of("evaluate", "--driver", "pure-pursuit", "--track", "reinvent_base",
                "--checkpoint", "best");
        assertEquals(2, withDriver.exitCode());
        assertTrue(withDriver.err().contains("--checkpoint picks a model folder's network"), withDriver.err());

        // a folder from before best checkpoints: last by default, and --checkpoint best says why not
        FileTrees.delete(f.bestDir());
        CliRun old = CliRun.of("evaluate", model.toString(), "--track", "reinvent_base", "--laps", "1");
        assertEquals(0, old.exitCode(), old.err());
        assertTrue(old.out().contains("Checkpoint: last"), old.out());
        CliRun noBest = CliRun.of("evaluate", model.toString(), "--track", "reinvent_base", "--checkpoint", "best");
        assertEquals(2, noBest.exitCode());
        assertTrue(noBest.err().contains("no best checkpoint"), noBest.err());

        CliRun submit = CliRun.of("submit", model.toString(), "--token", "t", "--checkpoint", "best",
                "--server", "http://127.0.0.1:9");
        assertEquals(2, submit.exitCode());
        assertTrue(submit.err().contains("no network for the best checkpoint"), submit.err());
    }
}
