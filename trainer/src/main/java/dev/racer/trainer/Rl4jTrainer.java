package dev.racer.trainer;

import dev.racer.trainer.model.Hyperparameters;
import dev.racer.trainer.model.ModelMetadata;
import java.util.concurrent.atomic.AtomicBoolean;

/** RL4J's DQN and A3C on Racer's environment. */
final class Rl4jTrainer {
    private Rl4jTrainer() {
    }

    static TrainSummary train(TrainSpec spec, EnvSpec env, ModelFolder folder, ModelMetadata meta, Hyperparameters hp,
                              ModelFolder.CheckpointState cp, Trainer.Listener listener, AtomicBoolean stop) {
        throw new UnsupportedOperationException(meta.trainingAlgorithm() + " is not wired in yet");
    }
}
