"""DejaVu Sans, shipped with the code (its licence beside it): it has the Serbian letters in
both scripts, which Pillow's and fpdf2's own fonts lack, and no host need install a font. The
social images (home/social_images.py) and the letters to authorities draw with it."""

from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent
REGULAR = DIRECTORY / "DejaVuSans.ttf"
BOLD = DIRECTORY / "DejaVuSans-Bold.ttf"
