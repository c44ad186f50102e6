package dev.racer.reward.python;

import dev.racer.reward.RewardParams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Python reward file run by GraalPy inside the JVM, sandboxed: no file system, network, processes, threads,
 * native code, host classes or environment variables; each call has a time budget enforced by a watchdog.
 *
 * <p>All instances share one polyglot {@link Engine} (parsed code and compiled machine code are shared); each
 * instance has its own {@link Context}, so give each worker thread its own instance. Module-level state in the
 * reward file persists across calls, as in DeepRacer (it is lost only if a call must be cancelled hard).
 */
public final class PythonReward implements ScriptReward, Watchdog.Guarded {
    private static final Logger LOG = LoggerFactory.getLogger(PythonReward.class);
    private static final String HOST_RESOURCE = "racer_reward_host.py";
    private static final Duration HARD_STOP_GRACE = Duration.ofMillis(500);
    /** Running the file at import: includes starting the interpreter and importing modules, so a generous minimum. */
    static volatile Duration MIN_LOAD_BUDGET = Duration.ofSeconds(30);
    private static Engine compiledEngine;
    private static Engine interpreterEngine;
    private static Source hostSource;
    /** A fresh sandboxed context built ahead of need (the reward daemon), or null; each is handed out once. */
    private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Spare>> SPARE =
            new java.util.concurrent.atomic.AtomicReference<>();
    private static volatile java.util.concurrent.ExecutorService spareMaker;

    private final RewardSource source;
    private final Duration budget;
    private final long budgetNanos;
    private volatile long currentBudgetNanos;
    private final boolean interpreterOnly;
    private final OutputStream guestOut;
    private final AtomicLong started = new AtomicLong();
    private volatile Context context;
    private volatile boolean expired;
    private Value call;
    private Value lastError;
    private Value setTrack;
    private Value setObjects;
    private long sentObjects; // RewardParams.objectsVersion() of the objects the context holds (0: none)
    private double[][] trackWaypoints;
    private boolean trackReversed;
    private boolean closed;

    /** Loads {@code file} in a new sandboxed context; errors the user can fix are {@link RewardScriptException}s. */
    public PythonReward(Path file, Duration budget) {
        this(RewardSource.read(file), budget, false);
    }

    /**
     * @param interpreterOnly run with Truffle's compilation off: for short runs (racer reward check), and the
     *                        figure users get without the Graal compiler (benchmarks)
     */
    public PythonReward(RewardSource source, Duration budget, boolean interpreterOnly) {
        this(source, budget, interpreterOnly, System.err);
    }

    /** @param guestOut where the reward file's print() and its error output go */
    public PythonReward(RewardSource source, Duration budget, boolean interpreterOnly, OutputStream guestOut) {
        this.guestOut = Objects.requireNonNull(guestOut);
        this.source = Objects.requireNonNull(source);
        this.budget = budget;
        this.budgetNanos = budget.toNanos();
        this.currentBudgetNanos = budgetNanos;
        this.interpreterOnly = interpreterOnly;
        RewardScriptException odd = source.oddCharError();
        if (odd != null) {
            throw odd;
        }
        Watchdog.watch(this);
        try {
            open();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    // ------------------------------------------------------------------------------------------ engine

    /** Whether the Graal compiler is on the module path (else GraalPy falls back to its interpreter). */
    public static boolean compilerAvailable() {
        return ModuleLayer.boot().findModule("jdk.graal.compiler").isPresent();
    }

    private static synchronized Engine engine(boolean interpreterOnly) {
        if (interpreterOnly) {
            if (interpreterEngine == null) {
                interpreterEngine = newEngine(false);
            }
            return interpreterEngine;
        }
        if (compiledEngine == null) {
            compiledEngine = newEngine(true);
            if (!compilerAvailable()) {
                LOG.warn("GraalPy runs interpreted (about 10x slower): the Graal compiler is not on "
                        + "--upgrade-module-path; the ./racer launcher sets it up");
            }
        }
        return compiledEngine;
    }

    private static Engine newEngine(boolean compile) {
        Engine.Builder b = Engine.newBuilder("python")
                .allowExperimentalOptions(true) // lets -Dpolyglot.engine.* tuning options through
                .logHandler(new LogStream())
                .option("engine.WarnInterpreterOnly", "false");
        if (!compile && compilerAvailable()) { // without the compiler the option does not exist: interpreted anyway
            b.option("engine.Compilation", "false");
        }
        return b.build();
    }

    private static synchronized Source hostSource() {
        if (hostSource == null) {
            try (InputStream in = PythonReward.class.getResourceAsStream(HOST_RESOURCE)) {
                String text = new String(Objects.requireNonNull(in, HOST_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
                hostSource = Source.newBuilder("python", text, HOST_RESOURCE).cached(true).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hostSource;
    }

    /** The text of the host script (the CPython backend runs it too). */
    static String hostScript() {
        return hostSource().getCharacters().toString();
    }

    /** A sandboxed context: nothing outside the interpreter is reachable. */
    static Context sandbox(Engine engine) {
        return sandbox(engine, System.err);
    }

    /** {@link #sandbox(Engine)} with the guest's stdout and stderr going to {@code out}. */
    static Context sandbox(Engine engine, OutputStream out) {
        return Context.newBuilder("python")
                .engine(engine)
                .allowIO(IOAccess.NONE)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowInnerContextOptions(false)
                .allowValueSharing(false)
                .option("python.PosixModuleBackend", "java")
                .option("python.DontWriteBytecodeFlag", "true")
                .option("python.WarnExperimentalFeatures", "false")
                .in(InputStream.nullInputStream())
                .out(out)
                .err(out)
                .build();
    }

    /** A context that has run nothing but the host script, with its output stream still to be connected. */
    private record Spare(Context context, SwitchableOut out, boolean interpreterOnly) {
        static Spare create(boolean interpreterOnly) {
            long t0 = System.nanoTime();
            Engine engine = engine(interpreterOnly);
            long t1 = System.nanoTime();
            SwitchableOut out = new SwitchableOut();
            Context c = sandbox(engine, out);
            try {
                c.eval(hostSource());
            } catch (RuntimeException e) {
                c.close(true);
                throw e;
            }
            LOG.debug("GraalPy: engine {} ms, sandboxed context and host script {} ms", (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
            return new Spare(c, out, interpreterOnly);
        }
    }

    /**
     * From now on keeps one fresh sandboxed context ready in the background, so that the next reward opened in
     * this process (the resident reward-check daemon) does not wait for GraalPy's context start. A spare has run
     * only Racer's host script; it is handed to one reward and never reused, so each reward still gets a fresh
     * context with the same sandbox.
     */
    public static synchronized void keepSpareContexts(boolean interpreterOnly) {
        if (spareMaker == null) {
            spareMaker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "racer-graalpy-spare");
                t.setDaemon(true);
                return t;
            });
        }
        makeSpare(interpreterOnly);
    }

    private static void makeSpare(boolean interpreterOnly) {
        java.util.concurrent.ExecutorService maker = spareMaker;
        var next = new java.util.concurrent.CompletableFuture<Spare>();
        if (maker == null || !SPARE.compareAndSet(null, next)) {
            return;
        }
        maker.execute(() -> {
            try {
                next.complete(Spare.create(interpreterOnly));
            } catch (RuntimeException e) {
                LOG.warn("could not prepare a GraalPy context ahead of time: {}", e.toString());
                next.completeExceptionally(e);
            }
        });
    }

    /** The spare context, waiting for it if it is being made (two at once would halve the speed of each). */
    private Spare takeSpare() {
        var f = SPARE.getAndSet(null);
        if (f == null) {
            return null;
        }
        try {
            Spare s = f.join();
            if (s.interpreterOnly() == interpreterOnly) {
                return s;
            }
            s.context().close(true);
        } catch (java.util.concurrent.CompletionException e) {
            // made again below, with its error reported to this reward
        }
        return null;
    }

    private void open() {
        long t0 = System.nanoTime();
        Spare spare = takeSpare();
        boolean wasSpare = spare != null;
        if (spare == null) {
            try {
                spare = Spare.create(interpreterOnly);
            } catch (PolyglotException e) {
                throw translate(e, "loading");
            }
        }
        spare.out().connect(guestOut);
        Context c = spare.context();
        context = c;
        expired = false;
        trackWaypoints = null;
        try {
            Value bindings = c.getBindings("python");
            call = bindings.getMember("call");
            lastError = bindings.getMember("last_error");
            setTrack = bindings.getMember("set_track");
            setObjects = bindings.getMember("set_objects");
            sentObjects = 0;
            Value load = bindings.getMember("load");
            long t1 = System.nanoTime();
            Value err = guarded(() -> load.execute(source.text(), source.file().toString()));
            LOG.debug("GraalPy: context ready in {} ms ({}), reward file run in {} ms", (t1 - t0) / 1_000_000,
                    wasSpare ? "made ahead" : "made now", (System.nanoTime() - t1) / 1_000_000);
            if (!err.isNull()) {
                throw RewardScriptException.fromHost(err.asString());
            }
        } catch (PolyglotException e) {
            throw translate(e, "loading");
        }
    }

    // ------------------------------------------------------------------------------------------ calls

    @Override
    public double reward(RewardParams p) {
        if (context == null) {
            if (closed) {
                throw new IllegalStateException("reward function " + name() + " is closed");
            }
            open(); // the last call had to be cancelled hard: a fresh context
        }
        try {
            if (p.waypoints() != trackWaypoints || p.isReversed() != trackReversed) {
                setTrack.execute(p.trackLength(), waypointsJson(p.waypoints()), p.isReversed());
                trackWaypoints = p.waypoints();
                trackReversed = p.isReversed();
            }
            long objectsKey = p.objects() == null ? 0 : p.objectsVersion();
            if (objectsKey != sentObjects) {
                setObjects.execute(objectsText(p));
                sentObjects = objectsKey;
            }
            started.setRelease(System.nanoTime() | 1);
            double r;
            try {
                r = call.execute(p.x(), p.y(), p.heading(), p.distanceFromCenter(), p.allWheelsOnTrack(),
                        p.isLeftOfCenter(), p.isOfftrack(), p.isCrashed(), p.progress(), p.speed(),
                        p.steeringAngle(), p.steps(), p.trackWidth(), p.closestWaypointPrev(),
                        p.closestWaypointNext(), p.projectionDistance(), p.simTime(), p.closestObjectPrev(),
                        p.closestObjectNext(), p.objectInCamera()).asDouble();
            } finally {
                started.setRelease(0);
            }
            if (r != r) {
                throw RewardScriptException.fromHost(lastError.execute().asString());
            }
            return r;
        } catch (PolyglotException e) {
            throw translate(e, "reward_function");
        }
    }

    private Value guarded(java.util.function.Supplier<Value> body) {
        currentBudgetNanos = Math.max(budgetNanos, MIN_LOAD_BUDGET.toNanos());
        started.setRelease(System.nanoTime() | 1);
        try {
            return body.get();
        } finally {
            started.setRelease(0);
            currentBudgetNanos = budgetNanos;
        }
    }

    private RuntimeException translate(PolyglotException e, String stage) {
        if (e.isInterrupted() || e.isCancelled() || expired) {
            expired = false;
            boolean hard = e.isCancelled();
            if (hard) {
                dropContext();
            }
            String at = "";
            SourceSection s = e.getSourceLocation();
            if (s != null && s.getSource() != null && !HOST_RESOURCE.equals(s.getSource().getName())) {
                at = " (stopped at line " + s.getStartLine() + ")";
            } else {
                for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
                    SourceSection fs = f.getSourceLocation();
                    if (f.isGuestFrame() && fs != null && fs.getSource() != null
                            && fs.getSource().getName().equals(source.file().toString())) {
                        at = " (stopped at line " + fs.getStartLine() + ")";
                        break;
                    }
                }
            }
            return new RewardScriptException(RewardScriptException.Kind.TIMEOUT, source.file() + ": "
                    + ("loading".equals(stage) ? "running the file at import" : "reward_function")
                    + " took longer than its budget of "
                    + ("loading".equals(stage) ? Math.max(budget.toMillis(), MIN_LOAD_BUDGET.toMillis()) : budget.toMillis())
                    + " ms" + at
                    + ": an endless loop, or too much work per step"
                    + (hard ? "; its module state was reset" : ""), e);
        }
        if (e.isSyntaxError()) {
            return new RewardScriptException(RewardScriptException.Kind.SYNTAX, source.file() + ": " + e.getMessage(), e);
        }
        int line = userLine(e);
        String fn = userFunction(e);
        if (fn != null && (e.isHostException() || e.isInternalError())) {
            // the sandbox said no below Python's exception machinery (threads, sockets, processes)
            String m = String.valueOf(e.getMessage());
            int colon = m.indexOf(": ");
            if (colon > 0 && m.substring(0, colon).matches("[\\w.$]+")) {
                m = m.substring(colon + 2); // drop the Java exception class name
            }
            String text = line > 0 ? source.text().lines().skip(line - 1).findFirst().orElse("").strip() : "";
            return new RewardScriptException(RewardScriptException.Kind.EXCEPTION, source.file()
                    + (line > 0 ? ", line " + line : "") + ", in " + fn + ": not allowed in Racer's sandbox: " + m
                    + (text.isEmpty() ? "" : "\n    " + text), e);
        }
        if (e.isHostException() || e.isInternalError()) {
            return new RewardScriptException(RewardScriptException.Kind.BACKEND, "GraalPy failed while "
                    + stage + " " + source.file() + ": " + e.getMessage(), e);
        }
        return new RewardScriptException(RewardScriptException.Kind.EXCEPTION, source.file() + ": " + e.getMessage(), e);
    }

    /** The Python function the host script called ({@code reward_function}, or {@code <module>}), or null. */
    private static String userFunction(PolyglotException e) {
        String prev = null;
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame()) {
                if ("call".equals(f.getRootName()) || "load".equals(f.getRootName())) {
                    return prev;
                }
                prev = f.getRootName();
            }
        }
        return null;
    }

    /** The innermost line of the reward file on the guest stack, or 0. */
    private int userLine(PolyglotException e) {
        String name = source.file().toString();
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            SourceSection fs = f.getSourceLocation();
            if (f.isGuestFrame() && fs != null && fs.getSource() != null && name.equals(fs.getSource().getName())) {
                return fs.getStartLine();
            }
        }
        return 0;
    }

    /**
     * The objects' static entries as the host script's {@code set_objects} reads them: 7 numbers per object
     * ({@code x y left speed heading distance_from_center distance}); "" for none. Sent only when the objects
     * are placed again ({@link RewardParams#objectsVersion()}), not every step.
     */
    static String objectsText(RewardParams p) {
        dev.racer.world.ObjectParams o = p.objects();
        if (o == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < o.count; i++) {
            b.append(o.locationX[i]).append(' ').append(o.locationY[i]).append(' ').append(o.leftOfCenter[i] ? 1 : 0)
                    .append(' ').append(o.speed[i]).append(' ').append(o.heading[i]).append(' ')
                    .append(o.distanceFromCenter[i]).append(' ').append(o.distance[i]).append(' ');
        }
        return b.toString();
    }

    static String waypointsJson(double[][] waypoints) {
        StringBuilder sb = new StringBuilder(waypoints.length * 40).append('[');
        for (int i = 0; i < waypoints.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[').append(waypoints[i][0]).append(',').append(waypoints[i][1]).append(']');
        }
        return sb.append(']').toString();
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
        Context c = context;
        if (c == null || started.getAcquire() != startedNanos) {
            return;
        }
        expired = true;
        try {
            c.interrupt(HARD_STOP_GRACE);
        } catch (TimeoutException e) {
            LOG.debug("reward call did not stop on interrupt; cancelling its context", e);
            c.close(true);
        } catch (IllegalStateException | PolyglotException e) {
            LOG.debug("interrupt failed; cancelling the context", e);
            c.close(true);
        }
    }

    private void dropContext() {
        Context c = context;
        context = null;
        if (c != null) {
            try {
                c.close(true);
            } catch (RuntimeException e) {
                LOG.debug("closing a cancelled context", e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ info

    @Override
    public Backend backend() {
        return Backend.GRAALPY;
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
        Engine e = engine(interpreterOnly);
        String mode = interpreterOnly ? "interpreter only" : compilerAvailable() ? "with the Graal compiler"
                : "interpreted: no Graal compiler";
        var python = e.getLanguages().get("python");
        return "graalpy (GraalPy " + (python == null ? "" : "for Python " + python.getVersion() + ", ") + "embedded in the JVM on "
                + e.getImplementationName() + ", " + mode + "; sandboxed: no files, network, "
                + "processes, threads, native code, Java classes or environment; " + budget.toMillis()
                + " ms per call)";
    }

    @Override
    public synchronized void close() {
        closed = true;
        Watchdog.unwatch(this);
        Context c = context;
        context = null;
        if (c != null) {
            try {
                c.close(true);
            } catch (RuntimeException e) {
                LOG.debug("closing context", e);
            }
        }
        makeSpare(interpreterOnly); // if spares are kept: the next one, now that this reward no longer runs
    }

    /** The guest's output stream, connected to its reward's stream when the context is handed out. */
    private static final class SwitchableOut extends OutputStream {
        private volatile OutputStream target = OutputStream.nullOutputStream();

        void connect(OutputStream to) {
            target = to;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }

    /** Truffle's log lines go to SLF4J (debug), not to the user's terminal. */
    private static final class LogStream extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                LOG.debug("graalpy: {}", line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
