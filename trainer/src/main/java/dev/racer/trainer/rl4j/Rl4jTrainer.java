package dev.racer.trainer.rl4j;

import dev.racer.race.Driver;
import dev.racer.race.RaceSession;
import dev.racer.race.TrialObserver;
import dev.racer.reward.RewardFunction;
import dev.racer.sensor.Sensor;
import dev.racer.trainer.EnvSpec;
import dev.racer.trainer.Evaluation;
import dev.racer.trainer.BestCheckpoint;
import dev.racer.trainer.IterationMetrics;
import dev.racer.trainer.ModelDriverProvider;
import dev.racer.model.ModelFolder;
import dev.racer.trainer.MetricsLog;
import dev.racer.trainer.NativeRuntime;
import dev.racer.trainer.TrainSpec;
import dev.racer.trainer.TrainSummary;
import dev.racer.trainer.Trainer;
import dev.racer.space.ActionSpace;
import dev.racer.model.Hyperparameters;
import dev.racer.io.AtomicFiles;
import dev.racer.model.ModelMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.async.a3c.discrete.A3CDiscreteDense;
import org.deeplearning4j.rl4j.learning.configuration.A3CLearningConfiguration;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.ac.ActorCriticSeparate;
import org.deeplearning4j.rl4j.network.configuration.ActorCriticDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.rl4j.util.IDataManager;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * RL4J's DQN ({@link QLearningDiscreteDense}) and A3C ({@link A3CDiscreteDense}) on Racer's environment
 * ({@link RacerMdp}), writing the same model folder and metrics as clipped PPO. Every
 * {@code num_episodes_between_training} finished episodes make one "iteration" in the metrics, followed by
 * greedy evaluation episodes and a checkpoint of the network (DL4J's ModelSerializer zip).
 *
 * <p>DeepRacer's hyper-parameters map as: {@code lr} → Adam, {@code discount_factor} → gamma,
 * {@code batch_size} → DQN's replay minibatch, {@code e_greedy_value} / {@code epsilon_steps} → DQN's final
 * epsilon and its annealing steps, {@code loss_type} huber → DQN's TD-error clamp of 1.
 * A resumed run reloads the network; DQN's replay memory and epsilon schedule start afresh.
 */
public final class Rl4jTrainer {
    private static final int EVAL_EPISODES = 3;

    private Rl4jTrainer() {
    }

    public static TrainSummary train(TrainSpec spec, EnvSpec env, ModelFolder folder, ModelMetadata meta,
                                     Hyperparameters hp, ModelFolder.CheckpointState cp, Trainer.Listener listener,
                                     AtomicBoolean stop) {
        NativeRuntime.init();
        ActionSpace.Discrete actions = (ActionSpace.Discrete) meta.actionSpace();
        ConcurrentLinkedQueue<RacerMdp.EpisodeResult> finished = new ConcurrentLinkedQueue<>();
        AtomicLong episodeCounter = new AtomicLong(cp == null ? 0 : cp.episodes());
        RacerMdp mdp = new RacerMdp(env, actions, meta::newSensor, spec.seed(), episodeCounter, finished::add);
        int hiddenNodes = meta.hiddenLayers().get(0);
        int layers = meta.hiddenLayers().size();
        long startSteps = cp == null ? 0 : cp.steps();
        int maxStep = spec.steps() == null ? Integer.MAX_VALUE
                : (int) Math.min(Integer.MAX_VALUE, Math.max(1, spec.steps() - startSteps));
        int maxEpochStep = env.config().maxSteps();
        Progress progress = new Progress(spec, env, folder, meta, hp, cp, listener, stop, finished, actions);
        listener.started(spec, meta, hp, progress.iteration);
        try {
            if (meta.trainingAlgorithm().equals("dqn")) {
                QLearningConfiguration conf = QLearningConfiguration.builder()
                        .seed(spec.seed()).maxEpochStep(maxEpochStep).maxStep(maxStep)
                        .expRepMaxSize(100_000).batchSize(hp.batchSize()).targetDqnUpdateFreq(500)
                        .updateStart(Math.min(500, Math.max(1, maxStep / 10))).rewardFactor(1.0)
                        .gamma(hp.discountFactor())
                        .errorClamp(hp.lossType().equals("huber") ? 1.0 : Double.MAX_VALUE)
                        .minEpsilon(hp.eGreedyValue()).epsilonNbStep(hp.epsilonSteps()).doubleDQN(true).build();
                QLearningDiscreteDense<RacerObservation> dql;
                if (cp != null) {
                    dql = new QLearningDiscreteDense<>(mdp, DQN.load(folder.checkpointDir().resolve(cp.weights()).toString()), conf);
                } else {
                    DQNDenseNetworkConfiguration net = DQNDenseNetworkConfiguration.builder()
                            .updater(new Adam(hp.lr())).numHiddenNodes(hiddenNodes).numLayers(layers + 1).build();
                    dql = new QLearningDiscreteDense<>(mdp, net, conf);
                }
                progress.network = () -> (MultiLayerNetwork) dql.getNeuralNet().getNeuralNetworks()[0];
                dql.addListener(progress);
                dql.train();
            } else {
                A3CLearningConfiguration conf = A3CLearningConfiguration.builder()
                        .seed(spec.seed()).maxEpochStep(maxEpochStep).maxStep(maxStep)
                        .numThreads(spec.workers()).nStep(20).rewardFactor(1.0).gamma(hp.discountFactor()).build();
                A3CDiscreteDense<RacerObservation> a3c;
                if (cp != null) {
                    Path w = folder.checkpointDir().resolve(cp.weights());
                    a3c = new A3CDiscreteDense<>(mdp, ActorCriticSeparate.load(valueFile(w).toString(), w.toString()), conf);
                } else {
                    ActorCriticDenseNetworkConfiguration net = ActorCriticDenseNetworkConfiguration.builder()
                            .updater(new Adam(hp.lr())).numHiddenNodes(hiddenNodes).numLayers(layers + 1)
                            .useLSTM(false).build();
                    a3c = new A3CDiscreteDense<>(mdp, net, conf);
                }
                progress.network = () -> policyOf(a3c.getNeuralNet().getNeuralNetworks(), actions.size());
                progress.valueNetwork = () -> valueOf(a3c.getNeuralNet().getNeuralNetworks());
                a3c.addListener(progress);
                a3c.train();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint: " + e.getMessage(), e);
        } finally {
            mdp.close();
        }
        progress.flush();
        double seconds = (System.nanoTime() - progress.t0) / 1e9;
        String reason = progress.reason != null ? progress.reason
                : stop.get() ? "interrupted" : "budget";
        return new TrainSummary(folder.dir(), meta.trainingAlgorithm(), progress.iteration, progress.episodes,
                progress.steps, seconds, (progress.steps - startSteps) / Math.max(1e-9, seconds), progress.lastEval,
                reason, progress.run);
    }

    static Path valueFile(Path policyFile) {
        return policyFile.resolveSibling(policyFile.getFileName().toString().replace(".zip", "-value.zip"));
    }

    private static MultiLayerNetwork policyOf(org.deeplearning4j.nn.api.NeuralNetwork[] nets, int actions) {
        for (org.deeplearning4j.nn.api.NeuralNetwork n : nets) {
            if (n instanceof MultiLayerNetwork m && m.layerSize(m.getnLayers() - 1) == actions) {
                return m;
            }
        }
        return (MultiLayerNetwork) nets[nets.length - 1];
    }

    private static MultiLayerNetwork valueOf(org.deeplearning4j.nn.api.NeuralNetwork[] nets) {
        for (org.deeplearning4j.nn.api.NeuralNetwork n : nets) {
            if (n instanceof MultiLayerNetwork m && m.layerSize(m.getnLayers() - 1) == 1) {
                return m;
            }
        }
        return null;
    }

    /** Groups finished episodes into iterations: metrics, greedy evaluation, checkpoint; stops on budget. */
    private static final class Progress implements TrainingListener {
        final TrainSpec spec;
        final EnvSpec env;
        final ModelFolder folder;
        final ModelMetadata meta;
        final Hyperparameters hp;
        final Trainer.Listener listener;
        final AtomicBoolean stop;
        final ConcurrentLinkedQueue<RacerMdp.EpisodeResult> finished;
        final ActionSpace.Discrete actions;
        final List<RacerMdp.EpisodeResult> pending = new ArrayList<>();
        final List<IterationMetrics> run = new ArrayList<>();
        final long t0 = System.nanoTime();
        final double priorSeconds;
        final long startSteps;
        java.util.function.Supplier<MultiLayerNetwork> network;
        java.util.function.Supplier<MultiLayerNetwork> valueNetwork;
        int iteration;
        long episodes;
        long steps;
        double lastEval = Double.NaN;
        long lastIterationNanos = System.nanoTime();
        long stepsAtLastIteration;
        String reason;
        final BestCheckpoint best;

        Progress(TrainSpec spec, EnvSpec env, ModelFolder folder, ModelMetadata meta, Hyperparameters hp,
                 ModelFolder.CheckpointState cp, Trainer.Listener listener, AtomicBoolean stop,
                 ConcurrentLinkedQueue<RacerMdp.EpisodeResult> finished, ActionSpace.Discrete actions) {
            this.spec = spec;
            this.env = env;
            this.folder = folder;
            this.meta = meta;
            this.hp = hp;
            this.listener = listener;
            this.stop = stop;
            this.finished = finished;
            this.actions = actions;
            iteration = cp == null ? 0 : cp.iteration();
            episodes = cp == null ? 0 : cp.episodes();
            steps = cp == null ? 0 : cp.steps();
            priorSeconds = cp == null ? 0 : cp.elapsedSeconds();
            startSteps = steps;
            stepsAtLastIteration = steps;
            MetricsLog.truncate(folder, iteration);
            best = new BestCheckpoint(folder);
        }

        @Override
        public ListenerResponse onTrainingStart() {
            return ListenerResponse.CONTINUE;
        }

        @Override
        public void onTrainingEnd() {
        }

        @Override
        public ListenerResponse onNewEpoch(IEpochTrainer trainer) {
            return check();
        }

        @Override
        public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry statEntry) {
            return check();
        }

        @Override
        public ListenerResponse onTrainingProgress(ILearning learning) {
            return check();
        }

        synchronized ListenerResponse check() {
            RacerMdp.EpisodeResult e;
            while ((e = finished.poll()) != null) {
                pending.add(e);
                if (pending.size() >= hp.numEpisodesBetweenTraining()) {
                    iterationDone();
                }
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (stop.get()) {
                return ListenerResponse.STOP;
            }
            if (elapsed >= spec.budgetSeconds()) {
                return ListenerResponse.STOP;
            }
            if (reason != null) {
                return ListenerResponse.STOP;
            }
            return ListenerResponse.CONTINUE;
        }

        synchronized void flush() {
            RacerMdp.EpisodeResult e;
            while ((e = finished.poll()) != null) {
                pending.add(e);
            }
            if (!pending.isEmpty() && network != null) {
                iterationDone();
            }
        }

        private void iterationDone() {
            double reward = 0, progress = 0, complete = 0, len = 0;
            for (RacerMdp.EpisodeResult r : pending) {
                reward += r.reward();
                progress += r.progress();
                complete += r.status() == dev.racer.race.EpisodeStatus.LAP_COMPLETE ? 1 : 0;
                len += r.steps();
            }
            int n = pending.size();
            iteration++;
            episodes += n;
            steps += (long) len;
            pending.clear();
            long now = System.nanoTime();
            double iterSeconds = (now - lastIterationNanos) / 1e9;
            long iterSteps = steps - stepsAtLastIteration;
            lastIterationNanos = now;
            stepsAtLastIteration = steps;

            MultiLayerNetwork net = network.get().clone();
            Evaluation.Summary eval = evaluate(net);
            lastEval = eval.completionRate();
            double elapsed = (System.nanoTime() - t0) / 1e9;
            IterationMetrics m = new IterationMetrics(iteration, episodes, steps, priorSeconds + elapsed,
                    iterSteps / Math.max(1e-9, iterSeconds), reward / n, progress / n, complete / n, eval.meanProgress(),
                    eval.completionRate(), len / n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, eval.bestLap(), eval.meanLap(), eval.meanSpeed());
            run.add(m);
            MetricsLog.append(folder, m);
            String weights = String.format("model-%06d.zip", iteration);
            Path w = folder.checkpointDir().resolve(weights);
            write(net, w);
            if (valueNetwork != null && valueNetwork.get() != null) {
                write(valueNetwork.get().clone(), valueFile(w));
                write(valueNetwork.get().clone(), valueFile(folder.dl4jWeights()));
            }
            folder.commitCheckpoint(new ModelFolder.CheckpointState(iteration, episodes, steps, priorSeconds + elapsed,
                    weights));
            write(net, folder.dl4jWeights());
            best.offer(m, folder.dl4jWeights()); // the policy network only: the greedy driver needs no value network
            double frac = spec.steps() != null ? Math.min(1, (double) steps / spec.steps())
                    : Math.min(1, elapsed / spec.budgetSeconds());
            double rate = (steps - startSteps) / Math.max(1e-9, elapsed);
            double left = spec.steps() != null ? (spec.steps() - steps) / Math.max(1e-9, rate)
                    : spec.budgetSeconds() - elapsed;
            listener.iteration(m, frac, Math.max(0, Math.min(left, spec.budgetSeconds() - elapsed)));
            if (m.meanReward() >= hp.termCondAvgScore()) {
                reason = "term_cond_avg_score";
            } else if (episodes >= hp.termCondMaxEpisodes()) {
                reason = "term_cond_max_episodes";
            }
        }

        private static void write(MultiLayerNetwork net, Path file) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
                ModelSerializer.writeModel(net, tmp.toFile(), false);
                AtomicFiles.move(tmp, file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        /** Greedy one-lap races from starts spread round the lap, under {@link Evaluation#RULES}. */
        private Evaluation.Summary evaluate(MultiLayerNetwork net) {
            Sensor sensor = meta.newSensor();
            List<Evaluation.Lap> laps = new ArrayList<>(EVAL_EPISODES);
            try (RewardFunction rf = env.loadReward()) {
                INDArray in = Nd4j.create(DataType.FLOAT, 1, sensor.size());
                Driver greedy = ModelDriverProvider.driver("greedy", meta, o -> {
                    for (int i = 0; i < o.length; i++) {
                        in.putScalar(0, i, o[i]);
                    }
                    return net.output(in).toFloatVector();
                });
                RaceSession session = Evaluation.session(env.newEnv(rf, sensor, actions), greedy);
                for (int j = 0; j < EVAL_EPISODES; j++) {
                    laps.add(Evaluation.race(session, EnvSpec.mix(spec.seed(), -1 - j), env.evalRow(j, EVAL_EPISODES),
                            TrialObserver.NONE));
                }
            }
            return Evaluation.Summary.of(laps);
        }
    }
}
