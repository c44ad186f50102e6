"""Stay inside the borders.

Teaches: the simplest reward that works, and how little it needs to say. Any line inside the road is as good
as any other, so the car is free to find racing lines; only leaving the road, or riding the border with a
wheel already off, is punished.
"""

MARGIN = 0.05  # metres of safety inside each border


def reward_function(params):
    if params["is_offtrack"] or not params["all_wheels_on_track"]:
        return 1e-3

    room = 0.5 * params["track_width"] - params["distance_from_center"]
    if room < MARGIN:
        return 0.3  # still on the road, but too close to the edge
    return 1.0
