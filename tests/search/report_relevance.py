"""Print the relevance of the case search: every judged query's nDCG@10 and reciprocal rank, the means, the worst.

    .venv/bin/python tests/search/report_relevance.py

It runs tests/search/test_relevance.py with its output shown, so the figures are
the ones the floors are checked against; extra arguments go to pytest.
"""

import sys
from pathlib import Path

import pytest

if __name__ == "__main__":
    test_file = Path(__file__).with_name("test_relevance.py")
    sys.exit(pytest.main([str(test_file), "-q", "-s", "-p", "no:randomly", *sys.argv[1:]]))
