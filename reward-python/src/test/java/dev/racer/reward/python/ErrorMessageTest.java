package dev.racer.reward.python;

import dev.racer.io.Jsons;
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

/** Each mistake in a reward file gets its own message, naming the file and line, in Python's words. */
class ErrorMessageTest {
    /**
     * None of these tests is about the time budget: a generous one, so that a loaded machine (a cold GraalPy
     * formatting its first traceback took over 2 s while other builds ran) cannot turn a message test into a
     * budget failure.
     */
    private static final Duration CALL_BUDGET = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("my_reward.py"), text);
    }

    RewardScriptException loadFails(String text) throws IOException {
        Path f = write(text);
        RewardScriptException e = assertThrows(RewardScriptException.class,
                () -> new PythonReward(f, CALL_BUDGET).close());
        System.out.println(e.kind() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("my_reward.py"), e.getMessage());
        assertFalse(e.getMessage().contains("org.graalvm"), e.getMessage());
        return e;
    }

    RewardScriptException callFails(String text) throws IOException {
        try (PythonReward r = new PythonReward(write(text), CALL_BUDGET)) {
            RewardScriptException e = assertThrows(RewardScriptException.class, () -> r.reward(States.onTrack()));
            System.out.println(e.kind() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("my_reward.py"), e.getMessage());
            assertFalse(e.getMessage().contains("org.graalvm"), e.getMessage());
            return e;
        }
    }

    @Test
    void syntaxErrorNamesFileLineAndPythonMessage() throws IOException {
        RewardScriptException e = loadFails("""
                def reward_function(params):
                    if params['speed'] > 1
                        return 1.0
                    return 0.5
                """);
        assertEquals(RewardScriptException.Kind.SYNTAX, e.kind());
        // GraalPy's parser reports the token after the missing colon (line 3); CPython says line 2
        assertTrue(e.getMessage().matches("(?s).*my_reward.py, line [23], column \\d+: SyntaxError: expected ':'.*"),
                e.getMessage());
    }

    @Test
    void indentationError() throws IOException {
        RewardScriptException e = loadFails("def reward_function(params):\nreturn 1.0\n");
        assertEquals(RewardScriptException.Kind.SYNTAX, e.kind());
        assertTrue(e.getMessage().contains("IndentationError"), e.getMessage());
    }

    @Test
    void exceptionNamesFileLineFunctionAndMessage() throws IOException {
        RewardScriptException e = callFails("""
                def helper(x):
                    return 1 / x

                def reward_function(params):
                    return helper(params['steps'] * 0)
                """);
        assertEquals(RewardScriptException.Kind.EXCEPTION, e.kind());
        assertTrue(e.getMessage().contains("my_reward.py, line 2, in helper: ZeroDivisionError"), e.getMessage());
        assertTrue(e.getMessage().contains("return 1 / x"), e.getMessage());
        assertTrue(e.getMessage().contains("called from line 5, in reward_function"), e.getMessage());
    }

    @Test
    void misspelledKeySuggestsTheRightOne() throws IOException {
        RewardScriptException e = callFails("def reward_function(params):\n    return params['distance_from_centre']\n");
        assertTrue(e.getMessage().contains("KeyError"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'distance_from_center'"), e.getMessage());
    }

    @Test
    void exceptionAtImport() throws IOException {
        RewardScriptException e = loadFails("import numpy as np\ndef reward_function(params):\n    return 1.0\n");
        assertEquals(RewardScriptException.Kind.EXCEPTION, e.kind());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("--backend cpython"), e.getMessage());
    }

    @Test
    void missingRewardFunction() throws IOException {
        RewardScriptException e = loadFails("def my_reward(params):\n    return 1.0\n");
        assertEquals(RewardScriptException.Kind.MISSING_FUNCTION, e.kind());
        assertTrue(e.getMessage().contains("no reward_function(params)"), e.getMessage());
        assertTrue(e.getMessage().contains("my_reward()"), e.getMessage());
    }

    @Test
    void wrongSignature() throws IOException {
        RewardScriptException none = loadFails("def reward_function():\n    return 1.0\n");
        assertEquals(RewardScriptException.Kind.SIGNATURE, none.kind());
        assertTrue(none.getMessage().contains("exactly one argument"), none.getMessage());
        assertTrue(none.getMessage().contains("reward_function()"), none.getMessage());
        RewardScriptException two = loadFails("def reward_function(params, extra):\n    return 1.0\n");
        assertEquals(RewardScriptException.Kind.SIGNATURE, two.kind());
        assertTrue(two.getMessage().contains("reward_function(params, extra)"), two.getMessage());
        // a default or *args is fine
        try (PythonReward r = new PythonReward(write("def reward_function(params, k=2):\n    return float(k)\n"),
                CALL_BUDGET)) {
            assertEquals(2.0, r.reward(States.onTrack()));
        }
    }

    @Test
    void nonNumberReturns() throws IOException {
        RewardScriptException none = callFails("def reward_function(params):\n    reward = 1.0\n");
        assertEquals(RewardScriptException.Kind.NOT_A_NUMBER, none.kind());
        assertTrue(none.getMessage().contains("returned None"), none.getMessage());
        RewardScriptException str = callFails("def reward_function(params):\n    return 'high'\n");
        assertEquals(RewardScriptException.Kind.NOT_A_NUMBER, str.kind());
        assertTrue(str.getMessage().contains("str 'high', not a number"), str.getMessage());
    }

    @Test
    void nanInfinityAndOutOfRange() throws IOException {
        assertEquals(RewardScriptException.Kind.BAD_VALUE,
                callFails("def reward_function(params):\n    return float('nan')\n").kind());
        assertEquals(RewardScriptException.Kind.BAD_VALUE,
                callFails("def reward_function(params):\n    return float('inf')\n").kind());
        RewardScriptException big = callFails("def reward_function(params):\n    return 2e5\n");
        assertEquals(RewardScriptException.Kind.BAD_VALUE, big.kind());
        assertTrue(big.getMessage().contains("[-1e5, 1e5]"), big.getMessage());
        // ints and bools-as-numbers work as DeepRacer's float() does
        try (PythonReward r = new PythonReward(write("def reward_function(params):\n    return 3\n"), CALL_BUDGET)) {
            assertEquals(3.0, r.reward(States.onTrack()));
        }
    }

    @Test
    void invisibleCharactersAreNamedBeforeRunning() throws IOException {
        RewardScriptException zwsp = loadFails("def reward_function(params):\n    return\u200B 1.0\n");
        assertEquals(RewardScriptException.Kind.INVISIBLE_CHARACTER, zwsp.kind());
        assertTrue(zwsp.getMessage().contains("line 2, column 11: U+200B ZERO WIDTH SPACE"), zwsp.getMessage());
        RewardScriptException nbsp = loadFails("def reward_function(params):\n\u00A0   return 1.0\n");
        assertTrue(nbsp.getMessage().contains("line 2, column 1: U+00A0 NO-BREAK SPACE"), nbsp.getMessage());
        RewardScriptException bom = loadFails("x = 1\n\uFEFFdef reward_function(params):\n    return 1.0\n");
        assertTrue(bom.getMessage().contains("U+FEFF ZERO WIDTH NO-BREAK SPACE"), bom.getMessage());
        RewardScriptException quote = loadFails("def reward_function(params):\n    return params[\u2018speed\u2019]\n");
        assertTrue(quote.getMessage().contains("U+2018 LEFT SINGLE QUOTATION MARK"), quote.getMessage());
    }

    @Test
    void invisibleCharactersInStringsAndCommentsAndALeadingBomAreFine() throws IOException {
        try (PythonReward r = new PythonReward(write("\uFEFF# caf\u00A0\u200B\ndef reward_function(params):\n"
                + "    s = '\u200B'\n    return float(len(s))\n"), CALL_BUDGET)) {
            assertEquals(1.0, r.reward(States.onTrack()));
        }
    }

    @Test
    void moduleStatePersistsAcrossCalls() throws IOException {
        try (PythonReward r = new PythonReward(write("""
                history = []
                def reward_function(params):
                    history.append(params['steering_angle'])
                    return float(len(history))
                """), CALL_BUDGET)) {
            RewardParams p = States.onTrack();
            assertEquals(1.0, r.reward(p));
            assertEquals(2.0, r.reward(p));
            assertEquals(3.0, r.reward(p));
        }
    }

    @Test
    void paramsDictMatchesToMapAndSerialisesAsJson() throws IOException {
        RewardParams p = States.onTrack();
        String expected = Jsons.mapper().writeValueAsString(p.toMap());
        try (PythonReward r = new PythonReward(write("import json\nEXPECTED = json.loads(" + SandboxTest.pyString(expected)
                + ")\n" + """
                def reward_function(params):
                    got = json.loads(json.dumps(params))
                    assert list(got) == list(EXPECTED), (list(got), list(EXPECTED))
                    for k, v in EXPECTED.items():
                        assert type(params[k]) is type(v), (k, type(params[k]), type(v))
                        assert got[k] == v, (k, got[k], v)
                    return 7.0
                """), CALL_BUDGET)) {
            assertEquals(7.0, r.reward(p));
        }
    }

    @Test
    void paramsDictMatchesToMapAndSerialisesAsJsonWithObjects() throws IOException {
        RewardParams p = States.withObjects();
        org.junit.jupiter.api.Assertions.assertEquals(3, p.objectCount());
        String expected = Jsons.mapper().writeValueAsString(p.toMap());
        try (PythonReward r = new PythonReward(write("import json\nEXPECTED = json.loads(" + SandboxTest.pyString(expected)
                + ")\n" + """
                def reward_function(params):
                    got = json.loads(json.dumps(params))
                    assert list(got) == list(EXPECTED), (list(got), list(EXPECTED))
                    for k, v in EXPECTED.items():
                        assert type(params[k]) is type(v), (k, type(params[k]), type(v))
                        assert got[k] == v, (k, got[k], v)
                    return 7.0
                """), CALL_BUDGET)) {
            assertEquals(7.0, r.reward(p));
        }
    }
}
