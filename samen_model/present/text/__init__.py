"""Sentences generated from results: the narrative, the square's dynamics, the calibration."""
