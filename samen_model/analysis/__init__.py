"""Layer 3, analysis: questions asked of the model.

Named outputs, Monte Carlo summaries, sensitivity (tornado, Sobol), break-even, attribution and
scenario comparison. Calls the model layer; never reads YAML directly and never writes files.
Imports model and scenario.
"""
