"""One interface language at a time: every user-facing string goes through `_`.

The English text is the message id; the catalogue (``govread/data/messages/zh.toml``,
msgid = msgstr) maps it to Simplified Chinese. Only one language is in force for a run:

    _("Help")                                   "帮助" in Chinese, "Help" in English
    _("{n} reports opened").format(n=3)         placeholders are kept by the translation
    _n("{n} hit", "{n} hits", n).format(n=n)    English's two forms; the plural is the id
    N_("Help")                                  a message id translated where it is shown
                                                (binding descriptions, class constants:
                                                they are made at import, before the
                                                language is known)

The language is chosen by `resolve_language`: the ``--lang`` option, else ``language`` in
config.toml, else the locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``: a
``zh…`` locale means Chinese), else English. `set_language` puts it in force.
``python tools/i18n_check.py`` lists message ids missing from the catalogue and entries no
code uses.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache

LANGUAGES = ("en", "zh")  # English is the message id; zh has a catalogue
Language = str

_current: dict[str, object] = {"language": "en", "catalogue": {}}


def _(message: str) -> str:
    """The user-facing `message` (its English text) in the interface language."""
    catalogue = _current["catalogue"]
    assert isinstance(catalogue, dict)
    translated = catalogue.get(message)
    return translated if isinstance(translated, str) else message


def _n(singular: str, plural: str, count: int) -> str:
    """The message for `count` things: English has two forms, Chinese one (the catalogue
    keys it by the plural, the message id); both keep the same placeholders."""
    return _(plural) if language() != "en" else (singular if count == 1 else plural)


def N_(message: str) -> str:
    """`message` unchanged: marks a message id made at import, translated with `_` where
    it is shown."""
    return message


def shown(template: str, fields: Mapping[str, object] | None = None) -> str:
    """A message made at one place and shown at another (an error raised in a worker, say):
    its id `template` in the interface language, its ``{fields}`` filled in; a text field
    is translated too when it is a message id itself (``a pipe``), else left as it is (a
    library's words, a path)."""
    if not fields:
        return _(template)
    return _(template).format(**{k: _(v) if isinstance(v, str) else v for k, v in fields.items()})


def language() -> Language:
    """The interface language in force ("en" or "zh")."""
    value = _current["language"]
    assert isinstance(value, str)
    return value


def set_language(language: Language) -> None:
    """Put `language` ("en" or "zh") in force for every later `_` call."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of: {', '.join(LANGUAGES)}")
    _current["language"] = language
    _current["catalogue"] = {} if language == "en" else catalogue(language)


@cache
def catalogue(language: Language) -> dict[str, str]:
    """The message catalogue of `language` (msgid → translation), from the package data."""
    from importlib import resources  # here: English, the start-up path, needs no catalogue

    text = resources.files("govread").joinpath(f"data/messages/{language}.toml").read_text("utf-8")
    table = tomllib.loads(text)
    return {key: value for key, value in table.items() if isinstance(value, str)}


def _locale_language(value: str) -> Language | None:
    """The language a locale name (``zh_CN.UTF-8``, ``en_US``, ``C``) asks for, or None
    for an empty one."""
    value = value.strip()
    if not value:
        return None
    return "zh" if value.lower().startswith("zh") else "en"


def locale_language(environ: Mapping[str, str]) -> Language | None:
    """The language the locale variables ask for, in POSIX order, or None when none is set.

    ``LANGUAGE`` is a list of preferences (``fr:zh_CN:en``): its first entry govread
    speaks decides. Then the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set.
    """
    for entry in environ.get("LANGUAGE", "").split(":"):
        entry = entry.strip().lower()
        if entry.startswith(("zh", "en")):
            return entry[:2]
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        found = _locale_language(environ.get(variable, ""))
        if found:
            return found
    return None


def resolve_language(
    flag: str | None, configured: str | None, environ: Mapping[str, str]
) -> Language:
    """The interface language: the ``--lang`` flag, else config.toml's ``language``, else
    the locale, else English."""
    for chosen in (flag, configured):
        if chosen in LANGUAGES:
            assert chosen is not None
            return chosen
    return locale_language(environ) or "en"
