"""samen_model: financial simulation of Groningen's youth-care reform SAMEN."""

__version__ = "0.1.0"
