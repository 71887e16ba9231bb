"""The site's ``mkdocs.yml`` as the export reads and rewrites it, without MkDocs.

The file is read with a YAML loader that resolves ``!ENV`` like MkDocs does and keeps every
other tag (Material's ``!!python/name:…`` functions, ``!relative`` …) as it is, so the
exported file carries them unchanged for the engine that builds it.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefings.site.assets import REQUIRED_EXTENSIONS
from briefings.site.options import PublisherOptions

PLUGIN = "briefings"
# Extensions MkDocs 1.x always loads first, whatever the configuration says.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
# Plugin options that name a path relative to mkdocs.yml, with their defaults (config.py).
_PATH_OPTIONS = {
    "seeds_dir": "seeds",
    "glossary_dir": "glossary",
    "sources_file": "sources.yml",
    "decisions_file": "decisions.yml",
    "cache_dir": ".cache/briefings",
}
# Plugin options whose name in PublisherOptions differs, or that only the adapter reads.
_RENAMED_OPTIONS = {"review_marks": "problems_page"}
_ADAPTER_OPTIONS = {"enabled": True, "entities_in_pages": True}
_NAME_TAG = "tag:yaml.org,2002:python/name:"


class ExportError(Exception):
    """The configuration cannot be exported; the message says which setting and why."""


@dataclass(frozen=True)
class Tagged:
    """A YAML value under a tag the export does not interpret, kept to be written back."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    """Safe YAML with MkDocs' ``!ENV`` resolved and every other unknown tag kept."""


class _Dumper(yaml.SafeDumper):
    """Safe YAML that writes :class:`Tagged` values under their own tag again."""


def _construct_env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``: the first variable set, read as a
    YAML scalar, else the default (None without one), as MkDocs' pyyaml_env_tag does."""
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
        if len(children) > 1:
            default = loader.construct_object(children[-1])
            children = children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    else:
        raise yaml.constructor.ConstructorError(
            None, None, "!ENV takes a variable name or a list of names", node.start_mark
        )
    for name in names:
        if isinstance(name, str) and name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode)
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_constructor("!ENV", _construct_env)
_Loader.add_multi_constructor("", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def read_config(path: Path) -> dict[str, Any]:
    """Return the configuration in ``path``; raises ExportError when it is no YAML mapping."""
    try:
        config = yaml.load(path.read_text("utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise ExportError(f"{path}: {exc}") from exc
    if not isinstance(config, dict):
        raise ExportError(f"{path}: the configuration is not a mapping")
    if "INHERIT" in config:
        raise ExportError(f"{path}: INHERIT is not supported by the export; merge the files")
    return config


def dump_config(config: Mapping[str, Any]) -> str:
    """Return ``config`` as YAML, tags kept, keys in their order."""
    return yaml.dump(dict(config), Dumper=_Dumper, sort_keys=False, allow_unicode=True)


def plugin_entry(config: Mapping[str, Any]) -> dict[str, Any]:
    """Return the options of the ``briefings`` plugin in ``config``; raises ExportError when
    the configuration does not use it."""
    plugins = config.get("plugins") or []
    items = plugins.items() if isinstance(plugins, dict) else _plugin_items(plugins)
    for name, options in items:
        if name == PLUGIN:
            if options is not None and not isinstance(options, dict):
                raise ExportError(f"plugins: '{PLUGIN}' options must be a mapping")
            return dict(options or {})
    raise ExportError(f"plugins: the configuration does not use the '{PLUGIN}' plugin")


def _plugin_items(plugins: Any) -> list[tuple[Any, Any]]:
    items: list[tuple[Any, Any]] = []
    for item in plugins:
        if isinstance(item, dict) and len(item) == 1:
            items.append(next(iter(item.items())))
        else:
            items.append((item, None))
    return items


def without_plugin(plugins: Any) -> Any:
    """Return the ``plugins`` setting without the ``briefings`` plugin."""
    if isinstance(plugins, dict):
        return {name: options for name, options in plugins.items() if name != PLUGIN}
    return [
        item
        for item, (name, _) in zip(plugins or [], _plugin_items(plugins or []), strict=True)
        if name != PLUGIN
    ]


def adapter_option(options: Mapping[str, Any], name: str) -> Any:
    """Return an option only the adapter reads (``enabled``, ``entities_in_pages``)."""
    return options.get(name, _ADAPTER_OPTIONS[name])


def publisher_options(
    options: Mapping[str, Any], root: Path, config: Mapping[str, Any]
) -> PublisherOptions:
    """Return the publisher's options from the plugin's ``options`` in ``mkdocs.yml``.

    Paths are relative to ``root``; an option left out takes the plugin's default, which
    PublisherOptions shares (a test holds them equal to ``config.py``'s). Raises ExportError
    for an unknown option or a value of the wrong type.
    """
    fields = {f.name: f for f in dataclasses.fields(PublisherOptions)}
    values: dict[str, Any] = {"root": root}
    for name, default in _PATH_OPTIONS.items():
        value = options.get(name, default)
        if not isinstance(value, str):
            raise ExportError(f"plugins: '{PLUGIN}' option '{name}' must be a string")
        values[name] = root / value if value or name != "cache_dir" else None
    for name, value in options.items():
        if name in _PATH_OPTIONS or name in _ADAPTER_OPTIONS:
            continue
        field = _RENAMED_OPTIONS.get(name, name)
        if field not in fields or field in values:
            raise ExportError(f"plugins: '{PLUGIN}' has no option '{name}'")
        expected: type = type(fields[field].default)
        if type(value) is not expected:
            raise ExportError(
                f"plugins: '{PLUGIN}' option '{name}' must be {expected.__name__}, "
                f"not {type(value).__name__}"
            )
        values[field] = str(value).strip("/") if name == "briefings_dir" else value
    for name in ("site_url", "site_name"):
        # Feeds need the site's absolute URL and name, which are top-level settings.
        if name in fields and isinstance(config.get(name), str):
            values[name] = config[name]
    for name in ("home_count", "archive_page_size", "entity_page_size"):
        if name in values and values[name] < 1:
            raise ExportError(f"briefings: '{name}' must be at least 1, not {values[name]}")
    if not values["seeds_dir"].is_dir():
        raise ExportError(f"briefings: seeds folder '{values['seeds_dir']}' does not exist")
    return PublisherOptions(**values)


def markdown_extensions(config: Mapping[str, Any]) -> tuple[list[Any], list[str]]:
    """Return the configured ``markdown_extensions`` entries, and the names of those the
    plugin's pages need that they lack (the plugin adds them, so the export writes them)."""
    entries = list(config.get("markdown_extensions") or [])
    names = [_extension_name(entry) for entry in entries]
    return entries, [name for name in REQUIRED_EXTENSIONS if name not in names]


def converter_extensions(config: Mapping[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """Return the Markdown extensions and their settings as MkDocs 1.x loads them for this
    configuration with the plugin: its built-ins first, then the configured ones, then those
    the plugin adds. Material's ``!!python/name:`` values are imported."""
    entries, missing = markdown_extensions(config)
    names: list[str] = list(MKDOCS_BUILTIN_EXTENSIONS)
    settings: dict[str, Any] = {}
    for entry in [*entries, *missing]:
        name = _extension_name(entry)
        if name not in names:
            names.append(name)
        if isinstance(entry, dict):
            settings[name] = _resolved(next(iter(entry.values())) or {})
    return names, settings


def _extension_name(entry: Any) -> str:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    raise ExportError(f"markdown_extensions: cannot read the entry {entry!r}")


def _resolved(value: Any) -> Any:
    """Return ``value`` with ``!!python/name:`` tags imported (to run the extensions here)."""
    if isinstance(value, Tagged):
        if not value.tag.startswith(_NAME_TAG):
            raise ExportError(f"markdown_extensions: the tag {value.tag} is not supported")
        module, _, name = value.tag.removeprefix(_NAME_TAG).rpartition(".")
        return getattr(importlib.import_module(module), name)
    if isinstance(value, dict):
        return {key: _resolved(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolved(item) for item in value]
    return value
