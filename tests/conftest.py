from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_84ad6c98e610491e.txt"
# The seed's events: summit on Friday 15 August 2025, Macron on Monday 18 August.
SEED_PUBLISHED = "2025-08-19"


@pytest.fixture(scope="session")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED
