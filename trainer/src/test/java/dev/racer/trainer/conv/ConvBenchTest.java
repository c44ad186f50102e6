package dev.racer.trainer.conv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.trainer.ppo.SameDiffConvBench;
import org.junit.jupiter.api.Test;

/** Both backends of {@code racer bench conv} run briefly and report positive, finite figures (no timing bars). */
class ConvBenchTest {
    private static void positive(double v, String what) {
        assertTrue(v > 0 && Double.isFinite(v), what + " = " + v);
    }

    @Test
    void plainJavaReportsPositiveFigures() {
        ConvBench.Result r = ConvBench.run("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 5, 2, 4, 2, 0.05);
        positive(r.forwardPerSecond(), "forward");
        positive(r.forwardPerCpuSecond(), "forward per CPU-second");
        positive(r.updatePerSecond(), "update");
        positive(r.updatePerCpuSecond(), "update per CPU-second");
    }

    @Test
    void sameDiffReportsPositiveFiguresInBothLayouts() {
        for (SameDiffConvBench.Layout layout : SameDiffConvBench.Layout.values()) {
            boolean nchw = layout == SameDiffConvBench.Layout.NCHW; // NHWC also without the array cache and helpers
            SameDiffConvBench.Result r = SameDiffConvBench.run("DEEP_CONVOLUTIONAL_NETWORK_SHALLOW", 1, 5, 2, 4, 2,
                    layout, nchw, nchw, 0.05);
            positive(r.forwardPerSecond(), layout + " forward");
            positive(r.forwardPerCpuSecond(), layout + " forward per CPU-second");
            positive(r.updatePerSecond(), layout + " update");
            positive(r.updatePerCpuSecond(), layout + " update per CPU-second");
            assertTrue(r.nd4j().contains("backend"), r.nd4j());
        }
    }
}
