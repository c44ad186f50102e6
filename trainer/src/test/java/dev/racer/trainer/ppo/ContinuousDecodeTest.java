package dev.racer.trainer.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racer.car.Control;
import dev.racer.space.ActionSpace;
import dev.racer.trainer.ModelDriverProvider;
import org.junit.jupiter.api.Test;

/** Continuous PPO actions are DeepRacer's: the Gaussian's value clipped to [-1, 1], then scaled (no tanh). */
class ContinuousDecodeTest {
    private final ActionSpace.Continuous space = new ActionSpace.Continuous(-30, 30, 0.5, 4);

    @Test
    void clipActionIsLinearInsideAndClippedOutside() {
        assertEquals(0.5, PolicyNet.clipAction(0.5));
        assertEquals(-0.25, PolicyNet.clipAction(-0.25));
        assertEquals(1, PolicyNet.clipAction(3.7));
        assertEquals(-1, PolicyNet.clipAction(-1.2));
        assertEquals(0, PolicyNet.clipAction(Double.NaN));
    }

    @Test
    void greedyActionIsTheClippedMeanScaledToTheBounds() {
        Control c = ModelDriverProvider.greedy(space, new float[] {0.5f, 3f});
        assertEquals(15, c.steeringAngle(), 1e-6);
        assertEquals(4, c.speed(), 1e-6);
        Control d = ModelDriverProvider.greedy(space, new float[] {-2f, -0.5f});
        assertEquals(-30, d.steeringAngle(), 1e-6);
        assertEquals(0.5 + 0.25 * 3.5, d.speed(), 1e-6);
    }
}
