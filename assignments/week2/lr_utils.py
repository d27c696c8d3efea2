"""The classic course's ``lr_utils``: cat / non-cat data for the week-2 notebook.

The data is found and verified by the project's loader (``python -m dldata verify``
says where it looked; ``python -m dldata fetch --from DIR`` puts it in place).
"""

from dldata.catvnoncat import load_dataset

__all__ = ["load_dataset"]
