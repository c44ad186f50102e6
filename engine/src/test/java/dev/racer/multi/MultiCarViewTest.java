package dev.racer.multi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarSpec;
import dev.racer.car.MutableCarState;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.BorderRaySensor;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import org.junit.jupiter.api.Test;

/** Each car's own point of view in a {@link MultiCarWorld}. */
class MultiCarViewTest {
    static final TrackGeometry G = TrackGeometry.of(TrackLibrary.standard().get("reinvent_base"), false);

    @Test
    void paramsAreTheCarsOwnWithTheOtherCarAsAnObject() {
        MultiCarWorld w = new MultiCarWorld(G, CarSpec.DEFAULT, 2, BotConfig.NONE);
        w.reset(0);
        MultiCarView[] v = {new MultiCarView(w, 0), new MultiCarView(w, 1)};
        for (int i = 0; i < 2; i++) {
            v[i].reset(i);
            v[i].update(0, 0);
            RewardParams p = v[i].params();
            MutableCarState c = w.car(i), other = w.car(1 - i);
            double f = CarSpec.DEFAULT.frontPointOffset();
            assertEquals(c.x + f * Math.cos(c.yaw), p.x(), 1e-12);
            assertEquals(c.y + f * Math.sin(c.yaw), p.y(), 1e-12);
            assertEquals(4, p.wheelsOnTrack());
            assertEquals(1, p.objectCount());
            assertEquals(other.x, p.objects().locationX[0], 1e-12);
            assertEquals(other.y, p.objects().locationY[0], 1e-12);
            assertEquals(w.view(i), v[i].objects());
            assertTrue(p.distanceFromCenter() > 0.1, "in a lane, not on the centre line: " + p.distanceFromCenter());
        }
        // car 0 starts in the outer lane (right of a counter-clockwise track's centre line), car 1 in the inner
        assertTrue(G.ccw());
        assertFalse(v[0].params().isLeftOfCenter());
        assertTrue(v[1].params().isLeftOfCenter());
        assertTrue(v[1].params().objects().leftOfCenter[0] != v[0].params().objects().leftOfCenter[0]);
    }

    @Test
    void theCarBehindSeesTheCarAheadInItsBorderRays() {
        MultiCarWorld w = new MultiCarWorld(G, CarSpec.DEFAULT, 2, BotConfig.NONE);
        w.reset(0);
        MultiCarView behind = new MultiCarView(w, 1);
        behind.update(0, 0);
        BorderRaySensor sensor = new BorderRaySensor();
        float[] seen = new float[sensor.size()];
        sensor.observe(behind, seen);
        double[] bordersOnly = new double[sensor.rays()];
        MutableCarState c = w.car(1);
        double f = CarSpec.DEFAULT.frontPointOffset();
        sensor.cast(G, c.x + f * Math.cos(c.yaw), c.y + f * Math.sin(c.yaw), c.yaw,
                behind.params().closestWaypointPrev(), bordersOnly);
        int shorter = 0;
        for (int r = 0; r < sensor.rays(); r++) {
            assertTrue(seen[r] <= bordersOnly[r] / sensor.range() + 1e-6);
            if (seen[r] < bordersOnly[r] / sensor.range() - 0.05) {
                shorter++;
            }
        }
        assertTrue(shorter > 0, "some ray stops at car 0, 0.75 m ahead in the other lane");
    }
}
