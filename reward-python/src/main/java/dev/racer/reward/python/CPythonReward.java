package dev.racer.reward.python;

import dev.racer.io.Jsons;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.racer.reward.RewardParams;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Python reward file run by the user's own CPython ({@code python3}, or {@code $RACER_PYTHON}) as a
 * long-lived child process fed over a pipe, one state or a batch per message. For reward files that need
 * numpy, scipy or shapely, which GraalPy cannot load here.
 *
 * <p><b>Not sandboxed</b>: the file runs with the user's full rights (files, network, processes). Only the
 * time budget is enforced: a call or batch that overruns it kills the process; the next call starts a fresh
 * one (module state starts over). The reward's prints go to this process's stderr.
 */
public final class CPythonReward implements ScriptReward, Watchdog.Guarded {
    private static final Logger LOG = LoggerFactory.getLogger(CPythonReward.class);
    private static final ObjectMapper JSON = Jsons.mapper();
    private static final String HOST_RESOURCE = "racer_reward_host.py";
    private static String hostScript;

    private final RewardSource source;
    private final Duration budget;
    private final long budgetNanos;
    private volatile long currentBudgetNanos;
    private final AtomicLong started = new AtomicLong();
    /** Bytes of one state in a batch: the host script's {@code _RECORD} ({@code <4d4B3did2idd2iB}). */
    private static final int RECORD = 4 * 8 + 4 + 3 * 8 + 4 + 8 + 2 * 4 + 8 + 8 + 2 * 4 + 1;
    private long sentObjects; // RewardParams.objectsVersion() of the objects the child holds (0: none)
    private java.nio.ByteBuffer record = java.nio.ByteBuffer.allocate(RECORD * 64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    private final RewardParams[] one = new RewardParams[1];
    private volatile Process process;
    private volatile boolean expired;
    private OutputStream toChild;
    private InputStream fromChild;
    private String version = "?";
    private double[][] trackWaypoints;
    private boolean trackReversed;
    private boolean closed;

    public CPythonReward(Path file, Duration budget) {
        this(RewardSource.read(file), budget);
    }

    public CPythonReward(RewardSource source, Duration budget) {
        this.source = Objects.requireNonNull(source);
        this.budget = budget;
        this.budgetNanos = budget.toNanos();
        this.currentBudgetNanos = budgetNanos;
        RewardScriptException odd = source.oddCharError();
        if (odd != null) {
            throw odd;
        }
        Watchdog.watch(this);
        try {
            start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The python the backend runs: {@code $RACER_PYTHON}, else {@code python3}. */
    public static String pythonCommand() {
        String p = System.getenv("RACER_PYTHON");
        return p == null || p.isBlank() ? "python3" : p;
    }

    private static synchronized String hostScript() {
        if (hostScript == null) {
            try (InputStream in = CPythonReward.class.getResourceAsStream(HOST_RESOURCE)) {
                hostScript = new String(Objects.requireNonNull(in, HOST_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hostScript;
    }

    private void start() {
        String python = pythonCommand();
        ProcessBuilder pb = new ProcessBuilder(python, "-c", hostScript(), "--serve")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new RewardScriptException(RewardScriptException.Kind.BACKEND, "cannot start " + python
                    + " for the cpython backend (" + e.getMessage() + "): install Python 3 (with numpy if your "
                    + "reward needs it), or set RACER_PYTHON to its path", e);
        }
        process = p;
        expired = false;
        trackWaypoints = null;
        sentObjects = 0;
        toChild = new BufferedOutputStream(p.getOutputStream(), 1 << 16);
        fromChild = new BufferedInputStream(p.getInputStream(), 1 << 16);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source.text());
        body.put("filename", source.file().toString());
        String reply = exchange(() -> sendBody('L', body), Math.max(budgetNanos, PythonReward.MIN_LOAD_BUDGET.toNanos()),
                "loading");
        if (reply.startsWith("E ")) {
            stop();
            throw RewardScriptException.fromHost(decode(reply.substring(2)));
        }
        version = reply.length() > 3 ? reply.substring(3) : "?";
    }

    @Override
    public double reward(RewardParams params) {
        one[0] = params;
        return rewards(one)[0];
    }

    @Override
    public double[] rewards(RewardParams[] batch) {
        if (process == null) {
            if (closed) {
                throw new IllegalStateException("reward function " + name() + " is closed");
            }
            start(); // the last call was killed: a fresh process
        }
        if (batch.length == 0) {
            return new double[0];
        }
        for (RewardParams p : batch) {
            if (p.waypoints() != batch[0].waypoints() || p.isReversed() != batch[0].isReversed()) {
                throw new IllegalArgumentException("a batch must hold states of one track and direction");
            }
        }
        int run = 1;
        while (run < batch.length && objectsKey(batch[run]) == objectsKey(batch[0])) {
            run++;
        }
        if (run < batch.length) { // states of several object placements: one exchange per placement
            double[] head = rewards(java.util.Arrays.copyOfRange(batch, 0, run));
            double[] tail = rewards(java.util.Arrays.copyOfRange(batch, run, batch.length));
            double[] all = java.util.Arrays.copyOf(head, batch.length);
            System.arraycopy(tail, 0, all, run, tail.length);
            return all;
        }
        String reply = exchange(() -> {
            RewardParams first = batch[0];
            if (first.waypoints() != trackWaypoints || first.isReversed() != trackReversed) {
                sendTrack(first);
            }
            if (objectsKey(first) != sentObjects) {
                byte[] text = PythonReward.objectsText(first).getBytes(StandardCharsets.US_ASCII);
                toChild.write(("O " + text.length + "\n").getBytes(StandardCharsets.US_ASCII));
                toChild.write(text);
                toChild.flush();
                String ok = readLine();
                if (!"OK".equals(ok)) {
                    throw new IOException("cpython backend: unexpected reply to the objects: " + ok);
                }
                sentObjects = objectsKey(first);
            }
            int size = batch.length * RECORD;
            if (record.capacity() < size) {
                record = java.nio.ByteBuffer.allocate(Math.max(size, record.capacity() * 2))
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            }
            java.nio.ByteBuffer bb = record;
            bb.clear();
            for (RewardParams p : batch) {
                bb.putDouble(p.x()).putDouble(p.y()).putDouble(p.heading()).putDouble(p.distanceFromCenter())
                        .put((byte) (p.allWheelsOnTrack() ? 1 : 0)).put((byte) (p.isLeftOfCenter() ? 1 : 0))
                        .put((byte) (p.isOfftrack() ? 1 : 0)).put((byte) (p.isCrashed() ? 1 : 0))
                        .putDouble(p.progress()).putDouble(p.speed()).putDouble(p.steeringAngle()).putInt(p.steps())
                        .putDouble(p.trackWidth()).putInt(p.closestWaypointPrev()).putInt(p.closestWaypointNext())
                        .putDouble(p.projectionDistance()).putDouble(p.simTime())
                        .putInt(p.closestObjectPrev()).putInt(p.closestObjectNext())
                        .put((byte) (p.objectInCamera() ? 1 : 0));
            }
            toChild.write(("C " + batch.length + "\n").getBytes(StandardCharsets.US_ASCII));
            toChild.write(bb.array(), 0, size);
            toChild.flush();
        }, budgetNanos, "reward_function");
        if (reply.startsWith("R ")) {
            double[] out = new double[batch.length];
            if (Integer.parseInt(reply.substring(2)) != out.length) {
                throw new RewardScriptException(RewardScriptException.Kind.BACKEND, "cpython backend: expected "
                        + out.length + " rewards, got " + reply.substring(2));
            }
            byte[] raw = readBytes(out.length * 8);
            java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
            return out;
        }
        if (reply.startsWith("E ")) {
            int sp = reply.indexOf(' ', 2);
            int index = Integer.parseInt(reply.substring(2, sp));
            RewardScriptException e = RewardScriptException.fromHost(decode(reply.substring(sp + 1)));
            if (batch.length > 1) {
                throw new RewardScriptException(e.kind(), "state " + index + " of the batch: " + e.getMessage());
            }
            throw e;
        }
        throw new RewardScriptException(RewardScriptException.Kind.BACKEND, "cpython backend: unexpected reply "
                + reply);
    }

    private static long objectsKey(RewardParams p) {
        return p.objects() == null ? 0 : p.objectsVersion();
    }

    private void sendTrack(RewardParams p) throws IOException {
        String body = "{\"length\":" + p.trackLength() + ",\"reversed\":" + p.isReversed() + ",\"waypoints\":"
                + PythonReward.waypointsJson(p.waypoints()) + "}";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        toChild.write(("T " + b.length + "\n").getBytes(StandardCharsets.US_ASCII));
        toChild.write(b);
        toChild.flush();
        String ok = readLine();
        if (!"OK".equals(ok)) {
            throw new IOException("track not accepted: " + ok);
        }
        trackWaypoints = p.waypoints();
        trackReversed = p.isReversed();
    }

    private void sendBody(char op, Object body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        toChild.write((op + " " + b.length + "\n").getBytes(StandardCharsets.US_ASCII));
        toChild.write(b);
        toChild.flush();
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Sends, then reads one reply line, under the watchdog. */
    private String exchange(IoAction send, long budgetNs, String stage) {
        currentBudgetNanos = budgetNs;
        started.setRelease(System.nanoTime() | 1);
        try {
            send.run();
            String line = readLine();
            if (line == null) {
                throw new IOException("python3 closed its output");
            }
            return line;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RewardScriptException r) {
                throw r;
            }
            boolean timedOut = expired;
            Process p = process;
            stop();
            if (timedOut) {
                throw new RewardScriptException(RewardScriptException.Kind.TIMEOUT, source.file() + ": "
                        + ("loading".equals(stage) ? "running the file at import" : "reward_function")
                        + " took longer than its budget of " + budgetNs / 1_000_000 + " ms: an endless loop, or"
                        + " too much work per step; the python3 process was killed (module state starts over)", e);
            }
            String exit = "";
            if (p != null) {
                try {
                    if (p.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        exit = " (exit code " + p.exitValue() + ")";
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new RewardScriptException(RewardScriptException.Kind.BACKEND, source.file() + ": python3 stopped"
                    + " while " + ("loading".equals(stage) ? "loading the file" : "running reward_function") + exit
                    + ": " + e.getMessage() + "; it is restarted on the next call", e);
        } finally {
            started.setRelease(0);
            currentBudgetNanos = budgetNanos;
        }
    }

    private final ByteArrayOutputStream lineBuf = new ByteArrayOutputStream(256);

    private String readLine() throws IOException {
        lineBuf.reset();
        int b;
        while ((b = fromChild.read()) >= 0) {
            if (b == '\n') {
                return lineBuf.toString(StandardCharsets.UTF_8);
            }
            lineBuf.write(b);
        }
        return null;
    }

    /** Reads exactly {@code n} bytes of a reply, under the watchdog. */
    private byte[] readBytes(int n) {
        started.setRelease(System.nanoTime() | 1);
        try {
            byte[] b = fromChild.readNBytes(n);
            if (b.length != n) {
                throw new IOException("python3 closed its output");
            }
            return b;
        } catch (IOException e) {
            boolean timedOut = expired;
            stop();
            throw new RewardScriptException(timedOut ? RewardScriptException.Kind.TIMEOUT
                    : RewardScriptException.Kind.BACKEND, source.file() + ": python3 stopped while sending rewards: "
                    + e.getMessage(), e);
        } finally {
            started.setRelease(0);
        }
    }

    private static String decode(String json) {
        try {
            return JSON.readValue(json, String.class);
        } catch (IOException e) {
            return json;
        }
    }

    private void stop() {
        Process p = process;
        process = null;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    // ------------------------------------------------------------------------------------------ watchdog

    @Override
    public long startedNanos() {
        return started.getAcquire();
    }

    @Override
    public long budgetNanos() {
        return currentBudgetNanos;
    }

    @Override
    public void expire(long startedNanos) {
        Process p = process;
        if (p != null && started.getAcquire() == startedNanos) {
            expired = true;
            LOG.debug("killing python3 after a call overran its budget");
            p.destroyForcibly();
        }
    }

    // ------------------------------------------------------------------------------------------ info

    @Override
    public Backend backend() {
        return Backend.CPYTHON;
    }

    @Override
    public Path file() {
        return source.file();
    }

    @Override
    public Duration budget() {
        return budget;
    }

    @Override
    public String name() {
        return String.valueOf(source.file().getFileName());
    }

    @Override
    public String describe() {
        return "cpython (Python " + version + ", a child process; NOT sandboxed: the file runs with your full "
                + "rights, files, network and processes included; " + budget.toMillis() + " ms per call or batch)";
    }

    @Override
    public synchronized void close() {
        closed = true;
        Watchdog.unwatch(this);
        Process p = process;
        process = null;
        if (p != null) {
            try {
                toChild.write("Q 0\n".getBytes(StandardCharsets.US_ASCII));
                toChild.flush();
                if (!p.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                p.destroyForcibly();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
