package dev.racer.league;

import java.nio.file.Path;

/**
 * Tests only: runs a league server without the {@code racer} command line, as a child process a test can kill:
 * {@code --data DIR [--db URL] [--port N] [--workers N] [--lease-ms MS] [--admin-token T] [--track ID --laps N]}.
 * Prints {@code listening <port>} once it serves.
 */
final class LeagueMain {
    private LeagueMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        String db = null, admin = null, track = "reinvent_base";
        int port = 0, workers = 1, laps = 1;
        dev.racer.race.RaceType type = dev.racer.race.RaceType.TIME_TRIAL;
        long lease = 30_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--data" -> data = Path.of(v);
                case "--db" -> db = v;
                case "--port" -> port = Integer.parseInt(v);
                case "--workers" -> workers = Integer.parseInt(v);
                case "--lease-ms" -> lease = Long.parseLong(v);
                case "--admin-token" -> admin = v;
                case "--track" -> track = v;
                case "--laps" -> laps = Integer.parseInt(v);
                case "--race-type" -> type = LeagueRules.parseRaceType(v, "--race-type");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data DIR is needed");
        }
        LeagueRules d = LeagueRules.DEFAULT;
        LeagueConfig cfg = LeagueConfig.defaults(data).withPort(port).withDb(db).withWorkers(workers).withLeaseMs(lease)
                .withAdminToken(admin).withDefaultLeague(new LeagueConfig.LeagueSpec("default", "Racer league",
                        new LeagueRules(track, laps, d.offtrackPenaltyMs(), d.maxResets(), d.ranking(), d.timeLimitSeconds())
                                .withRace(type, null)));
        LeagueServer s = LeagueServer.start(cfg);
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        System.out.println("listening " + s.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
