"""Render: turn placed records into files for the site (pages, browser data, assets).

Every renderer returns ``core.output.GeneratedFile`` values; an adapter (``adapters.mkdocs``)
hands them to the generator. Renderers never import MkDocs.
"""
