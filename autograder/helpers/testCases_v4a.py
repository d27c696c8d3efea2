"""Empty stand-in for the classic course's ``testCases_v4a`` module (its checks are ours)."""
