"""The built-in document templates, one folder per language, installed as package data."""
