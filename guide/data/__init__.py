"""The data layer: reading ``data/*.yml`` safely, the typed models, and the checks on data and pages."""
