"""Tables for readers: results, uncertainty, calibration, observed figures, scenario discovery."""
