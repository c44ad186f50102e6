package dev.racer.race;

import dev.racer.car.Control;
import dev.racer.sensor.CarView;
import dev.racer.sensor.Sensor;

/**
 * A {@link Driver} that hands every call to another one: subclasses override what they add (a deadline check,
 * a fault to inject) and leave the rest, so that no wrapper forgets to pass on {@link #lastAction} or
 * {@link #close}.
 */
public abstract class ForwardingDriver implements Driver {
    /** The driver the calls go to. */
    protected final Driver delegate;

    protected ForwardingDriver(Driver delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Sensor newSensor() {
        return delegate.newSensor();
    }

    @Override
    public void reset(CarView car) {
        delegate.reset(car);
    }

    @Override
    public Control act(CarView car, float[] observation) {
        return delegate.act(car, observation);
    }

    @Override
    public int lastAction() {
        return delegate.lastAction();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
