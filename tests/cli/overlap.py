#!/usr/bin/python3
"""overlap.py DUMP...: checks scene dumps (clout_scene_dump) for text that overlaps text or a node.

Independent of clout's placement code: it reads only the dump, where each text line gives its
anchor, angle and ink box (the painted glyphs' extent, measured by Pango, in the text's own
frame), and each circle its centre and radius; it rebuilds every text's box as a rotated
rectangle in scene coordinates and tests each pair with the separating axis theorem (two convex
polygons are disjoint if and only if some edge normal separates them; Ericson, Real-Time
Collision Detection, 2005, 4.4) and each text against each circle (the distance from the
centre to the rectangle).  Boxes that merely touch, or overlap by less than TOL points (the
dump's rounding is 0.1 pt), pass.

Prints one line per overlap, "file: group "a" overlaps group "b" by D pt", and exits 1 if any;
exits 0 when every figure is clean.  --max-report N limits the lines per file.

--lines GROUP (repeatable) also checks the line segments of the groups named GROUP, or whose
name starts with "GROUP " ("slope" is every "slope KAZ"; "*" every group), against every text
box: a segment crosses a box when no axis separates the segment (a polygon of two points) from
the box, and by how much is the smaller of the overlaps along the box's two axes and the
segment's normal.  Dashed lines count as solid, and a line's width is left out (TOL covers
hairlines).

overlap.py --ink DUMP: checks the ink boxes themselves, against the same text measured by
Pillow's FreeType rendering of the DejaVu Sans files, or of the DejaVu family that the dump's
first line names (font="DejaVu Serif"; not Pango): prints the largest
difference in width and height (points) over the dump's unrotated texts and exits 1 when it
exceeds 0.5 pt + 3%, so that boxes that were wrong (empty, or of another font) cannot let
overlaps pass.
"""
import math
import re
import sys

TOL = 0.3  # points: 3x the dump's rounding

TEXT = re.compile(
    r'^  text (\S+) (\S+) (\S+) (\w+) (\w+) (\w+) (\S+) ink (\S+) (\S+) (\S+) (\S+) color=\S+ "(.*)"$')
CIRCLE = re.compile(r'^  circle (\S+) (\S+) (\S+) ')
LINE = re.compile(r'^  line (\d+) ((?:\S+ )+)')


def text_box(m):
    x, y, _size = float(m[1]), float(m[2]), float(m[3])
    angle = float(m[7])
    bx, by, bw, bh = (float(m[k]) for k in (8, 9, 10, 11))
    a = -math.radians(angle)  # counter-clockwise on the page, y down
    c, s = math.cos(a), math.sin(a)
    pts = []
    for px, py in ((bx, by), (bx + bw, by), (bx + bw, by + bh), (bx, by + bh)):
        pts.append((x + px * c - py * s, y + px * s + py * c))
    return pts, bw * bh > 0


def in_groups(group, groups):
    return any(g == "*" or group == g or group.startswith(g + " ") for g in groups)


def parse(path, line_groups=()):
    texts, circles, lines, group = [], [], [], ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("group "):
                group = line[6:]
                continue
            m = TEXT.match(line)
            if m:
                pts, ink = text_box(m)
                if ink:  # blank text paints nothing
                    texts.append((group, m[12], pts))
                continue
            m = CIRCLE.match(line)
            if m:
                circles.append((group, float(m[1]), float(m[2]), float(m[3])))
                continue
            m = LINE.match(line)
            if m and in_groups(group, line_groups):
                n, v = int(m[1]), [float(x) for x in m[2].split()[:2 * int(m[1])]]
                for k in range(n - 1):
                    lines.append((group, ((v[2 * k], v[2 * k + 1]), (v[2 * k + 2], v[2 * k + 3]))))
    return texts, circles, lines


def edges(poly):
    """A polygon's sides as pairs of points (a segment of two points is one side, twice)."""
    return [(poly[i], poly[(i + 1) % len(poly)]) for i in range(len(poly))]


def unit_normals(sides):
    """The unit normal of every side that has a length: the separating axes to try."""
    for (x1, y1), (x2, y2) in sides:
        nx, ny = y1 - y2, x2 - x1
        length = math.hypot(nx, ny)
        if length:
            yield nx / length, ny / length


def project(points, nx, ny):
    return [px * nx + py * ny for px, py in points]


def penetration(p, q):
    """How far two convex polygons overlap along their best separating axis (<= 0: apart)."""
    best = math.inf
    for nx, ny in unit_normals(edges(p) + edges(q)):
        a, b = project(p, nx, ny), project(q, nx, ny)
        best = min(best, min(max(a), max(b)) - max(min(a), min(b)))
        if best <= 0:
            return best
    return best


def segment_penetration(seg, box):
    """How far a segment runs into a convex polygon (<= 0: apart): the shortest move that
    separates them along the polygon's edge normals and the segment's normal (the separating
    axis theorem's penetration depth; the segment is a polygon of two points)."""
    best = math.inf
    for nx, ny in unit_normals(edges(box) + [seg]):
        a, b = project(seg, nx, ny), project(box, nx, ny)
        best = min(best, max(a) - min(b), max(b) - min(a))
        if best <= 0:
            return best
    return best


def circle_penetration(poly, cx, cy, r):
    """r minus the distance from (cx, cy) to the convex polygon (r when the centre is inside)."""
    n = len(poly)
    dist, signs = math.inf, set()
    for i in range(n):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % n]
        ex, ey = x2 - x1, y2 - y1
        cross = ex * (cy - y1) - ey * (cx - x1)
        signs.add(cross > 0)
        t = max(0.0, min(1.0, ((cx - x1) * ex + (cy - y1) * ey) / (ex * ex + ey * ey or 1)))
        dist = min(dist, math.hypot(cx - (x1 + t * ex), cy - (y1 + t * ey)))
    return r if len(signs) == 1 else r - dist


def check(path, limit, line_groups=()):
    texts, circles, lines = parse(path, line_groups)
    found = []
    for g, seg in lines:
        for tg, tt, box in texts:
            d = segment_penetration(seg, box)
            if d > TOL:
                found.append(f'{path}: the line of {g} from ({seg[0][0]:.1f}, {seg[0][1]:.1f}) '
                             f'to ({seg[1][0]:.1f}, {seg[1][1]:.1f}) crosses {tg} "{tt}" '
                             f'by {d:.1f} pt')
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            d = penetration(texts[i][2], texts[j][2])
            if d > TOL:
                found.append(f'{path}: {texts[i][0]} "{texts[i][1]}" overlaps '
                             f'{texts[j][0]} "{texts[j][1]}" by {d:.1f} pt')
        for g, cx, cy, r in circles:
            d = circle_penetration(texts[i][2], cx, cy, r)
            if d > TOL:
                found.append(f'{path}: {texts[i][0]} "{texts[i][1]}" overlaps the circle of {g} '
                             f'at ({cx:.1f}, {cy:.1f}) by {d:.1f} pt')
    for line in found[:limit]:
        print(line)
    if len(found) > limit:
        print(f"{path}: ... and {len(found) - limit} more")
    return len(found), len(texts)


DEJAVU = "/usr/share/fonts/truetype/dejavu/"
FONT = re.compile(r'^scene \S+ \S+ font="(.*)"$')


def check_ink(path):
    from PIL import ImageFont
    fonts = {}
    with open(path, encoding="utf-8") as f:
        m = FONT.match(f.readline().rstrip("\n"))
    family = m[1] if m else "DejaVu Sans"
    if not family.startswith("DejaVu "):
        print(f"{path}: no font file known for {family}", file=sys.stderr)
        return 2
    scale = 20  # measure at 20x the size: Pillow's boxes are whole pixels
    worst, n, bad = 0.0, 0, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = TEXT.match(line.rstrip("\n"))
            if not m or float(m[7]) != 0 or not m[12].strip():
                continue
            text = m[12]
            if "\\" in text:
                continue  # escaped by the dump: not worth unescaping for a measurement
            if any(ord(c) >= 0x2e80 for c in text):
                continue  # CJK: another font (fontconfig's fallback)
            size, bold = float(m[3]), m[4] == "bold"
            key = (size, bold)
            if key not in fonts:
                name = family.replace(" ", "") + ("-Bold" if bold else "") + ".ttf"
                fonts[key] = ImageFont.truetype(DEJAVU + name, round(size * scale))
            # the ink: the bounding box of the glyphs' mask (getbbox starts at the origin)
            x0, y0, x1, y1 = fonts[key].getmask(text).getbbox()
            w, h = (x1 - x0) / scale, (y1 - y0) / scale
            dw, dh = abs(w - float(m[10])), abs(h - float(m[11]))
            n += 1
            worst = max(worst, dw, dh)
            if dw > 0.5 + 0.03 * w or dh > 0.5 + 0.03 * h:
                bad.append(f'{path}: "{text}" ink {m[10]} x {m[11]} pt, Pillow {w:.1f} x {h:.1f}')
    for line in bad[:20]:
        print(line)
    print(f"{path}: {n} texts measured in {family}, largest difference from Pillow {worst:.2f} pt")
    return 1 if bad or n == 0 else 0


def main():
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "--ink":
        return check_ink(args[1])
    limit, line_groups = 20, []
    while len(args) >= 2 and args[0] in ("--max-report", "--lines"):
        if args[0] == "--max-report":
            limit = int(args[1])
        else:
            line_groups.append(args[1])
        args = args[2:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    bad = 0
    for path in args:
        n, nt = check(path, limit, line_groups)
        bad += n
        if n == 0:
            print(f"{path}: {nt} texts, no overlap" + (" and no line crossing" if line_groups else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
