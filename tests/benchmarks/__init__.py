"""Benchmarks: server time and SQL queries of the public pages (`make bench`)."""
