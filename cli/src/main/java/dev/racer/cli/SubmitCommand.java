package dev.racer.cli;

import dev.racer.league.LeagueClient;
import dev.racer.league.api.LeagueApi;
import dev.racer.league.api.SubmissionStatus;
import dev.racer.model.ModelFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racer submit models/NAME --server URL --league ID --token T [--wait]}. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Uploads a model folder to a league (as a zip of its model files); with --wait, follows the race"
                + " and prints the rank and lap times.")
public final class SubmitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "the model folder (models/NAME)")
    Path model;
    @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", description = "league server (default: ${DEFAULT-VALUE})")
    String server;
    @Option(names = "--league", defaultValue = "default", description = "league id (default: ${DEFAULT-VALUE})")
    String league;
    @Option(names = "--token", defaultValue = "${env:RACER_TOKEN}", description = "your racer token (default: $RACER_TOKEN)")
    String token;
    @Option(names = "--name", description = "the model's name on the leaderboard (default: the folder's name)")
    String name;
    @Option(names = "--checkpoint", paramLabel = "best|last", description = "which network to send: best (the training"
            + " iteration with the best evaluation laps) or last (default: best when training kept one, else last)")
    String checkpoint;
    @Option(names = "--wait", description = "follow the race to the end and print the rank and lap times")
    boolean await;
    @Option(names = "--timeout", defaultValue = "600", description = "seconds --wait waits (default: ${DEFAULT-VALUE})")
    int timeout;

    @Override
    public Integer call() throws Exception {
        if (token == null || token.isBlank()) {
            throw new UserException("--token is needed (or RACER_TOKEN): get one with racer league register --name NAME");
        }
        byte[] zip;
        try {
            ModelFolder.Checkpoint which = checkpoint == null ? null
                    : ModelFolder.Checkpoint.parse(checkpoint, "--checkpoint");
            zip = LeagueClient.zipModel(model, which);
            // the league's own checks, here first: a model the trainer cannot drive is not uploaded at all
            new ModelFolder(model).validate();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        String modelName = name != null ? name : model.toAbsolutePath().normalize().getFileName().toString();
        LeagueClient c = LeagueCommand.client(server);
        LeagueApi.Submission s = LeagueCommand.call(() -> c.submit(league, token, modelName, zip), LeagueApi.Submission.class);
        PrintWriter out = spec.commandLine().getOut();
        String id = s.id();
        out.printf("submitted %s to league %s as %s (%d bytes): %s%n", modelName, league, id, zip.length, s.status());
        if (!await) {
            out.println("follow it with: racer submit ... --wait, or GET " + server + "/api/submissions/" + id);
            return 0;
        }
        out.flush();
        long end = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
        SubmissionStatus last = s.status();
        while (!last.finished()) {
            if (System.nanoTime() > end) {
                throw new UserException("still " + last + " after " + timeout + " s; the server keeps it: check again later", 4);
            }
            Thread.sleep(300);
            s = LeagueCommand.call(() -> c.submission(id, token), LeagueApi.Submission.class);
            if (s.status() != last) {
                out.println("  " + s.status());
                out.flush();
                last = s.status();
            }
        }
        if (last == SubmissionStatus.FAILED) {
            out.println("the race failed: " + s.error());
            return 1;
        }
        LeagueApi.Result r = s.result();
        int crashes = r.crashes() != null ? r.crashes() : 0;
        out.printf(Locale.ROOT, "%s: %d lap(s) completed, total %s s, %d off track%s%n",
                r.completed() ? "finished" : "did not finish (" + r.endReason() + ")",
                r.lapsCompleted(), secs(r.totalMs()), r.offtracks(), crashes > 0 ? ", " + crashes + " collision(s)" : "");
        for (LeagueApi.Lap lap : r.laps()) {
            out.printf(Locale.ROOT, "  lap %d  %s s%s%s%s%n", lap.lap(), secs(lap.timeMs()),
                    lap.offtracks() > 0 ? "  (" + lap.offtracks() + " off track)" : "",
                    lap.crashes() > 0 ? "  (" + lap.crashes() + " collision(s))" : "",
                    lap.completed() ? "" : "  unfinished");
        }
        LeagueApi.Leaderboard board = LeagueCommand.call(() -> c.leaderboard(league), LeagueApi.Leaderboard.class);
        if (board.standings() != null) { // a head-to-model league: ranked by rating after the heat
            for (LeagueApi.Standing e : board.standings()) {
                if (e.submission().equals(s.id())) {
                    out.printf(Locale.ROOT, "rank %d of %d in league %s by rating: %.1f after %d heat(s), %d win(s)%n",
                            e.rank(), board.standings().size(), league, e.rating(), e.heats(), e.wins());
                    return 0;
                }
            }
            out.println("not in the standings: a newer submission of yours replaced this one");
            return 0;
        }
        int n = board.entries().size();
        for (LeagueApi.BoardEntry e : board.entries()) {
            if (e.racerId().equals(s.racerId())) {
                out.printf(Locale.ROOT, "rank %d of %d in league %s (ranked by %s; your best: %s, %s s)%n",
                        e.rank(), n, league, board.league().ranking(), e.model(), secs(e.scoreMs()));
                return 0;
            }
        }
        out.println("not ranked: only races that complete every lap are ranked");
        return 0;
    }

    private static String secs(Long ms) {
        if (ms == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
