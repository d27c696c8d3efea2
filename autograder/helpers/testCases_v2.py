"""Empty stand-in for the classic course's ``testCases_v2`` module (its test cases are ours)."""
