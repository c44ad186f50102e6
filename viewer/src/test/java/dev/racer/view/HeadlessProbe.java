package dev.racer.view;

import dev.racer.car.CarSpec;
import dev.racer.render.Cameras;
import dev.racer.render.TrackScene;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import java.nio.file.Path;

/** Manual probe: writes a screenshot from each camera to /tmp/vw. */
public final class HeadlessProbe {
    public static void main(String[] args) throws Exception {
        TrackGeometry geo = TrackGeometry.of(TrackLibrary.standard().get("reinvent_base"), false);
        try (HeadlessRenderer r = HeadlessRenderer.open(TrackScene.of(geo), CarSpec.DEFAULT, 800, 600)) {
            System.out.println(r.describe());
            ViewState s = new ViewState();
            s.x = geo.centerX(0);
            s.y = geo.centerY(0);
            s.yaw = Math.atan2(geo.centerY(1) - s.y, geo.centerX(1) - s.x);
            s.steering = 0.3;
            for (Cameras.Mode m : Cameras.Mode.values()) {
                HeadlessRenderer.writePng(r.image(s, m, true), Path.of("/tmp/vw/gl_" + m + ".png"));
            }
        }
    }
}
