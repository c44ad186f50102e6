package dev.racer.reward.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.reward.RewardParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        }
    }
}
