#!/usr/bin/env python3
"""Writes the small .npy test fixtures committed under engine/src/test/resources/npy and
cli/src/test/resources/npy. Run from the repository root: python3 tracks/scripts/make_npy_fixtures.py
The output is committed; this script documents how it was made (numpy needed only here, never at runtime)."""
import json, os
import numpy as np
from numpy.lib import format as npf

out = "engine/src/test/resources/npy"
os.makedirs(out, exist_ok=True)

# an ellipse, 3 m x 2 m, 0.8 m wide, 24 waypoints counterclockwise, closing row repeated
t = np.linspace(0, 2 * np.pi, 24, endpoint=False)
c = np.stack([3 * np.cos(t), 2 * np.sin(t)], axis=1)
n = np.stack([2 * np.cos(t), 3 * np.sin(t)], axis=1)
n /= np.linalg.norm(n, axis=1, keepdims=True)
oval = np.hstack([c, c - 0.4 * n, c + 0.4 * n])
oval = np.vstack([oval, oval[:1]])


def save(name, arr, version=(1, 0)):
    with open(os.path.join(out, name), "wb") as f:
        npf.write_array(f, arr, version=version)


save("oval_v1_f8.npy", oval)
save("oval_v2_f8.npy", oval, (2, 0))
save("oval_v3_f8.npy", oval, (3, 0))
save("oval_f4.npy", oval.astype("<f4"))
save("oval_be_f8.npy", oval.astype(">f8"))
save("oval_fortran_f8.npy", np.asfortranarray(oval))
save("shape_5_columns.npy", oval[:, :5].copy())
save("shape_1d.npy", oval.reshape(-1))
save("int64.npy", np.arange(24 * 6, dtype="<i8").reshape(24, 6))
with open(os.path.join(out, "oval_v1_f8.npy"), "rb") as f:
    whole = f.read()
with open(os.path.join(out, "truncated.npy"), "wb") as f:
    f.write(whole[: len(whole) - 100])
with open(os.path.join(out, "bad_magic.npy"), "wb") as f:
    f.write(b"center_x,center_y,inner_x\n1,2,3\n")
np.savetxt(os.path.join(out, "oval.csv"), oval, delimiter=",", fmt="%.17g")

# a real DeepRacer route, rebuilt as .npy from the shipped JSON, for the CLI import round trip
cli = "cli/src/test/resources/npy"
os.makedirs(cli, exist_ok=True)
rows = json.load(open("tracks/src/main/resources/tracks/reinvent_base.json"))["waypoints"]
np.save(os.path.join(cli, "reinvent_base.npy"), np.array(rows, dtype="<f8"))
print("fixtures written")
