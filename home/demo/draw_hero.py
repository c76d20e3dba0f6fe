"""Draw the demo home page's hero illustration, hero.png beside this file.

A Belgrade street at dusk: a pole with two surveillance cameras watching the pavement, and a
citizen's phone putting one on the map. Drawn here, from shapes, in the site's colours, so the
demo ships an original picture (no photo, no third party's work). `seed_demo` loads the PNG;
run this only to change it: `.venv/bin/python home/demo/draw_hero.py`.
"""

from pathlib import Path

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 800
SCALE = 3  # drawn larger, then reduced: smooth edges without a drawing library
OUTPUT = Path(__file__).resolve().parent / "hero.png"

# static/css/site.css: the navy of the hero, the yellow accent, white.
NAVY = (20, 33, 61)
SKY = (39, 62, 107)
SKY_LOW = (58, 87, 140)
CITY = (27, 44, 80)
CITY_NEAR = (16, 26, 49)
ACCENT = (255, 197, 61)
PAPER = (255, 255, 255)
POLE = (196, 205, 222)
CAMERA = (232, 236, 244)
SHADE = (140, 152, 176)
LED = (239, 68, 68)
BEAM = (74, 104, 160)
GROUND = (30, 48, 86)
SKIN = (232, 180, 140)
MAP_LAND = (226, 232, 240)
MAP_ROAD = (255, 255, 255)
MAP_PARK = (187, 222, 190)


def s(*values):
    """Coordinates of the 1200 x 800 picture, at the drawing's scale."""
    return [round(value * SCALE) for value in values]


def draw():
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), SKY)
    d = ImageDraw.Draw(image)

    # Sky: a lighter band low down, and a low sun.
    d.rectangle(s(0, 420, WIDTH, 620), fill=SKY_LOW)
    d.ellipse(s(840, 150, 1000, 310), fill=ACCENT)

    # Far city: blocks, a dome and the Avala tower's silhouette.
    for left, top, right in (
        (0, 470, 120),
        (110, 430, 210),
        (200, 500, 300),
        (520, 450, 600),
        (590, 490, 700),
        (700, 420, 780),
        (960, 480, 1060),
        (1050, 440, 1200),
    ):
        d.rectangle(s(left, top, right, 640), fill=CITY)
    d.pieslice(s(300, 380, 500, 580), 180, 360, fill=CITY)
    d.rectangle(s(300, 480, 500, 640), fill=CITY)
    d.rectangle(s(392, 340, 408, 390), fill=CITY)
    d.polygon(s(860, 640, 872, 330, 884, 640), fill=CITY)
    d.rounded_rectangle(s(852, 330, 892, 352), radius=6 * SCALE, fill=CITY)
    d.polygon(s(868, 330, 872, 270, 876, 330), fill=CITY)

    # Near buildings with lit windows.
    d.rectangle(s(0, 540, 260, 700), fill=CITY_NEAR)
    d.rectangle(s(980, 520, 1200, 700), fill=CITY_NEAR)
    for column in range(5):
        for row in range(3):
            lit = (column * 7 + row * 3) % 4 == 0
            x, y = 20 + column * 48, 560 + row * 40
            d.rectangle(s(x, y, x + 24, y + 22), fill=ACCENT if lit else CITY)
    for column in range(4):
        for row in range(4):
            lit = (column * 5 + row * 2) % 3 == 0
            x, y = 1000 + column * 50, 540 + row * 38
            d.rectangle(s(x, y, x + 26, y + 22), fill=ACCENT if lit else CITY)

    # Pavement.
    d.rectangle(s(0, 690, WIDTH, HEIGHT), fill=GROUND)
    for x in range(0, WIDTH, 160):
        d.rectangle(s(x + 20, 740, x + 110, 752), fill=CITY)

    # What the cameras see: two pale cones down to the pavement.
    d.polygon(s(300, 196, 40, 700, 330, 700), fill=BEAM)
    d.polygon(s(556, 248, 470, 700, 760, 700), fill=BEAM)

    # The pole and its arm.
    d.rectangle(s(452, 120, 472, 720), fill=POLE)
    d.rectangle(s(436, 700, 488, 724), fill=POLE)
    d.rectangle(s(300, 150, 472, 164), fill=POLE)
    d.line(s(380, 164, 462, 230), fill=POLE, width=8 * SCALE)

    # A box camera on the arm, looking down to the left.
    d.rectangle(s(318, 164, 330, 186), fill=SHADE)
    d.polygon(s(262, 176, 356, 176, 362, 226, 268, 226), fill=CAMERA)
    d.polygon(s(250, 168, 370, 168, 364, 180, 256, 180), fill=SHADE)
    d.rectangle(s(270, 206, 300, 226), fill=NAVY)
    d.ellipse(s(276, 210, 292, 224), fill=SKY_LOW)
    d.ellipse(s(336, 186, 346, 196), fill=LED)

    # A dome camera on the pole, facing the pavement.
    d.rectangle(s(472, 226, 560, 240), fill=POLE)
    d.rectangle(s(520, 226, 592, 244), fill=SHADE)
    d.chord(s(522, 210, 590, 278), 0, 180, fill=CAMERA)
    d.ellipse(s(544, 236, 568, 260), fill=NAVY)
    d.ellipse(s(550, 242, 560, 252), fill=SKY_LOW)

    # A hand holds up a phone: the camera goes on the map.
    d.rounded_rectangle(s(700, 330, 920, 760), radius=34 * SCALE, fill=NAVY)
    d.rounded_rectangle(s(714, 360, 906, 730), radius=14 * SCALE, fill=MAP_LAND)
    d.polygon(s(714, 600, 906, 520, 906, 560, 714, 640), fill=MAP_ROAD)
    d.rectangle(s(790, 360, 812, 730), fill=MAP_ROAD)
    d.rounded_rectangle(s(830, 600, 900, 700), radius=10 * SCALE, fill=MAP_PARK)
    for x, y in ((744, 420), (860, 450), (760, 690), (850, 400), (880, 660)):
        d.ellipse(s(x - 9, y - 9, x + 9, y + 9), fill=SKY_LOW)
    # The pin of the new report, with its white dot.
    d.ellipse(s(770, 452, 850, 532), fill=ACCENT)
    d.polygon(s(776, 506, 844, 506, 810, 580), fill=ACCENT)
    d.ellipse(s(794, 476, 826, 508), fill=PAPER)
    d.rounded_rectangle(s(780, 340, 840, 348), radius=4 * SCALE, fill=CITY)
    # Fingers round the phone's edge and the palm under it.
    for top in (470, 530, 590):
        d.rounded_rectangle(s(890, top, 950, top + 46), radius=22 * SCALE, fill=SKIN)
    d.rounded_rectangle(s(676, 560, 736, 690), radius=28 * SCALE, fill=SKIN)
    d.rounded_rectangle(s(740, 700, 960, 800), radius=40 * SCALE, fill=SKIN)
    d.rectangle(s(760, 760, 940, 800), fill=SKIN)

    return image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def main():
    image = draw()
    # Flat colours: a small palette keeps the file small with no visible loss.
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(
        OUTPUT, format="PNG", optimize=True
    )
    print(f"{OUTPUT}: {OUTPUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
