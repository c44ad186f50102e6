package dev.racer.plot;

import dev.racer.sensor.CarView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.EnvConfig;
import dev.racer.race.PurePursuitDriver;
import dev.racer.race.TimeTrial;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialResult;
import dev.racer.sensor.Sensor;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LapPlotTest {

    /** Pure pursuit that swerves off the track twice. */
    static final class Swerving implements Driver {
        final PurePursuitDriver pp = new PurePursuitDriver();
        int acts;
        int putBacks;
        int sinceBack;

        @Override public String name() { return "swerving"; }
        @Override public Sensor newSensor() { return Sensor.none(); }
        @Override public void reset(CarView env) { pp.reset(env); }

        @Override
        public Control act(CarView env, float[] observation) {
            acts++;
            if (acts > 1 && env.carSpeed() == 0) {
                putBacks++;
                sinceBack = 0;
            }
            sinceBack++;
            boolean swerve = (putBacks == 0 && acts >= 50) || (putBacks == 1 && sinceBack >= 150);
            return swerve ? new Control(-30, 3) : pp.act(env, observation);
        }
    }

    @Test
    void drawsTheLapsAndMarksTheOffTracks() throws Exception {
        Track track = new TrackLibrary(Path.of("target/no-user-tracks")).get("reinvent_base");
        LapPlot plot = new LapPlot(TrackGeometry.of(track, false));
        TrialResult r = new TimeTrial(track, EnvConfig.DEFAULT, TimeTrialConfig.DEFAULT)
                .run(new Swerving(), 0, plot.observer());
        assertEquals(2, r.offTracks());
        assertEquals(2, plot.incidents().size());
        plot.title("swerving on reinvent_base").note("lap 1  ...");
        Path file = Path.of("target/test-pictures/laps-offtrack.png");
        plot.write(file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(1600, img.getWidth());
        // the off-track crosses are drawn in red
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth() - 300; x++) {
                int rgb = img.getRGB(x, y);
                if ((rgb & 0xFFFFFF) == 0xD7191C) {
                    red++;
                }
            }
        }
        assertTrue(red > 20, "red pixels of the off-track marks: " + red);
        try (var s = Files.list(file.getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void speedColoursRunFromBlueToRed() {
        var slow = LapPlot.speedColor(0.05);
        var fast = LapPlot.speedColor(0.95);
        assertTrue(slow.getBlue() > slow.getRed(), "slow is blue: " + slow);
        assertTrue(fast.getRed() > fast.getBlue(), "fast is red: " + fast);
    }
}
