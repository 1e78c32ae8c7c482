"""The benchmark harness: `make bench` (see docs/benchmarks.md). Not part of the cjm package."""
