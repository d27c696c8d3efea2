"""The classic course's ``lr_utils``: cat / non-cat data for the week-2 notebook.

The data is found and verified by the project's loader (``python -m datasets verify``
says where it looked; ``python -m datasets fetch --from DIR`` puts it in place).
"""

from datasets.catvnoncat import load_dataset

__all__ = ["load_dataset"]
