package dev.racer.trainer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.race.RacingEnv;
import dev.racer.race.StepResult;
import dev.racer.reward.CenterLineReward;
import dev.racer.sensor.BorderRaySensor;
import dev.racer.track.TrackLibrary;
import dev.racer.space.ActionSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clipped PPO learns: on the oval, progress ends clearly above a random policy's within two minutes. */
@Tag("slow")
class LearningTest {
    @TempDir
    Path tmp;

    @Test
    void ppoBeatsARandomPolicyOnTheOval() {
        double random = randomPolicyProgress("Oval_track", 40);
        TrainSummary s = Trainer.train(TrainSpec.of("Oval_track", "center_line", tmp.resolve("oval"))
                .withMinutes(2.0).withSeed(1).withWorkers(2));
        List<IterationMetrics> m = s.metrics();
        double best = 0;
        for (IterationMetrics x : m.subList(Math.max(0, m.size() - 3), m.size())) {
            best = Math.max(best, Math.max(x.meanProgress(), x.evalProgress()));
        }
        System.out.printf("random policy: %.1f %% progress; PPO after %d iterations (%d steps, %.0f s): %.1f %%,"
                + " evaluation laps %.0f %%%n", random, s.iterations(), s.steps(), s.seconds(), best,
                100 * s.evalCompletionRate());
        assertTrue(best >= Math.max(3 * random, random + 20),
                "progress " + best + " % vs random " + random + " %");
    }

    /** Mean progress of uniformly random actions from the default space, from round-robin starts. */
    static double randomPolicyProgress(String track, int episodes) {
        EnvSpec env = new EnvSpec(TrackLibrary.standard().get(track), Trainer.envConfig(), "center_line");
        ActionSpace.Discrete a = ActionSpace.defaultDiscrete();
        SplittableRandom rnd = new SplittableRandom(9);
        double sum = 0;
        RacingEnv racing = env.newEnv(new CenterLineReward(), new BorderRaySensor(), a);
        for (int e = 0; e < episodes; e++) {
            StepResult r = racing.reset(e, dev.racer.race.ResetOptions.roundRobin(e));
            while (!r.done()) {
                r = racing.step(rnd.nextInt(a.size()));
            }
            sum += r.params().progress();
        }
        return sum / episodes;
    }
}
