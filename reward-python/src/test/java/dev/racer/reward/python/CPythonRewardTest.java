package dev.racer.reward.python;

import dev.racer.io.Jsons;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;
import dev.racer.reward.Rewards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CPython backend: the user's python3 as a child process. Skipped where python3 or numpy is missing. */
class CPythonRewardTest {
    @TempDir
    Path dir;

    static boolean python;
    static boolean numpy;

    @BeforeAll
    static void probe() {
        python = runs("import sys");
        numpy = python && runs("import numpy");
    }

    static boolean runs(String code) {
        try {
            Process p = new ProcessBuilder(CPythonReward.pythonCommand(), "-c", code).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("np_reward.py"), text);
    }

    static final String NUMPY_REWARD = """
            import numpy as np
            calls = 0
            def reward_function(params):
                global calls
                calls += 1
                wp = np.array(params['waypoints'])
                assert wp.shape[1] == 2
                return float(np.clip(params['speed'], 0, 4)) + 0 * calls
            """;

    @Test
    void singleAndBatchCalls() throws IOException {
        assumeTrue(numpy, "python3 with numpy not found");
        try (CPythonReward r = new CPythonReward(write(NUMPY_REWARD), Duration.ofSeconds(5))) {
            RewardParams p = States.onTrack();
            assertEquals(p.speed(), r.reward(p), 1e-12);
            RewardParams[] batch = new RewardParams[50];
            double[] expected = new double[batch.length];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = p.copy();
                batch[i].set(p.x(), p.y(), p.heading(), p.distanceFromCenter(), p.isLeftOfCenter(), p.progress(),
                        i * 0.1, p.steeringAngle(), p.steps(), p.trackWidth(), p.closestWaypointPrev(),
                        p.closestWaypointNext(), p.projectionDistance(), p.wheelsOnTrack());
                expected[i] = Math.min(i * 0.1, 4);
            }
            assertArrayEquals(expected, r.rewards(batch), 1e-12);
            assertTrue(r.describe().contains("NOT sandboxed"), r.describe());
        }
    }

    @Test
    void autoChoosesCPythonForNumpyAndRewardsLoadFindsIt() throws IOException {
        Path f = write(NUMPY_REWARD);
        RewardSource s = RewardSource.read(f);
        assertEquals(java.util.Set.of("numpy"), s.nativeLibs());
        assertEquals(Backend.CPYTHON, RewardScripts.choose(s, Backend.AUTO));
        assertEquals(Backend.GRAALPY, RewardScripts.choose(RewardSource.of(f, "import math\n"), Backend.AUTO));
        assumeTrue(numpy, "python3 with numpy not found");
        try (RewardFunction r = Rewards.load(f.toString())) {
            assertInstanceOf(CPythonReward.class, r);
            RewardParams p = States.onTrack();
            assertEquals(p.speed(), r.reward(p), 1e-12);
        }
    }

    @Test
    void paramsMatchToMap() throws IOException {
        assumeTrue(python, "python3 not found");
        RewardParams p = States.onTrack();
        String expected = Jsons.mapper().writeValueAsString(p.toMap());
        try (CPythonReward r = new CPythonReward(write("import json\nEXPECTED = json.loads(" + SandboxTest.pyString(expected)
                + ")\n" + """
                def reward_function(params):
                    got = json.loads(json.dumps(params))
                    assert list(got) == list(EXPECTED)
                    for k, v in EXPECTED.items():
                        assert type(params[k]) is type(v), (k, type(params[k]), type(v))
                        assert got[k] == v, (k, got[k], v)
                    return 7.0
                """), Duration.ofSeconds(5))) {
            assertEquals(7.0, r.reward(p));
        }
    }

    @Test
    void paramsMatchToMapWithObjects() throws IOException {
        assumeTrue(python, "python3 not found");
        RewardParams p = States.withObjects();
        org.junit.jupiter.api.Assertions.assertEquals(3, p.objectCount());
        String expected = Jsons.mapper().writeValueAsString(p.toMap());
        try (CPythonReward r = new CPythonReward(write("import json\nEXPECTED = json.loads(" + SandboxTest.pyString(expected)
                + ")\n" + """
                def reward_function(params):
                    got = json.loads(json.dumps(params))
                    assert list(got) == list(EXPECTED)
                    for k, v in EXPECTED.items():
                        assert type(params[k]) is type(v), (k, type(params[k]), type(v))
                        assert got[k] == v, (k, got[k], v)
                    return 7.0
                """), Duration.ofSeconds(5))) {
            assertEquals(7.0, r.reward(p));
        }
    }

    @Test
    void printsAndInputCannotBreakTheProtocol() throws IOException {
        assumeTrue(python, "python3 not found");
        try (CPythonReward r = new CPythonReward(write("""
                import sys
                def reward_function(params):
                    print("R 1")
                    sys.stdout.write("E 0 garbage\\n")
                    try:
                        input()
                    except EOFError:
                        pass
                    return 2.5
                """), Duration.ofSeconds(5))) {
            RewardParams p = States.onTrack();
            assertEquals(2.5, r.reward(p));
            assertArrayEquals(new double[] {2.5, 2.5}, r.rewards(new RewardParams[] {p, p}));
        }
    }

    @Test
    void errorsNameFileAndLine() throws IOException {
        assumeTrue(python, "python3 not found");
        try (CPythonReward r = new CPythonReward(write("def reward_function(params):\n    return 1 / 0\n"),
                Duration.ofSeconds(5))) {
            RewardScriptException e = assertThrows(RewardScriptException.class, () -> r.reward(States.onTrack()));
            assertEquals(RewardScriptException.Kind.EXCEPTION, e.kind());
            assertTrue(e.getMessage().contains("np_reward.py, line 2, in reward_function: ZeroDivisionError"), e.getMessage());
        }
        Path bad = write("def reward_function(params)\n    return 1\n");
        RewardScriptException syntax = assertThrows(RewardScriptException.class,
                () -> new CPythonReward(bad, Duration.ofSeconds(5)).close());
        assertEquals(RewardScriptException.Kind.SYNTAX, syntax.kind());
        assertTrue(syntax.getMessage().contains("np_reward.py, line 1"), syntax.getMessage());
    }

    @Test
    void timeoutKillsAndRestartsTheProcess() throws IOException {
        assumeTrue(python, "python3 not found");
        try (CPythonReward r = new CPythonReward(write("""
                def reward_function(params):
                    if params['steps'] == 99:
                        while True:
                            pass
                    return 1.5
                """), Duration.ofMillis(500))) {
            RewardParams p = States.onTrack();
            assertEquals(1.5, r.reward(p));
            RewardParams looping = p.copy();
            looping.set(p.x(), p.y(), p.heading(), p.distanceFromCenter(), p.isLeftOfCenter(), p.progress(),
                    p.speed(), p.steeringAngle(), 99, p.trackWidth(), p.closestWaypointPrev(),
                    p.closestWaypointNext(), p.projectionDistance(), p.wheelsOnTrack());
            long t0 = System.nanoTime();
            RewardScriptException e = assertThrows(RewardScriptException.class, () -> r.reward(looping));
            assertEquals(RewardScriptException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 2500);
            assertEquals(1.5, r.reward(p));
        }
    }
}
