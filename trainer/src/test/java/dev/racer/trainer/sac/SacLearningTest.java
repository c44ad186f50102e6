package dev.racer.trainer.sac;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.trainer.IterationMetrics;
import dev.racer.trainer.TrainSpec;
import dev.racer.trainer.TrainSummary;
import dev.racer.trainer.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAC learns: within four minutes on reinvent_base (on two busy cores) its greedy evaluation gets well round the lap. */
@Tag("slow")
class SacLearningTest {
    @TempDir
    Path tmp;

    @Test
    void sacLearnsToDriveRoundReinvent() throws IOException {
        Path meta = tmp.resolve("meta.json");
        Files.writeString(meta, SacTrainerTest.SAC_META.replace("[32, 32]", "[64, 64]"));
        TrainSummary s = Trainer.train(TrainSpec.of("reinvent_base", "java:dev.racer.trainer.SpeedAlongTrackReward",
                tmp.resolve("sac")).withMinutes(4.0).withSeed(1).withWorkers(2).withModelMetadata(meta));
        List<IterationMetrics> m = s.metrics();
        double first = m.get(0).evalProgress(), best = 0;
        for (IterationMetrics x : m.subList(Math.max(0, m.size() - 5), m.size())) {
            best = Math.max(best, x.evalProgress());
        }
        System.out.printf("SAC: %d iterations, %d steps, %.0f steps/s; evaluation progress %.1f %% -> %.1f %%%n",
                s.iterations(), s.steps(), s.stepsPerSecond(), first, best);
        assertTrue(best >= 50, "greedy evaluation progress " + best + " % after 4 minutes");
    }
}
