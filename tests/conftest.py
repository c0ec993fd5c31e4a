"""Unit tests draw off-screen, whatever the machine's default backend."""

import matplotlib

matplotlib.use("Agg")
