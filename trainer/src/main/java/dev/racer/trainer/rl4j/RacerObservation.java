package dev.racer.trainer.rl4j;

import org.deeplearning4j.rl4j.space.Encodable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** An observation for RL4J: a copy of the sensor's floats. */
public final class RacerObservation implements Encodable {
    private final float[] values;

    public RacerObservation(float[] values) {
        this.values = values.clone();
    }

    @Override
    public double[] toArray() {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    @Override
    public boolean isSkipped() {
        return false;
    }

    @Override
    public INDArray getData() {
        return Nd4j.create(values, new long[] {1, values.length}, 'c');
    }

    @Override
    public Encodable dup() {
        return new RacerObservation(values);
    }
}
