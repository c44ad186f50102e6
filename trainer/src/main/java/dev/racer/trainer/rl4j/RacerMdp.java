package dev.racer.trainer.rl4j;

import dev.racer.race.EpisodeStatus;
import dev.racer.race.RacingEnv;
import dev.racer.race.ResetOptions;
import dev.racer.race.StepResult;
import dev.racer.reward.RewardFunction;
import dev.racer.sensor.Sensor;
import dev.racer.trainer.EnvSpec;
import dev.racer.space.ActionSpace;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;

/**
 * Racer's environment behind RL4J's {@link MDP}: a discrete action space (the model's action list), the
 * model's sensor as the observation. Episodes start round-robin round the track as in PPO training (the
 * environment's own {@link ResetOptions#roundRobin}, one environment per instance reused for every episode); each
 * instance ({@link #newInstance()} for RL4J's async threads) loads its own reward function and reports each
 * finished episode to a shared sink.
 */
public final class RacerMdp implements MDP<RacerObservation, Integer, DiscreteSpace> {

    /** One finished episode. */
    public record EpisodeResult(long episode, int steps, double reward, double progress, EpisodeStatus status) {
    }

    private final EnvSpec env;
    private final ActionSpace.Discrete actions;
    private final java.util.function.Supplier<Sensor> sensors;
    private final long seed;
    private final AtomicLong episodes;
    private final Consumer<EpisodeResult> sink;
    private final RewardFunction reward;
    private final Sensor sensor;
    private final DiscreteSpace actionSpace;
    private final ObservationSpace<RacerObservation> observationSpace;
    private final RacingEnv racing;
    private long episode;
    private double total;
    private boolean done = true;

    public RacerMdp(EnvSpec env, ActionSpace.Discrete actions, java.util.function.Supplier<Sensor> sensors, long seed,
                    AtomicLong episodes, Consumer<EpisodeResult> sink) {
        this.env = env;
        this.actions = actions;
        this.sensors = sensors;
        this.seed = seed;
        this.episodes = episodes;
        this.sink = sink;
        this.reward = env.loadReward();
        this.sensor = sensors.get();
        this.actionSpace = new DiscreteSpace(actions.size());
        this.observationSpace = new ArrayObservationSpace<>(new int[] {sensor.size()});
        this.racing = env.newEnv(reward, sensor, actions);
    }

    @Override
    public ObservationSpace<RacerObservation> getObservationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actionSpace;
    }

    @Override
    public RacerObservation reset() {
        episode = episodes.getAndIncrement();
        total = 0;
        done = false;
        return new RacerObservation(racing.reset(EnvSpec.mix(seed, episode), ResetOptions.roundRobin(episode))
                .observation());
    }

    @Override
    public StepReply<RacerObservation> step(Integer action) {
        StepResult r = racing.step(action.intValue()); // decoded by the environment's action space
        total += r.reward();
        done = r.done();
        if (done) {
            sink.accept(new EpisodeResult(episode, racing.steps(), total, r.params().progress(), r.status()));
        }
        return new StepReply<>(new RacerObservation(r.observation()), r.reward(), done, null);
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void close() {
        reward.close();
    }

    @Override
    public RacerMdp newInstance() {
        return new RacerMdp(env, actions, sensors, seed, episodes, sink);
    }
}
