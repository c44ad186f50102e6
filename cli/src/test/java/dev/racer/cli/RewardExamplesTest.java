package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every example in reward-functions/ passes {@code racer reward check}; broken files fail it. */
class RewardExamplesTest {
    static final Path EXAMPLES = Path.of("..", "reward-functions");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
            assertTrue(files.size() >= 5, "examples in " + EXAMPLES.toAbsolutePath());
            return files.stream();
        }
    }

    record Run(int exit, String out) {
    }

    static Run racer(String... args) {
        StringWriter sw = new StringWriter();
        CommandLine cl = Racer.commandLine();
        cl.setOut(new PrintWriter(sw, true));
        cl.setErr(new PrintWriter(sw, true));
        int exit = cl.execute(args);
        System.out.println(sw);
        return new Run(exit, sw.toString());
    }

    static boolean hasNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void examplePassesCheck(Path file) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.startsWith("\"\"\""), file + " starts with a header saying what it teaches");
        if (text.contains("import numpy")) {
            assumeTrue(hasNumpy(), "python3 with numpy not found");
        }
        Run r = racer("reward", "check", file.toString());
        assertEquals(0, r.exit(), r.out());
        assertFalse(r.out().contains("ERROR"), r.out());
        assertFalse(r.out().contains("WARNING: the reward is"), r.out());
        if (text.contains("import numpy")) {
            assertTrue(r.out().contains("Backend: cpython (auto: the file imports numpy)"), r.out());
            assertTrue(r.out().contains("not sandboxed"), r.out());
        } else {
            assertTrue(r.out().contains("Backend: graalpy"), r.out());
        }
    }

    @Test
    void brokenFilesFailCheckWithTheirMessage(@TempDir Path dir) throws IOException {
        Path crash = Files.writeString(dir.resolve("crash.py"), """
                def reward_function(params):
                    if params['is_offtrack']:
                        return 1 / 0
                    return 1.0
                """);
        Run r = racer("reward", "check", crash.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("crash.py, line 3, in reward_function: ZeroDivisionError"), r.out());
        Path constant = Files.writeString(dir.resolve("constant.py"), "def reward_function(params):\n    return 1.0\n");
        Run c = racer("reward", "check", constant.toString());
        assertEquals(0, c.exit(), "a constant reward is a warning, not an error");
        assertTrue(c.out().contains("WARNING: the reward is 1.0 in every state"), c.out());
        Path missing = Files.writeString(dir.resolve("missing.py"), "def reward(params):\n    return 1.0\n");
        Run m = racer("reward", "check", missing.toString());
        assertEquals(1, m.exit());
        assertTrue(m.out().contains("defines no reward_function"), m.out());
    }
}
