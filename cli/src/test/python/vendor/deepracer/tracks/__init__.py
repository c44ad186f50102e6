from .track_utils import (
    GeometryUtils as GeometryUtils,
    Track as Track,
    TrackIO as TrackIO,
    TrackPlotter as TrackPlotter,
)
