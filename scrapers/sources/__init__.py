"""The source registry: which portals to crawl and how, as validated configuration."""

from scrapers.sources.registry import RegistryError, Source, load_sources, source_named

__all__ = ["RegistryError", "Source", "load_sources", "source_named"]
