"""Options renamed to English, their old Italian spelling still accepted but not shown.

The command's options are in English, like its commands (``validate``, ``geocode``, ``diff``)
and most of its options (``--strict``, ``--dry-run``, ``--only-changed-since``); its help texts
and messages are in Italian, for the volunteers. A few options were first spelled in Italian
(``--comuni``, ``--riprova``, ``--oggi``): a territory's scripts and a maintainer's habits may
still use them, so they keep working, and ``--help`` shows only the current spelling.
"""

from __future__ import annotations

import argparse
import copy


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, leaving out the old spellings of renamed options."""

    def _format_action_invocation(self, action: argparse.Action) -> str:
        old = getattr(action, "old_spellings", ())
        if old:
            action = copy.copy(action)
            action.option_strings = [o for o in action.option_strings if o not in old]
        return super()._format_action_invocation(action)


def renamed(
    parser: argparse.ArgumentParser, name: str, *old: str, **kwargs: object
) -> argparse.Action:
    """``parser.add_argument(name, ...)`` that also accepts ``old`` (hidden from ``--help``)."""
    action = parser.add_argument(name, *old, **kwargs)  # type: ignore[arg-type]
    action.old_spellings = old  # type: ignore[attr-defined]
    return action


def hidden_alias(subparsers: argparse._SubParsersAction, old: str, **kwargs: object):
    """A command's old name: the same parser under another name, not listed in ``--help``."""
    return subparsers.add_parser(old, **kwargs)  # no ``help``: argparse does not list it
