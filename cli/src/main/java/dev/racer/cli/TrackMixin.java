package dev.racer.cli;

import dev.racer.track.Track;
import picocli.CommandLine.Option;

/**
 * {@code --track ID} with the default track: the one declaration every command that takes a track shares
 * ({@code @Mixin TrackMixin track}). {@code racer evaluate}, where the track is required, declares its own and
 * loads it through {@link TrackOption} too.
 */
final class TrackMixin {
    @Option(names = "--track", paramLabel = "ID", defaultValue = "reinvent_base",
            description = "track id (racer tracks list; default: ${DEFAULT-VALUE})")
    String id;

    /** The track, or a one-line user error naming the unknown id. */
    Track load() {
        return TrackOption.load(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
