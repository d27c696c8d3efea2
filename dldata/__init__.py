"""Real data for the exercises: found, verified against known sha256 digests, loaded.

The data files are never committed. They are found in ``data_dir``, ``$DL_DATASETS_DIR``,
their home (a clone's ``datasets/`` folder, else the per-user data folder), or
``../shared/datasets/`` (see `dldata.store`), and put in place with ``python -m dldata fetch`` (local copies first, then
public mirrors, each file verified by sha256).
"""

from .catvnoncat import CatVsNonCat, load_catvnoncat, load_dataset
from .store import KNOWN_FILES, DataError, fetch, find_file, verify

__all__ = [
    "KNOWN_FILES",
    "CatVsNonCat",
    "DataError",
    "fetch",
    "find_file",
    "load_catvnoncat",
    "load_dataset",
    "verify",
]
