package dev.racer.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every route of DeepRacer's simulator is built in and passes validation. */
class AllRoutesTest {

    @Test
    void everyClosedSimappRouteIsBuiltInAndValid() {
        TrackLibrary lib = TrackLibrary.builtIn();
        List<String> ids = lib.builtInIds();
        assertEquals(126, ids.size(), "127 route files less the open Straight_track");
        List<String> bad = new ArrayList<>();
        for (String id : ids) {
            try {
                lib.load(id);
            } catch (TrackException e) {
                bad.add(e.getMessage());
            }
        }
        assertTrue(bad.isEmpty(), () -> bad.size() + " refused:\n" + String.join("\n", bad));
    }
}
