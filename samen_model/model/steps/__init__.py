"""Pure step functions of the engine, one module per part of the model, numpy only."""
