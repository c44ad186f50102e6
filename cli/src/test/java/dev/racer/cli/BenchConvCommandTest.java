package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchConvCommandTest {
    private static String run(int expectedRc, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Racer.run(args);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        if (expectedRc == 0) {
            assertEquals(0, rc, out);
        } else {
            assertNotEquals(0, rc, out);
        }
        return out;
    }

    @Test
    void sameDiffBackendPrintsBothFiguresAndTheNativeBuild() {
        String out = run(0, "bench", "conv", "--backend", "samediff", "--threads", "1", "--minibatch", "4",
                "--seconds", "0.05");
        assertTrue(out.contains("native build linux-x86_64"), out);
        assertTrue(out.contains("frames per CPU-second") && out.contains("frame-epochs per CPU-second"), out);
    }

    @Test
    void unknownBackendIsRefused() {
        run(2, "bench", "conv", "--backend", "torch");
    }
}
