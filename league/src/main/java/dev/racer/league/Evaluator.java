package dev.racer.league;

import dev.racer.io.AtomicFiles;
import dev.racer.io.FileTrees;
import dev.racer.race.RaceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation workers: a pool of threads in the server that claim submissions from the database queue, race
 * them with the league's time limit, and store results and sim-traces. In a head-to-model league the worker that
 * claimed a submission races its whole heat ({@link HeadToModelRunner}) and stores it with the ratings in the
 * transaction that marks the submission done. A claim is a lease renewed by a heartbeat;
 * a submission whose worker died (server killed) is raced again when its lease expires, or at once when the
 * server restarts ({@link Store#requeueRunning()}).
 */
final class Evaluator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    /** the traces folder's sub-folder of heats' traces: {@code heats/HEAT/SUBMISSION.csv} */
    static final String HEAT_TRACES = "heats";

    private final Store store;
    private final HeatStore heats;
    private final RaceRunner runner;
    private final HeadToModelRunner headToModel;
    private final Path modelsDir;
    private final Path tracesDir;
    private final Path tmpDir;
    private final int workers;
    private final long leaseMs;
    private final String instance = Tokens.randomId(4);
    private final List<Thread> threads = new ArrayList<>();
    private final ExecutorService races;
    private final ScheduledExecutorService heartbeats;
    private final Object signal = new Object();
    private final AtomicLong raced = new AtomicLong();
    private volatile boolean running;

    Evaluator(Store store, RaceRunner runner, HeadToModelRunner headToModel, Path modelsDir, Path tracesDir,
              Path tmpDir, int workers, long leaseMs) {
        this.tmpDir = tmpDir;
        this.store = store;
        this.heats = new HeatStore(store.database());
        this.runner = runner;
        this.headToModel = headToModel;
        this.modelsDir = modelsDir;
        this.tracesDir = tracesDir;
        this.workers = workers;
        this.leaseMs = leaseMs;
        this.races = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "league-race");
            t.setDaemon(true);
            return t;
        });
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "league-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        running = true;
        for (int i = 0; i < workers; i++) {
            String id = instance + "-w" + i;
            Thread t = new Thread(() -> loop(id), "league-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Tells idle workers a submission is waiting. */
    void wakeUp() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    long raced() {
        return raced.get();
    }

    private void loop(String worker) {
        while (running) {
            try {
                Optional<Store.Claim> c = store.claim(worker, leaseMs);
                if (c.isPresent()) {
                    evaluate(worker, c.get());
                } else {
                    synchronized (signal) {
                        signal.wait(500);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warn("league worker {}: {}", worker, Database.rootMessage(e));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** A race's result, ready to be stored: true if stored, false if the claim was lost meanwhile. */
    private interface Commit {
        boolean store() throws Exception;
    }

    private void evaluate(String worker, Store.Claim claim) throws Exception {
        String id = claim.id();
        Optional<Store.League> league = store.getLeague(claim.leagueId());
        Path modelDir = modelsDir.resolve(id);
        if (league.isEmpty() || !Files.isDirectory(modelDir)) {
            store.fail(id, worker, league.isEmpty() ? "the league no longer exists" : "the model files are missing on the server");
            return;
        }
        LeagueRules rules = league.get().rules();
        Path tmpTrace = tmpDir.resolve(id + ".trace-" + worker + ".csv"); // the server empties tmp/ when it starts
        Path tmpHeat = tmpDir.resolve(id + ".heat-" + worker);
        java.util.concurrent.atomic.AtomicReference<Future<?>> race = new java.util.concurrent.atomic.AtomicReference<>();
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                if (!store.heartbeat(id, worker, leaseMs)) {
                    LOG.warn("lost the claim on {} (its lease ran out); another worker races it", id);
                    Future<?> f = race.get();
                    if (f != null) {
                        f.cancel(true);
                    }
                }
            } catch (Exception e) {
                LOG.warn("heartbeat for {}: {}", id, Database.rootMessage(e));
            }
        }, leaseMs / 3, leaseMs / 3, TimeUnit.MILLISECONDS);
        long limitNanos = TimeUnit.SECONDS.toNanos(rules.timeLimitSeconds());
        long deadline = System.nanoTime() + limitNanos;
        Callable<Commit> job = rules.raceType() == RaceType.HEAD_TO_MODEL
                ? () -> heat(id, worker, league.get(), tmpHeat, deadline)
                : () -> {
                    RaceOutcome o = runner.race(modelDir, rules, tmpTrace, deadline);
                    return () -> {
                        Path trace = tracesDir.resolve(id + ".csv");
                        AtomicFiles.move(tmpTrace, trace);
                        boolean stored = store.finish(id, worker, o, trace.getFileName().toString());
                        if (stored) {
                            LOG.info("raced {}: {} laps, {} ms, {}", id, o.lapsCompleted(), o.totalMs(), o.endReason());
                        }
                        return stored;
                    };
                };
        Future<Commit> f = races.submit(job);
        race.set(f);
        try {
            Commit c = f.get(limitNanos + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
            if (c.store()) {
                raced.incrementAndGet();
            }
        } catch (java.util.concurrent.CancellationException e) {
            LOG.info("race of {} cancelled: the claim was lost", id);
        } catch (TimeoutException e) {
            f.cancel(true);
            store.fail(id, worker, "the evaluation ran past the league's time limit of " + rules.timeLimitSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            String msg;
            if (t instanceof RaceRunner.RaceTimeoutException) {
                msg = "the evaluation ran past the league's time limit of " + rules.timeLimitSeconds() + " s";
            } else if (t instanceof IllegalArgumentException) {
                msg = "the model cannot be raced: " + String.valueOf(t.getMessage()).replace(modelDir.toString(), "the model folder");
            } else {
                msg = "the race failed: " + Database.rootMessage(t);
                LOG.warn("race of {} failed", id, t);
            }
            store.fail(id, worker, msg);
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } finally {
            beat.cancel(false);
            Files.deleteIfExists(tmpTrace);
            FileTrees.deleteQuietly(tmpHeat);
        }
    }

    /**
     * Races submission {@code id}'s heat ({@link HeadToModelRunner}) into {@code tmpHeat}; its commit moves the
     * traces to {@code traces/heats/ID/} and stores the result, the heat and the ratings in one transaction.
     */
    private Commit heat(String id, String worker, Store.League league, Path tmpHeat, long deadline) throws Exception {
        String racerId = store.getSubmission(id).orElseThrow().racerId();
        LeagueRules rules = league.rules();
        List<HeatStore.Entry> others = heats.opponents(league.id(), racerId, rules.heatSize() - 1);
        FileTrees.deleteQuietly(tmpHeat);
        Files.createDirectories(tmpHeat);
        HeadToModelRunner.Result r = headToModel.race(id, league.id(), rules, others, tmpHeat, deadline);
        return () -> {
            Path dir = tracesDir.resolve(HEAT_TRACES).resolve(r.heat().id());
            Files.createDirectories(dir.getParent());
            FileTrees.deleteQuietly(dir); // a heat raced before its worker died, never stored
            AtomicFiles.move(tmpHeat, dir);
            boolean stored = heats.finish(id, worker, r.outcome(), r.heat());
            if (stored) {
                LOG.info("raced heat {}: {} car(s), {} not raced, winner {}", r.heat().id(), r.heat().cars().size(),
                        r.heat().notRaced().size(), r.heat().cars().get(0).submissionId());
            }
            return stored;
        };
    }

    @Override
    public void close() {
        running = false;
        wakeUp();
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        races.shutdownNow();
        heartbeats.shutdownNow();
    }
}
