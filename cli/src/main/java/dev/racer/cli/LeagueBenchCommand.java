package dev.racer.cli;

import dev.racer.io.FileTrees;
import dev.racer.league.LeagueClient;
import dev.racer.league.LeagueConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racer bench league}: the league under a burst of submissions. */
@Command(name = "league", mixinStandardHelpOptions = true,
        description = "Starts a league server on loopback (fresh data folder), uploads N copies of a model at once from"
                + " several racers while reading the leaderboard in a loop; prints races per minute and leaderboard read"
                + " latency, and checks none was lost.")
final class LeagueBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--model", required = true, description = "a model folder written by racer train")
    Path model;
    @Option(names = "--submissions", defaultValue = "50", description = "uploads sent at once (default: ${DEFAULT-VALUE})")
    int submissions;
    @Option(names = "--racers", defaultValue = "10", description = "racers they come from (default: ${DEFAULT-VALUE})")
    int racers;
    @Option(names = "--workers", description = "evaluation workers (default: CPU cores)")
    Integer workers;
    @Option(names = "--db", description = "database URL (default: SQLite in a temporary folder)")
    String db;
    @Option(names = "--keep", description = "keep the benchmark's data folder (database, models, traces)")
    boolean keep;
    @CommandLine.Mixin
    LeagueCommand.RuleOptions rules = new LeagueCommand.RuleOptions();

    @Override
    public Integer call() throws Exception {
        if (submissions < 1 || racers < 1 || racers > submissions) {
            throw new UserException("--submissions must be >= 1 and --racers in [1, submissions]");
        }
        byte[] zip;
        try {
            zip = LeagueClient.zipModel(model);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        int w = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        Path data = LeagueBench.tempData();
        LeagueConfig cfg = LeagueConfig.defaults(data).withDb(db).withWorkers(w)
                .withDefaultLeague(new LeagueConfig.LeagueSpec("bench", "Bench", rules.rules()));
        LeagueBench.Result r;
        try {
            r = LeagueBench.run(cfg, null, zip, submissions, racers);
        } finally {
            if (!keep) {
                FileTrees.deleteQuietly(data);
            }
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        r.print(new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8), w);
        java.io.PrintWriter pw = spec.commandLine().getOut();
        pw.print(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        pw.printf("  league: %s, %d laps, ranked by %s%s%n", rules.track, rules.laps, rules.ranking,
                keep ? "; data kept in " + data : "");
        pw.flush();
        return r.noneLost() ? 0 : 1;
    }

}
