package dev.racer.reward.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.reward.RewardParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each thing a reward file must not reach, from inside GraalPy. */
class SandboxTest {
    @TempDir
    Path dir;

    PythonReward load(String text, Duration budget) throws IOException {
        return new PythonReward(Files.writeString(dir.resolve("reward.py"), text), budget);
    }

    /** Runs {@code body} (indented Python) in reward_function; expects a Python exception. */
    RewardScriptException denied(String body) throws IOException {
        try (PythonReward r = load("def reward_function(params):\n" + body.indent(4) + "    return 1.0\n",
                Duration.ofSeconds(30))) {
            RewardScriptException e = assertThrows(RewardScriptException.class, () -> r.reward(States.onTrack()));
            assertEquals(RewardScriptException.Kind.EXCEPTION, e.kind(), e.getMessage());
            System.out.println("denied: " + e.getMessage());
            assertTrue(e.getMessage().contains("reward.py, ") && e.getMessage().contains("reward_function"), e.getMessage());
            return e;
        }
    }

    @Test
    void cannotReadFiles() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        RewardScriptException e = denied("open(" + pyString(secret.toString()) + ").read()");
        assertFalse(e.getMessage().contains("top secret"));
        denied("import os\nos.listdir('/')");
    }

    @Test
    void cannotWriteFiles() throws IOException {
        Path target = dir.resolve("written.txt");
        denied("open(" + pyString(target.toString()) + ", 'w').write('x')");
        assertFalse(Files.exists(target));
    }

    @Test
    void cannotOpenSockets() throws IOException {
        denied("import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\ns.connect(('127.0.0.1', 22))");
    }

    @Test
    void cannotStartProcesses() throws IOException {
        Path marker = dir.resolve("ran.txt");
        denied("import subprocess\nsubprocess.run(['touch', " + pyString(marker.toString()) + "])");
        // os.system either raises or fails; it must not run the command
        try (PythonReward r = load("import os\ndef reward_function(params):\n    rc = os.system('touch "
                + marker + "')\n    return 1.0\n", Duration.ofSeconds(30))) {
            try {
                r.reward(States.onTrack());
            } catch (RewardScriptException expected) {
                assertEquals(RewardScriptException.Kind.EXCEPTION, expected.kind());
            }
        }
        assertFalse(Files.exists(marker));
    }

    @Test
    void cannotReachJavaOrOtherLanguages() throws IOException {
        denied("import java\njava.type('java.lang.Runtime').getRuntime().exec('true')");
        denied("import polyglot\npolyglot.eval(language='js', string='1')");
        denied("import polyglot\npolyglot.import_value('anything').foo()");
    }

    @Test
    void cannotStartThreads() throws IOException {
        denied("import threading\nt = threading.Thread(target=lambda: None)\nt.start()");
    }

    @Test
    void seesNoEnvironment() throws IOException {
        try (PythonReward r = load("""
                import os
                def reward_function(params):
                    return (5.0 if os.environ.get('PATH') else 0.0) + (1.0 if os.getenv('HOME') else 0.0)
                """, Duration.ofSeconds(30))) {
            assertEquals(0.0, r.reward(States.onTrack()));
        }
    }

    @Test
    void pureStandardLibraryWorks() throws IOException {
        try (PythonReward r = load("""
                import math, random, statistics, json, functools, collections, itertools
                rng = random.Random(3)
                def reward_function(params):
                    xs = [p[0] for p in params['waypoints'][:10]]
                    s = statistics.mean(xs) + math.hypot(3, 4) + rng.random() * 0
                    json.dumps(params)
                    return float(s - statistics.mean(xs))
                """, Duration.ofSeconds(30))) {
            assertEquals(5.0, r.reward(States.onTrack()), 1e-9);
        }
    }

    @Test
    void endlessLoopStopsWithinBudgetAndTheContextStaysUsable() throws IOException {
        try (PythonReward r = load("""
                calls = 0
                def reward_function(params):
                    global calls
                    calls += 1
                    if params['steps'] == 99:
                        while True:
                            pass
                    return float(calls)
                """, Duration.ofMillis(300))) {
            RewardParams p = States.onTrack();
            assertEquals(1.0, r.reward(p));
            RewardParams looping = p.copy();
            looping.set(p.x(), p.y(), p.heading(), p.distanceFromCenter(), p.isLeftOfCenter(), p.progress(),
                    p.speed(), p.steeringAngle(), 99, p.trackWidth(), p.closestWaypointPrev(),
                    p.closestWaypointNext(), p.projectionDistance(), p.wheelsOnTrack());
            long t0 = System.nanoTime();
            RewardScriptException e = assertThrows(RewardScriptException.class, () -> r.reward(looping));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(RewardScriptException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
            assertTrue(ms < 300 + 1500, "stopped after " + ms + " ms");
            // usable afterwards, module state kept (interrupt, not cancel)
            assertEquals(3.0, r.reward(p));
        }
    }

    @Test
    void loopThatSwallowsExceptionsIsStoppedToo() throws IOException {
        try (PythonReward r = load("""
                def reward_function(params):
                    if params['steps'] == 99:
                        while True:
                            try:
                                while True:
                                    pass
                            except BaseException:
                                pass
                    return 2.0
                """, Duration.ofMillis(300))) {
            RewardParams p = States.onTrack();
            RewardParams looping = p.copy();
            looping.set(p.x(), p.y(), p.heading(), p.distanceFromCenter(), p.isLeftOfCenter(), p.progress(),
                    p.speed(), p.steeringAngle(), 99, p.trackWidth(), p.closestWaypointPrev(),
                    p.closestWaypointNext(), p.projectionDistance(), p.wheelsOnTrack());
            long t0 = System.nanoTime();
            RewardScriptException e = assertThrows(RewardScriptException.class, () -> r.reward(looping));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(RewardScriptException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertTrue(ms < 300 + 3000, "stopped after " + ms + " ms");
            assertEquals(2.0, r.reward(p));
        }
    }

    @Test
    void loopThatResistsInterruptIsCancelledAndTheContextRecreated() throws IOException {
        try (PythonReward r = load("""
                calls = 0
                def reward_function(params):
                    global calls
                    calls += 1
                    if params['steps'] == 99:
                        try:
                            while True:
                                pass
                        finally:
                            while True:  # runs again while being interrupted
                                pass
                    return float(calls)
                """, Duration.ofMillis(300))) {
            RewardParams p = States.onTrack();
            assertEquals(1.0, r.reward(p));
            RewardParams looping = p.copy();
            looping.set(p.x(), p.y(), p.heading(), p.distanceFromCenter(), p.isLeftOfCenter(), p.progress(),
                    p.speed(), p.steeringAngle(), 99, p.trackWidth(), p.closestWaypointPrev(),
                    p.closestWaypointNext(), p.projectionDistance(), p.wheelsOnTrack());
            long t0 = System.nanoTime();
            RewardScriptException e = assertThrows(RewardScriptException.class, () -> r.reward(looping));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("resisting loop: " + e.getMessage() + " after " + ms + " ms");
            assertEquals(RewardScriptException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertTrue(ms < 300 + 5000, "stopped after " + ms + " ms");
            double next = r.reward(p); // 1.0 on a fresh context, 3.0 if the interrupt did stop it
            assertTrue(next == 1.0 || next == 3.0, "usable afterwards: " + next);
        }
    }

    @Test
    void endlessLoopAtImportIsStopped() throws IOException {
        Duration saved = PythonReward.MIN_LOAD_BUDGET;
        PythonReward.MIN_LOAD_BUDGET = Duration.ofMillis(1500);
        try {
            RewardScriptException e = assertThrows(RewardScriptException.class,
                    () -> load("while True:\n    pass\ndef reward_function(params):\n    return 1.0\n",
                            Duration.ofMillis(200)).close());
            assertEquals(RewardScriptException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("at import"), e.getMessage());
        } finally {
            PythonReward.MIN_LOAD_BUDGET = saved;
        }
    }

    static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
