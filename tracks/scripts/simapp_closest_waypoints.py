#!/usr/bin/env python3
"""Writes engine/src/test/resources/track/simapp-closest-waypoints.csv: for every closed route of DeepRacer's
simulator, probe points and the closest_waypoints the simulator gives there, with its numbering from 6.0.2 on
(consecutive duplicate centre points dropped) and with the legacy numbering (every row). Computed as the simulator
computes them, with Shapely: the centre line is a LinearRing, ndist = project(point, normalized=True), the rows'
ndists are project(row) for each row but the last plus 1.0, and [prev, next] comes from bisect_right.

Run from the repository root with numpy and shapely (Debian: python3-numpy python3-shapely):
  python3 tracks/scripts/simapp_closest_waypoints.py SIMAPP_CHECKOUT
The output is committed; ClosestWaypointsTest checks Racer against it."""
import bisect, os, sys
import numpy as np
from shapely.geometry import LinearRing, Point

routes = os.path.join(sys.argv[1], "bundle/routes")
EPS = 1e-9


def drop_duplicates(w):
    # the rule of simapp >= 6.0.2: rows 1..n-2 whose centre point is within EPS of the previous file row go,
    # the closing row stays
    keep = np.ones(len(w) - 1, dtype=bool)
    keep[1:] = np.linalg.norm(np.diff(w[:-1, 0:2], axis=0), axis=1) > EPS
    return np.vstack((w[:-1][keep], w[-1:]))


def closest(w, x, y):
    ring = LinearRing(w[:, 0:2])
    ndists = [ring.project(Point(p), normalized=True) for p in ring.coords[:-1]] + [1.0]
    nd = ring.project(Point(x, y), normalized=True)
    nxt = bisect.bisect_right(ndists, nd)
    prev = nxt - 1
    if prev == -1:
        prev = len(ndists) - 1
    if nxt == len(ndists):
        nxt = 0
    return prev, nxt, len(ring.coords)


rows = ["id,x,y,prev,next,waypoints,legacy_prev,legacy_next,legacy_waypoints"]
for file in sorted(os.listdir(routes), key=str.lower):
    w = np.load(os.path.join(routes, file))
    if not np.all(w[0] == w[-1]):
        continue
    s = drop_duplicates(w)
    m = len(s) - 1
    dropped = [i for i in range(1, len(w) - 1) if np.linalg.norm(w[i, 0:2] - w[i - 1, 0:2]) <= EPS]
    probes = {m // 3, (2 * m) // 3, m - 2}
    if dropped:  # the segment right after the first dropped row, and the one after the last
        first = dropped[0] - 1  # the kept row before it, in the simulator's numbering
        probes |= {first, min(m - 1, dropped[-1] - len(dropped) + 5)}
    for k in sorted(probes):
        a, b = s[k, 0:2], s[k + 1, 0:2]
        d = (b - a) / np.linalg.norm(b - a)
        # 0.05 m to the left of the segment's midpoint
        x, y = (a + b) / 2 + 0.05 * np.array([-d[1], d[0]])
        p, n, c = closest(s, x, y)
        lp, ln, lc = closest(w, x, y)
        rows.append("%s,%r,%r,%d,%d,%d,%d,%d,%d" % (file[:-4], float(x), float(y), p, n, c, lp, ln, lc))
out = "engine/src/test/resources/track/simapp-closest-waypoints.csv"
with open(out, "w") as f:
    f.write("\n".join(rows) + "\n")
print(len(rows) - 1, "probes written to", out)
