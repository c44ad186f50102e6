package dev.racer.league;

import dev.racer.league.api.SubmissionStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database queue: one winner per claim, leases that expire, and a cap on attempts. */
class QueueTest {
    @TempDir
    Path tmp;
    Database db;
    Store store;
    String racer;

    /** The database to queue in (SQLite here; {@link PostgresQueueTest} on PostgreSQL). */
    String url() throws Exception {
        return "jdbc:sqlite:" + tmp.resolve("q.db");
    }

    @BeforeEach
    void open() throws Exception {
        db = Database.open(url(), 8);
        store = new Store(db);
        store.putLeague("l", "L", LeagueRules.DEFAULT, false);
        racer = store.createRacer("r").orElseThrow().getKey().id();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void eachSubmissionIsClaimedByExactlyOneOfManyWorkers() throws Exception {
        for (int i = 0; i < 40; i++) {
            store.insertSubmission("s" + Tokens.randomId(6), "l", racer, "m", "x", 1);
        }
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> dupes = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String worker = "w" + w;
            fs.add(pool.submit(() -> {
                for (Optional<Store.Claim> c; (c = store.claim(worker, 60_000)).isPresent(); ) {
                    if (!claimed.add(c.get().id())) {
                        dupes.add(c.get().id());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        assertEquals(40, claimed.size());
        assertTrue(dupes.isEmpty(), "claimed twice: " + dupes);
        assertEquals(40, store.counts().get("running"));
    }

    @Test
    void anExpiredLeaseIsTakenOverAndAttemptsAreCapped() throws Exception {
        store.insertSubmission("sabc", "l", racer, "m", "x", 1);
        assertEquals(1, store.claim("dead", 200).orElseThrow().attempts());
        assertTrue(store.claim("other", 200).isEmpty(), "held by its lease");
        Thread.sleep(300);
        Store.Claim c = store.claim("other", 200).orElseThrow();
        assertEquals(2, c.attempts());
        assertFalse(store.heartbeat("sabc", "dead", 200), "the dead worker lost it");
        assertTrue(store.heartbeat("sabc", "other", 200));
        Thread.sleep(300);
        assertEquals(3, store.claim("third", 200).orElseThrow().attempts());
        Thread.sleep(300);
        assertTrue(store.claim("fourth", 200).isEmpty(), "interrupted " + Store.MAX_ATTEMPTS + " times: not raced again");
        Store.Submission s = store.getSubmission("sabc").orElseThrow();
        assertEquals(SubmissionStatus.FAILED, s.status());
        assertTrue(s.error().contains("interrupted 3 times"), s.error());
    }

    @Test
    void startUpPutsRunningSubmissionsBack() throws Exception {
        store.insertSubmission("sdef", "l", racer, "m", "x", 1);
        store.claim("w", 60_000).orElseThrow();
        assertEquals(1, store.requeueRunning());
        assertEquals(SubmissionStatus.QUEUED, store.getSubmission("sdef").orElseThrow().status());
        assertFalse(store.finish("sdef", "w", new RaceOutcome(true, "finished", List.of(), 1L, 1L, 1L, 1, 0, 0, 1, 0), "t"),
                "a worker that lost its claim cannot store a result");
    }
}
