"""Serving Rasid: the REST API (and, later, the web app) over the Python API."""
