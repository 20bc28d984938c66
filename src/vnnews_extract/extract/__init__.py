"""Rule extractors: ``statistics.extract_statistics`` and ``personnel.extract_personnel``.

Each takes a segmented ``Document`` and returns records whose ``Evidence.rule`` names the rule
that fired; ``pipeline.py`` composes them.
"""
