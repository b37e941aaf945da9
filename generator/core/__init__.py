"""The bottom of the pipeline: problems, text, the model and settings, which every stage uses."""
