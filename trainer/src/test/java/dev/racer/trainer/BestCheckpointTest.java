package dev.racer.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.model.ModelFileException;
import dev.racer.model.ModelFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestCheckpointTest {
    @TempDir
    Path tmp;

    /** An iteration whose evaluation completed {@code rate} of its laps at {@code meanLap} s. */
    private static IterationMetrics m(int it, double rate, double progress, double meanLap) {
        double nan = Double.NaN;
        return new IterationMetrics(it, it * 10L, it * 1000L, it, 100, 1, 50, 0.5, progress, rate, 100, nan, nan, nan,
                nan, nan, nan, meanLap, meanLap, 2.0);
    }

    @Test
    void allLapsCompletedBeatsAnyIncompleteThenTheLowerMeanLapWins() {
        BestCheckpoint.Score partial = BestCheckpoint.Score.of(m(1, 2 / 3.0, 90, 9.0));
        BestCheckpoint.Score slow = BestCheckpoint.Score.of(m(2, 1, 100, 12.0));
        BestCheckpoint.Score fast = BestCheckpoint.Score.of(m(3, 1, 100, 8.0));
        BestCheckpoint.Score none = BestCheckpoint.Score.of(m(4, 0, 40, Double.NaN));
        BestCheckpoint.Score further = BestCheckpoint.Score.of(m(5, 0, 60, Double.NaN));
        assertTrue(slow.beats(partial), "3/3 laps beats 2/3 however fast the 2/3 were");
        assertFalse(partial.beats(slow));
        assertTrue(fast.beats(slow));
        assertFalse(slow.beats(fast));
        assertFalse(fast.beats(fast), "a tie keeps the earlier checkpoint");
        assertTrue(partial.beats(none), "the higher completion rate");
        assertTrue(further.beats(none), "no lap completed: the higher mean progress");
        assertTrue(none.beats(null));
        assertFalse(BestCheckpoint.Score.of(m(6, Double.NaN, Double.NaN, Double.NaN)).beats(null),
                "an evaluation cut short by a stop ranks nothing");
    }

    @Test
    void keepsTheBestNetworkAndItsFiguresAcrossARestart() throws IOException {
        ModelFolder f = new ModelFolder(tmp);
        Files.createDirectories(f.ppoWeights().getParent());
        BestCheckpoint best = new BestCheckpoint(f);
        assertNull(best.best());

        Files.write(f.ppoWeights(), new byte[] {1});
        assertTrue(best.offer(m(1, 1, 100, 10.0), f.ppoWeights()));
        Files.write(f.ppoWeights(), new byte[] {2});
        assertTrue(best.offer(m(2, 1, 100, 9.0), f.ppoWeights()));
        Files.write(f.ppoWeights(), new byte[] {3});
        assertFalse(best.offer(m(3, 2 / 3.0, 95, 7.0), f.ppoWeights()));

        assertArrayEquals(new byte[] {2}, Files.readAllBytes(f.bestDir().resolve("policy.sd")));
        assertEquals(f.bestDir().resolve("policy.sd"), f.network(ModelFolder.Checkpoint.BEST));
        assertEquals(f.ppoWeights(), f.network(ModelFolder.Checkpoint.LAST));
        assertEquals(ModelFolder.Checkpoint.BEST, f.defaultCheckpoint());

        // --resume: a new run over the same folder compares against the kept best
        BestCheckpoint resumed = new BestCheckpoint(f);
        assertEquals(2, resumed.best().iteration());
        assertEquals(9.0, resumed.best().meanLap());
        assertFalse(resumed.offer(m(4, 1, 100, 9.5), f.ppoWeights()));
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(f.bestDir().resolve("policy.sd")));
    }

    @Test
    void aBrokenStateFileIsNamed() throws IOException {
        ModelFolder f = new ModelFolder(tmp);
        Files.createDirectories(f.bestDir());
        Files.writeString(f.bestState(), "{\"iteration\": \"x\"}");
        ModelFileException e = assertThrows(ModelFileException.class, () -> new BestCheckpoint(f));
        assertTrue(e.getMessage().contains("state.json"), e.getMessage());
    }

    @Test
    void checkpointNamesAreParsedWithAClearError() {
        assertEquals(ModelFolder.Checkpoint.BEST, ModelFolder.Checkpoint.parse("best", "--checkpoint"));
        assertEquals(ModelFolder.Checkpoint.LAST, ModelFolder.Checkpoint.parse("LAST", "--checkpoint"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFolder.Checkpoint.parse("newest", "--checkpoint"));
        assertEquals("--checkpoint: expected best or last, got 'newest'", e.getMessage());
    }
}
