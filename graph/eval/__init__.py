"""Evaluation harness: mention detection, linking and event figures against gold data."""
