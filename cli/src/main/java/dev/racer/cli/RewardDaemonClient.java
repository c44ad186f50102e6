package dev.racer.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code racer reward check} through the resident reward-check daemon ({@link RewardDaemon}): a small JVM that
 * uses only java.base (it starts in a fraction of a second) sends the arguments and its working directory over a
 * Unix-domain socket and prints what the daemon answers. It starts the daemon when none runs, replaces one built
 * from other jars (or other settings), and runs the check in a plain {@code racer} JVM when the daemon declines
 * (the cpython backend) or cannot be reached.
 *
 * <p>Started by the {@code racer} launcher with {@code -Dracer.jar}, {@code -Dracer.cache} and the environment
 * variables {@code RACER_DAEMON_JVM} / {@code RACER_LOCAL_JVM} (JVM options, one per line).
 */
public final class RewardDaemonClient {
    static final String MAGIC = "racer-reward-check/1";
    /** Frames from the daemon: standard output, standard error, exit code, stale daemon, run it yourself. */
    static final byte OUT = 'O', ERR = 'E', EXIT = 'X', STALE = 'S', LOCAL = 'L';
    /** How long the first check may wait for a daemon to start [ms]: GraalPy's first context on a busy machine. */
    private static final long START_WAIT_MS = 300_000;
    private static final int RUN_LOCALLY = Integer.MIN_VALUE;

    private final Path jar;
    private final Path socket;
    private final String key;
    private final boolean debug = "debug".equalsIgnoreCase(System.getenv("RACER_LOG"));
    private final long t0 = System.nanoTime();

    RewardDaemonClient(Path jar, Path cache) throws IOException {
        this.jar = jar.toRealPath();
        this.socket = socketOf(cache, this.jar);
        this.key = key(this.jar);
    }

    public static void main(String[] args) {
        String jar = System.getProperty("racer.jar");
        String cache = System.getProperty("racer.cache");
        if (jar == null || cache == null) {
            System.err.println("racer: the reward daemon client needs -Dracer.jar and -Dracer.cache (the racer launcher sets them)");
            System.exit(3);
        }
        int code;
        try {
            code = new RewardDaemonClient(Path.of(jar), Path.of(cache)).check(args);
        } catch (IOException e) {
            System.err.println("racer: cannot reach the reward daemon (" + e.getMessage() + "); checking in this process");
            code = runLocally(Path.of(jar), args);
        }
        System.exit(code);
    }

    /** The daemon's socket for the jar at {@code jar}: one daemon per Racer checkout. */
    static Path socketOf(Path cache, Path jar) {
        return cache.resolve("daemon").resolve("reward-" + sha256(jar.toString()).substring(0, 16) + ".sock");
    }

    /**
     * What a daemon must have been started with to answer this client: the jar and each library jar (path, size,
     * time), the JDK, and the environment variables HOME, XDG_* and RACER_* (JVM options included). A rebuilt Racer has another key.
     */
    static String key(Path jar) throws IOException {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        List<Path> jars = new ArrayList<>();
        jars.add(jar);
        Path lib = jar.resolveSibling("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                s.sorted().forEach(jars::add);
            }
        }
        for (Path p : jars) {
            sb.append(p).append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis())
                    .append('\n');
        }
        sb.append(System.getProperty("java.home")).append('\n');
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.forEach((k, v) -> {
            if (k.startsWith("RACER_") || k.equals("HOME") || k.startsWith("XDG_")) {
                sb.append(k).append('=').append(v).append('\n');
            }
        });
        return sha256(sb.toString());
    }

    int check(String[] args) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            SocketChannel ch = connect();
            if (ch == null) {
                startDaemon();
                continue;
            }
            try (ch) {
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch));
                out.writeUTF(MAGIC);
                out.writeUTF(key);
                out.writeUTF(Path.of("").toAbsolutePath().toString());
                out.writeInt(args.length);
                for (String a : args) {
                    out.writeUTF(a);
                }
                out.flush();
                DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
                Integer code = relay(in);
                if (code != null && code == RUN_LOCALLY) {
                    log("the daemon runs only GraalPy checks: checking in a racer JVM");
                    return runLocally(jar, args);
                }
                if (code != null) {
                    log("answered");
                    return code;
                }
            }
            // a stale daemon: it exits now and frees its socket for the one started next
            log("the daemon was started from other jars or settings: replacing it");
            startDaemon();
        }
        throw new IOException("no daemon answered at " + socket);
    }

    /** Prints the daemon's frames; the exit code, or null for a stale daemon. Runs the check here if asked to. */
    private Integer relay(DataInputStream in) throws IOException {
        while (true) {
            byte type = in.readByte();
            switch (type) {
                case OUT, ERR -> {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    OutputStream to = type == OUT ? System.out : System.err;
                    to.write(b);
                    to.flush();
                }
                case EXIT -> {
                    return in.readInt();
                }
                case STALE -> {
                    return null;
                }
                case LOCAL -> {
                    return RUN_LOCALLY;
                }
                default -> throw new IOException("unexpected answer from the reward daemon: " + type);
            }
        }
    }

    private SocketChannel connect() {
        if (!Files.exists(socket)) {
            return null;
        }
        try {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
            log("connected");
            return ch;
        } catch (IOException e) {
            return null; // a socket file left by a daemon that died: the next one replaces it
        }
    }

    /** Starts a daemon and waits until it accepts connections. */
    private void startDaemon() throws IOException {
        Files.createDirectories(socket.getParent());
        Path logFile = Path.of(socket.toString().replaceFirst("\\.sock$", ".log"));
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid"); // its own session: the terminal's Ctrl-C and hang-up do not reach it
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions("RACER_DAEMON_JVM"));
        cmd.addAll(List.of("-cp", jar.toString(), "dev.racer.cli.RewardDaemon", socket.toString(), key));
        log("starting " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        long deadline = System.currentTimeMillis() + START_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the reward daemon");
            }
            if (Files.exists(socket)) {
                try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    ch.connect(UnixDomainSocketAddress.of(socket));
                    log("daemon up");
                    return;
                } catch (IOException notYet) {
                    // the previous daemon's file, or not bound yet
                }
            }
            if (!p.isAlive()) {
                // 0: another client's daemon won the lock; it is checked on the next attempt
                if (p.exitValue() == 0) {
                    return;
                }
                throw new IOException("the reward daemon exited with " + p.exitValue() + ", see " + logFile);
            }
        }
        throw new IOException("the reward daemon did not start within " + START_WAIT_MS / 1000 + " s, see " + logFile);
    }

    /** {@code racer reward check ... --no-daemon} in a JVM of its own, as the launcher would run it. */
    static int runLocally(Path jar, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions("RACER_LOCAL_JVM"));
        cmd.addAll(List.of("-jar", jar.toString()));
        // after "reward check" (the launcher sends only those here), before any "--" that ends the options
        for (int i = 0; i < args.length; i++) {
            cmd.add(args[i]);
            if (i == 1) {
                cmd.add("--no-daemon");
            }
        }
        try {
            return new ProcessBuilder(cmd).inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println("racer: cannot start java: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static List<String> jvmOptions(String env) {
        String v = System.getenv(env);
        return v == null ? List.of() : v.lines().filter(l -> !l.isBlank()).toList();
    }

    private void log(String what) {
        if (debug) {
            System.err.printf("racer: reward daemon client: %s after %d ms%n", what, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
