package dev.racer.view;

import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.PurePursuitDriver;
import dev.racer.sensor.CarView;
import dev.racer.sensor.Sensor;

/** Pure pursuit, except straight ahead at 3 m/s from its 40th action until it is first put back at rest. */
final class OffTrackOnce implements Driver {
    private final PurePursuitDriver pursuit = new PurePursuitDriver();
    private int acts;
    private boolean putBack;

    @Override
    public String name() {
        return "off-track-once";
    }

    @Override
    public Sensor newSensor() {
        return Sensor.none();
    }

    @Override
    public void reset(CarView car) {
        acts = 0;
        putBack = false;
        pursuit.reset(car);
    }

    @Override
    public Control act(CarView car, float[] observation) {
        acts++;
        putBack |= acts > 40 && car.carSpeed() == 0;
        return acts >= 40 && !putBack ? new Control(0, 3) : pursuit.act(car, observation);
    }
}
