package dev.racer.cli;

import dev.racer.track.Track;
import dev.racer.track.TrackException;
import dev.racer.track.TrackLibrary;
import dev.racer.track.WaypointNumbering;

/** Looks a track id up for a command, turning a bad id into a one-line user error. */
final class TrackOption {
    /** The {@code --legacy-waypoints} option's description, shared by every command that has it. */
    static final String LEGACY_WAYPOINTS = "number the waypoints as DeepRacer's simulator did before 6.0.2 (every"
            + " row of the route file, consecutive duplicates included), for reward files written against that"
            + " numbering; by default duplicates are dropped, as simapp >= 6.0.2 does";

    private TrackOption() {
    }

    /** The track, numbered as DeepRacer's simulator from 6.0.2 on. */
    static Track load(String id) {
        return load(id, false);
    }

    /** The track, with the legacy waypoint numbering when {@code legacyWaypoints}. */
    static Track load(String id, boolean legacyWaypoints) {
        try {
            return TrackLibrary.standard().get(id, WaypointNumbering.of(legacyWaypoints));
        } catch (TrackException e) {
            throw new UserException(e.getMessage());
        }
    }
}
