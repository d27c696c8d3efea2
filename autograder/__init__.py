"""Auto-grader for the deep-learning exercises: see README.md for the architecture."""

from pathlib import Path

#: The project root (holds solutions/, assignments/, dldata/).
ROOT = Path(__file__).resolve().parent.parent
