package dev.racer.cli;

import dev.racer.reward.python.Backend;
import dev.racer.reward.python.PythonReward;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;

/**
 * The resident reward-check daemon: a per-user, per-checkout JVM that keeps GraalPy's engine warm and one fresh
 * sandboxed context ready, so that {@code racer reward check} answers in well under a second instead of paying
 * GraalPy's start (5 to 10 s of CPU) on every check.
 *
 * <p>Each request runs the same {@code racer reward check} command as the in-process path (same parser, same
 * code, same messages); each check gets a context of its own that no other check has used, with the same
 * sandbox (no IO, host access, threads or processes; per-call budget). Checks that choose the cpython backend are
 * handed back to the client. The daemon exits after {@link #IDLE} without a request, when a client built from
 * other jars (or with other settings) calls, or when its socket file is removed or replaced.
 */
public final class RewardDaemon {
    /** Idle time after which the daemon exits; {@code -Dracer.daemon.idleMinutes} changes it. */
    static final Duration IDLE = Duration.ofMinutes(Long.getLong("racer.daemon.idleMinutes", 30));

    private final Path socket;
    private final String key;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong lastRequest = new AtomicLong(System.nanoTime());
    private volatile Object socketFileKey;
    private volatile ServerSocketChannel server;
    private volatile FileLock lock;
    /** How the daemon ends its process (tests stop only the daemon). */
    Runnable exit = () -> System.exit(0);

    RewardDaemon(Path socket, String key) {
        this.socket = socket;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RewardDaemon SOCKET KEY (the racer launcher starts it)");
            System.exit(2);
        }
        new RewardDaemon(Path.of(args[0]), args[1]).serve();
    }

    void serve() throws IOException, InterruptedException {
        Files.createDirectories(socket.getParent());
        // one daemon per socket: a replaced one may still be shutting down, so wait a little for its lock
        FileChannel lockFile = FileChannel.open(Path.of(socket + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = null;
        for (int i = 0; i < 1200 && lock == null; i++) { // 60 s
            lock = lockFile.tryLock();
            if (lock == null) {
                Thread.sleep(50);
            }
        }
        if (lock == null) {
            System.err.println("another reward daemon holds " + socket + ".lock: exiting");
            exit.run();
            return;
        }
        this.lock = lock;
        PythonReward.keepSpareContexts(true); // warms the engine and the first context now
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.server = server;
        socketFileKey = Files.readAttributes(socket, BasicFileAttributes.class).fileKey();
        System.err.println("racer reward daemon: listening on " + socket + " (pid " + ProcessHandle.current().pid() + ")");
        Thread watcher = new Thread(this::watch, "racer-daemon-idle");
        watcher.setDaemon(true);
        watcher.start();
        while (true) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (java.nio.channels.ClosedChannelException e) {
                return; // shut down
            }
            active.incrementAndGet();
            lastRequest.set(System.nanoTime());
            Thread t = new Thread(() -> {
                try (ch) {
                    handle(ch);
                } catch (IOException | RuntimeException e) {
                    System.err.println("racer reward daemon: a request failed: " + e);
                } finally {
                    lastRequest.set(System.nanoTime());
                    active.decrementAndGet();
                }
            }, "racer-daemon-request");
            t.start();
        }
    }

    /** Exits when idle too long, or when the socket file is gone or belongs to another daemon. */
    private void watch() {
        while (server.isOpen()) {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                return;
            }
            if (active.get() == 0 && System.nanoTime() - lastRequest.get() > IDLE.toNanos()) {
                shutdown("idle for " + IDLE.toMinutes() + " minutes");
            }
            if (server.isOpen() && !ownsSocket()) {
                System.err.println("racer reward daemon: socket file removed or replaced: exiting");
                stop();
                exit.run();
            }
        }
    }

    private boolean ownsSocket() {
        try {
            return socketFileKey.equals(Files.readAttributes(socket, BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    void shutdown(String why) {
        System.err.println("racer reward daemon: " + why + ": exiting");
        if (ownsSocket()) {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // exiting anyway; the next client replaces the file
            }
        }
        stop();
        exit.run();
    }

    private void stop() {
        try {
            server.close();
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            // exiting anyway
        }
    }

    private void handle(SocketChannel ch) throws IOException {
        DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
        DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch));
        String magic;
        try {
            magic = in.readUTF();
        } catch (java.io.EOFException e) {
            return; // a client that only looked whether the daemon is up
        }
        if (!RewardDaemonClient.MAGIC.equals(magic)) {
            throw new IOException("not a racer reward check client");
        }
        String clientKey = in.readUTF();
        Path cwd = Path.of(in.readUTF());
        int n = in.readInt();
        List<String> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            args.add(in.readUTF());
        }
        if (!key.equals(clientKey)) {
            synchronized (out) {
                out.writeByte(RewardDaemonClient.STALE);
                out.flush();
            }
            shutdown("a client from other jars or settings called");
            return;
        }
        Frames stdout = new Frames(out, RewardDaemonClient.OUT);
        Frames stderr = new Frames(out, RewardDaemonClient.ERR);
        int code = run(args.toArray(String[]::new), cwd, stdout, stderr);
        synchronized (out) {
            if (code == Integer.MIN_VALUE) {
                out.writeByte(RewardDaemonClient.LOCAL);
            } else {
                out.writeByte(RewardDaemonClient.EXIT);
                out.writeInt(code);
            }
            out.flush();
        }
    }

    /**
     * Runs {@code racer ARGS} as the launcher's in-process path would, with {@code cwd} as the working directory
     * for the reward file; {@link Integer#MIN_VALUE} when the check is one for the client to run (cpython).
     */
    static int run(String[] args, Path cwd, OutputStream stdout, OutputStream stderr) {
        RewardCommand.Check check = new RewardCommand.Check();
        check.cwd = cwd;
        check.guestOut = stderr;
        check.runsHere = b -> b == Backend.GRAALPY;
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                return cls == RewardCommand.Check.class ? (K) check : CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cl = Racer.commandLine(factory);
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        cl.setOut(o);
        cl.setErr(e);
        int code = cl.execute(args);
        o.flush();
        e.flush();
        return check.declined ? Integer.MIN_VALUE : code;
    }

    /** An output stream sent to the client as frames of one type. */
    private static final class Frames extends OutputStream {
        private final DataOutputStream out;
        private final byte type;

        Frames(DataOutputStream out, byte type) {
            this.out = out;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            synchronized (out) {
                out.writeByte(type);
                out.writeInt(len);
                out.write(b, off, len);
                out.flush();
            }
        }
    }
}
