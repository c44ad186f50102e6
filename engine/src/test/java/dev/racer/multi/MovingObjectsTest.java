package dev.racer.multi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import dev.racer.world.WorldObjects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link WorldObjects#update} keeps the values {@link WorldObjects#prepare} computes, for moving cars. */
class MovingObjectsTest {
    @Test
    void updateAgreesWithPrepareOnRealTracks() {
        for (String id : new String[] {"reinvent_base", "Oval_track"}) {
            for (boolean reversed : new boolean[] {false, true}) {
                TrackGeometry g = TrackGeometry.of(TrackLibrary.standard().get(id), reversed);
                SplittableRandom rnd = new SplittableRandom(id.hashCode());
                WorldObjects moved = new WorldObjects(4), fresh = new WorldObjects(4);
                moved.resize(4);
                fresh.resize(4);
                Projection p = new Projection();
                for (int i = 0; i < 4; i++) {
                    moved.set(i, 0, 0, 0, 0.32352, 0.1961, 0);
                }
                moved.prepare(g);
                for (int round = 0; round < 300; round++) {
                    for (int i = 0; i < 4; i++) {
                        double along = rnd.nextDouble() * g.length();
                        double yaw = g.headingAt(along, p);
                        double lateral = (rnd.nextDouble() - 0.5) * 1.2; // across the road and off it, both sides
                        double x = p.x - lateral * Math.sin(yaw), y = p.y + lateral * Math.cos(yaw);
                        moved.update(i, x, y, yaw, 0.5);
                        fresh.set(i, x, y, yaw, 0.32352, 0.1961, 0.5);
                    }
                    fresh.prepare(g);
                    for (int i = 0; i < 4; i++) {
                        String at = id + (reversed ? " reversed" : "") + " round " + round + " object " + i;
                        assertEquals(fresh.pdist(i), moved.pdist(i), 1e-12, at);
                        assertEquals(fresh.centerDistance(i), moved.centerDistance(i), 1e-12, at);
                        assertEquals(fresh.leftOfCenter(i), moved.leftOfCenter(i), at);
                    }
                }
            }
        }
    }
}
