"""A module."""
from __future__ import annotations, generics
