"""The batch command: inputs, worker pool, outputs, progress, command line."""
