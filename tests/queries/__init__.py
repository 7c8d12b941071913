"""Tests of the competency queries in queries/*.rq."""
