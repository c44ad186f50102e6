package dev.racer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarSpec;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import dev.racer.world.TrackObject;
import dev.racer.world.WorldObjects;
import org.junit.jupiter.api.Test;

class BoxRenderTest {
    @Test
    void aBoxAheadCoversTheMiddleOfTheFrameAndNothingElseChanges() {
        TrackGeometry g = TrackGeometry.of(TrackLibrary.standard().get("reinvent_base"), false);
        TrackScene scene = TrackScene.of(g);
        Projection p = new Projection();
        double yaw = g.headingAt(0, p);
        double x = p.x, y = p.y;
        WorldObjects o = new WorldObjects(1);
        o.resize(1);
        o.set(0, TrackObject.box(x + 0.8 * Math.cos(yaw), y + 0.8 * Math.sin(yaw), yaw));
        SceneRenderer r = new SceneRenderer(160, 120, CarSpec.DEFAULT);
        Cameras.onboard(r.viewProj(), x, y, yaw, 0, r.aspect());
        int[] plain = r.render(scene, false, false, x, y, yaw, 0).clone();
        Cameras.onboard(r.viewProj(), x, y, yaw, 0, r.aspect());
        int[] boxed = r.render(scene, o, false, false, x, y, yaw, 0);
        int changed = 0, brown = 0;
        double colSum = 0;
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] != boxed[i]) {
                changed++;
                colSum += i % 160;
                int c = boxed[i];
                brown += c == BoxModel.BROWN || c == BoxModel.TOP || c == Mesh.shade(BoxModel.BROWN, 0.7)
                        || c == Mesh.shade(BoxModel.BROWN, 0.85) ? 1 : 0;
            }
        }
        assertTrue(changed > 200, "the box covers part of the frame: " + changed + " pixels");
        assertEquals(changed, brown, "every changed pixel is a box face");
        // straight ahead: the box's pixels are centred left to right
        assertEquals(79.5, colSum / changed, 4.0);
    }
}
