package dev.racer.reward.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;
import dev.racer.reward.Rewards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonRewardTest {
    @TempDir
    Path dir;

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    PythonReward load(String text) throws IOException {
        return new PythonReward(file("reward.py", text), Duration.ofMillis(1000));
    }

    @Test
    void runsARewardWithRealParamTypes() throws IOException {
        RewardParams p = States.onTrack();
        try (PythonReward r = load("""
                def reward_function(params):
                    assert type(params['x']) is float, type(params['x'])
                    assert type(params['steps']) is int, type(params['steps'])
                    assert type(params['all_wheels_on_track']) is bool
                    assert type(params['waypoints']) is list and type(params['waypoints'][0]) is list
                    return params['speed'] * 2
                """)) {
            assertEquals(p.speed() * 2, r.reward(p), 1e-12);
            assertTrue(r.describe().startsWith("graalpy"), r.describe());
        }
    }

    @Test
    void rewardsLoadOpensPyFilesThroughTheProvider() throws IOException {
        Path f = file("centre.py", """
                def reward_function(params):
                    return 1.0 - params['distance_from_center'] / params['track_width']
                """);
        try (RewardFunction r = Rewards.load(f.toString())) {
            assertInstanceOf(PythonReward.class, r);
            RewardParams p = States.onTrack();
            assertEquals(1.0 - p.distanceFromCenter() / p.trackWidth(), r.reward(p), 1e-12);
            assertEquals("centre.py", r.name());
        }
    }

    @Test
    void oneInstancePerThreadRunsInParallelWithItsOwnState() throws Exception {
        Path f = file("count.py", """
                n = 0
                def reward_function(params):
                    global n
                    n += 1
                    return float(n)
                """);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Double>> results = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                results.add(pool.submit(() -> {
                    try (ScriptReward r = RewardScripts.load(f)) {
                        RewardParams p = States.onTrack();
                        double last = 0;
                        for (int i = 0; i < 500; i++) {
                            last = r.reward(p);
                        }
                        return last;
                    }
                }));
            }
            for (Future<Double> res : results) {
                assertEquals(500.0, res.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void batchesOnGraalPy() throws IOException {
        try (PythonReward r = load("def reward_function(params):\n    return params['speed']\n")) {
            RewardParams p = States.onTrack();
            double[] out = r.rewards(new RewardParams[] {p, p, p});
            assertEquals(3, out.length);
            assertEquals(p.speed(), out[2]);
        }
    }
}
