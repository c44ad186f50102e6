package dev.racer.cli;

import dev.racer.league.LeagueClient;
import dev.racer.league.LeagueConfig;
import dev.racer.league.LeagueServer;
import dev.racer.league.RaceRunner;
import dev.racer.league.api.LeagueApi;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A benchmark, not part of the league: the league under load: a server on loopback, {@code submissions} uploads sent at once by {@code racers} racers,
 * the leaderboard read in a loop meanwhile. Reports races per minute and leaderboard read latency, and checks that
 * every accepted submission was raced (none lost) and every racer is ranked.
 */
final class LeagueBench {

    /** What the benchmark measured. */
    public record Result(int submitted, int accepted, int done, int failed, int ranked, double seconds,
                         double racesPerMinute, int reads, double p50Ms, double p95Ms, double maxMs) {
        public boolean noneLost() {
            return accepted == submitted && done + failed == accepted;
        }

        public void print(PrintStream out, int workers) {
            out.printf(Locale.ROOT, "bench league: %d submissions from %d-at-once uploads, %d worker(s), %d CPU core(s)%n",
                    submitted, submitted, workers, Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "  accepted %d, raced %d, failed %d, lost %d; %d racers ranked%n",
                    accepted, done, failed, submitted - done - failed, ranked);
            out.printf(Locale.ROOT, "  all raced in %.1f s: %.1f races per minute%n", seconds, racesPerMinute);
            out.printf(Locale.ROOT, "  leaderboard reads under that load: %d, latency p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    reads, p50Ms, p95Ms, maxMs);
        }
    }

    private LeagueBench() {
    }

    /** Runs the benchmark against a fresh server on {@code cfg} (its port is ignored: a free one is taken). */
    public static Result run(LeagueConfig cfg, RaceRunner runner, byte[] modelZip, int submissions, int racers)
            throws Exception {
        LeagueConfig c = cfg.withHost("127.0.0.1").withPort(0)
                .withRateLimits(Math.max(cfg.uploadsPerMinute(), submissions), Math.max(cfg.maxPending(), submissions));
        try (LeagueServer server = runner == null ? LeagueServer.start(c)
                : LeagueServer.start(c, dev.racer.track.TrackLibrary.standard(), runner)) {
            LeagueClient client = new LeagueClient(server.url());
            String league = c.defaultLeague().id();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                tokens.add(client.register("bench racer " + i + " " + Long.toHexString(System.nanoTime() & 0xfff))
                        .as(LeagueApi.Registered.class).token());
            }
            AtomicBoolean reading = new AtomicBoolean(true);
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    long t0 = System.nanoTime();
                    try {
                        client.leaderboard(league).orThrow();
                        latencies.add((System.nanoTime() - t0) / 1e6);
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        latencies.add(Double.NaN);
                    }
                }
            }, "bench-reader");
            long t0 = System.nanoTime();
            reader.start();
            ExecutorService pool = Executors.newFixedThreadPool(submissions);
            List<Future<String[]>> sent = new ArrayList<>();
            for (int i = 0; i < submissions; i++) {
                String token = tokens.get(i % racers);
                int k = i;
                sent.add(pool.submit(() -> {
                    LeagueClient.Reply r = client.submit(league, token, "bench-" + k, modelZip);
                    return r.status() == 202 ? new String[] {r.as(LeagueApi.Submission.class).id(), token} : null;
                }));
            }
            List<String[]> accepted = new ArrayList<>();
            for (Future<String[]> f : sent) {
                String[] r = f.get();
                if (r != null) {
                    accepted.add(r);
                }
            }
            pool.shutdown();
            int done = 0, failed = 0;
            for (String[] a : accepted) {
                LeagueApi.Submission s = dev.racer.league.api.Wire.read(client.await(a[0], a[1], Duration.ofMinutes(30)),
                        LeagueApi.Submission.class);
                switch (s.status()) {
                    case DONE -> done++;
                    case FAILED -> failed++;
                    default -> { }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            reading.set(false);
            reader.join();
            int ranked = client.leaderboard(league).as(LeagueApi.Leaderboard.class).entries().size();
            List<Double> ok = latencies.stream().filter(d -> !d.isNaN()).sorted().toList();
            return new Result(submissions, accepted.size(), done, failed, ranked, seconds, (done + failed) / seconds * 60,
                    ok.size(), pct(ok, 0.5), pct(ok, 0.95), ok.isEmpty() ? Double.NaN : ok.get(ok.size() - 1));
        }
    }

    private static double pct(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }

    /** The default data folder for a throw-away benchmark server. */
    public static Path tempData() throws java.io.IOException {
        return java.nio.file.Files.createTempDirectory("racer-bench-league");
    }
}
