package dev.racer.cli;

import dev.racer.track.Track;
import dev.racer.track.TrackException;
import dev.racer.track.TrackLibrary;

/** Looks a track id up for a command, turning a bad id into a one-line user error. */
final class TrackOption {
    private TrackOption() {
    }

    static Track load(String id) {
        try {
            return TrackLibrary.standard().get(id);
        } catch (TrackException e) {
            throw new UserException(e.getMessage());
        }
    }
}
