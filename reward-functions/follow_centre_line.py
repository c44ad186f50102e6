"""Follow the centre line.

Teaches: the params every reward starts from (track_width, distance_from_center, all_wheels_on_track), and
why a smooth reward beats DeepRacer's classic three bands: the car is told "a bit closer is a bit better"
everywhere, not only at two thresholds.
"""


def reward_function(params):
    if not params["all_wheels_on_track"]:
        return 1e-3  # nearly nothing off the road, but not zero: the signal stays informative

    half_width = 0.5 * params["track_width"]
    # 0 on the centre line, 1 at the border
    offset = min(params["distance_from_center"] / half_width, 1.0)

    # a smooth bump: 1.0 on the line, 0.5 a third of the way out, ~0.1 near the border
    reward = 1.0 - offset ** 0.6
    return float(max(reward, 1e-3))
