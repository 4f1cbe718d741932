"""The law-change watch (`kit prawo`): the Sejm's ELI API against materials/legal.yml."""
