package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reward-check daemon answers exactly what the in-process check prints, and steps aside for a newer build. */
class RewardDaemonTest {
    static final String EXAMPLE = "../reward-functions/follow_centre_line.py";

    @TempDir
    Path dir;
    private final java.util.List<RewardDaemon> daemons = new java.util.ArrayList<>();
    private final CountDownLatch exited = new CountDownLatch(1);

    /** A daemon in this JVM on {@code socket} (its exit ends only the daemon). */
    private RewardDaemon start(Path socket, String key) throws Exception {
        RewardDaemon d = new RewardDaemon(socket, key);
        d.exit = exited::countDown;
        Thread t = new Thread(() -> {
            try {
                d.serve();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "test-daemon");
        t.setDaemon(true);
        t.start();
        boolean up = false;
        for (int i = 0; i < 6000 && !up; i++) { // the socket file appears at bind, a moment before listen
            Thread.sleep(10);
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(socket));
                up = true;
            } catch (IOException notYet) {
                // not listening yet
            }
        }
        assertTrue(up, "daemon socket " + socket);
        daemons.add(d);
        return d;
    }

    @AfterEach
    void stop() {
        for (RewardDaemon d : daemons) {
            d.shutdown("test over"); // again for one that stopped already: harmless
        }
    }

    /** The client's run through {@link RewardDaemonClient}: exit code, stdout, stderr. */
    private static CliRun viaClient(Path jar, Path cache, String... args) throws IOException {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new RewardDaemonClient(jar, cache).check(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static String[] check(String file, String... more) {
        String[] a = new String[3 + more.length];
        a[0] = "reward";
        a[1] = "check";
        a[2] = file;
        System.arraycopy(more, 0, a, 3, more.length);
        return a;
    }

    @Test
    void daemonGivesTheSameReportAsTheInProcessCheck() throws Exception {
        Path jar = Files.writeString(dir.resolve("racer.jar"), "stands for the jar");
        Path cache = dir.resolve("cache");
        start(RewardDaemonClient.socketOf(cache, jar.toRealPath()), RewardDaemonClient.key(jar.toRealPath()));
        Path broken = Files.writeString(dir.resolve("broken.py"),
                "def reward_function(params):\n    print('seen by the user')\n    return params['speeed']\n");
        Path escapes = Files.writeString(dir.resolve("escapes.py"),
                "def reward_function(params):\n    return float(len(open('/etc/hostname').read()))\n");
        // budgets far above a call's time even on a loaded machine: a timeout would differ between two runs
        for (String[] args : new String[][] {
            check(EXAMPLE, "--budget-ms", "60000"), check(EXAMPLE, "--track", "no_such_track"),
            check(broken.toString(), "--budget-ms", "60000"), check(escapes.toString(), "--budget-ms", "60000"),
            check(EXAMPLE, "--budget-ms", "x"), check("missing.py")}) {
            String[] local = new String[args.length + 1];
            System.arraycopy(args, 0, local, 0, args.length);
            local[args.length] = "--no-daemon";
            CliRun here = CliRun.of(local);
            CliRun there = viaClient(jar, cache, args);
            assertEquals(here.exitCode(), there.exitCode(), String.join(" ", args) + "\n" + here + "\n" + there);
            assertEquals(here.out(), there.out(), String.join(" ", args));
            assertEquals(here.err(), there.err(), String.join(" ", args));
        }
        CliRun broke = viaClient(jar, cache, check(broken.toString(), "--budget-ms", "60000"));
        assertTrue(broke.err().contains("seen by the user"), broke.err());
        assertTrue(broke.out().contains("did you mean 'speed'"), broke.out());
        CliRun escaped = viaClient(jar, cache, check(escapes.toString(), "--budget-ms", "60000"));
        assertEquals(1, escaped.exitCode(), escaped.out());
        assertTrue(escaped.out().contains("ERROR"), escaped.out());
        assertFalse(escaped.out().contains("OK: no problems"), escaped.out());
    }

    @Test
    void staleDaemonStepsAsideForTheNewBuild() throws Exception {
        Path socket = dir.resolve("d.sock");
        start(socket, "old-build");
        assertEquals(RewardDaemonClient.STALE, request(socket, "new-build", "reward", "help", "check").type);
        assertTrue(exited.await(30, TimeUnit.SECONDS), "the stale daemon exits");
        assertFalse(Files.exists(socket), "and removes its socket");
        start(socket, "new-build"); // gets the lock and the socket the old one held
        Answer a = request(socket, "new-build", "reward", "help", "check");
        assertEquals(RewardDaemonClient.EXIT, a.type);
        assertTrue(a.out.contains("--no-daemon"), a.out);
    }

    @Test
    void cpythonChecksAreHandedBack() throws Exception {
        Path socket = dir.resolve("d.sock");
        start(socket, "k");
        assertEquals(RewardDaemonClient.LOCAL, request(socket, "k", check(EXAMPLE, "--backend", "cpython")).type);
    }

    record Answer(byte type, String out) {
    }

    /** One raw request: the last frame's type and the standard output before it. */
    private static Answer request(Path socket, String key, String... args) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch));
            out.writeUTF(RewardDaemonClient.MAGIC);
            out.writeUTF(key);
            out.writeUTF(Path.of("").toAbsolutePath().toString());
            out.writeInt(args.length);
            for (String a : args) {
                out.writeUTF(a);
            }
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            while (true) {
                byte type = in.readByte();
                if (type == RewardDaemonClient.OUT || type == RewardDaemonClient.ERR) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    if (type == RewardDaemonClient.OUT) {
                        text.write(b);
                    }
                } else {
                    return new Answer(type, text.toString(StandardCharsets.UTF_8));
                }
            }
        }
    }
}
