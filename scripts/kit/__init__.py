"""Build logic of the JST training kit: materials, views, checks and publishing."""
