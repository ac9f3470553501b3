"""The strict loader: every scalar stays a string, every hostile input gets its own message."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicemap.load import document as load
from servicemap.load import events
from servicemap.problems.problem import Problem
from servicemap.validate import contract
from servicemap.validate import records as validate

FILE = "services.yaml"


def load_problems(data: str | bytes) -> list[tuple[int, int, str]]:
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    node, problems = load.load_bytes(raw, FILE)
    assert node is None, "a refused file gives no tree"
    return [(p.line, p.column, p.code) for p in problems]


def only(data: str | bytes) -> Problem:
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    node, problems = load.load_bytes(raw, FILE)
    assert node is None and len(problems) == 1, problems
    return problems[0]


# --- values stay as written ----------------------------------------------------------------------


def test_yaml_11_surprises_stay_strings():
    text = "a: 9:00\nb: [0212345670, 010]\nc: no\nd: si\ne: 2024-03-14\nf: 1e3\ng: ~\nh: null\n"
    node, problems = load.load_text(text, FILE)
    assert problems == []
    assert node.plain() == {
        "a": "9:00",
        "b": ["0212345670", "010"],
        "c": "no",
        "d": "si",
        "e": "2024-03-14",
        "f": "1e3",
        "g": "~",
        "h": "null",
    }


def test_empty_value_is_none_but_empty_quotes_are_text():
    node, _ = load.load_text('a:\nb: ""\n', FILE)
    assert node.plain() == {"a": None, "b": ""}


def test_positions_are_one_based_and_point_at_key_and_value():
    node, _ = load.load_text("servizi:\n  - id: x\n    nome:   Centro\n", FILE)
    record = node.get("servizi").value[0]
    nome = record.get("nome")
    assert (nome.line, nome.column) == (3, 13)
    assert (nome.key_line, nome.key_column) == (3, 5)
    assert (record.line, record.column) == (2, 5)


def test_bom_is_accepted():
    node, problems = load.load_bytes("\ufeffa: b\n".encode(), FILE)
    assert problems == [] and node.plain() == {"a": "b"}


# --- hostile inputs: one distinct message and position each --------------------------------------


@pytest.mark.parametrize(
    ("data", "expected", "words"),
    [
        ("a: 1\na: 2\n", (2, 1, "duplicate-key"), "riga 1"),
        ("x:\n  - {id: a, id: b}\n", (2, 13, "duplicate-key"), "`id`"),
        ("a: &anc 1\nb: 2\n", (1, 4, "anchor"), "&anc"),
        ("a: [1]\nb: *anc\n", (2, 4, "alias"), "*anc"),
        ("a: !!python/object/apply:os.system ['echo hi']\n", (1, 4, "tag"), "python/object"),
        ("a: !!str 9:00\n", (1, 4, "tag"), "tag"),
        ("a: !custom x\n", (1, 4, "tag"), "!custom"),
        ("a:\n\tb: 1\n", (2, 1, "tab-indent"), "spazi"),
        ("a:\n  b: 1\n  \tc: 2\n", (3, 3, "tab-indent"), "tabulazione"),
        (b"a: caf\xe9\n", (1, 7, "not-utf8"), "UTF-8"),
        (b"a: ok\nb: \xff\xfe\n", (2, 4, "not-utf8"), "0xff"),
        ("", (1, 1, "empty-file"), "vuoto"),
        ("# solo commenti\n\n", (1, 1, "empty-file"), "territorio"),
        ("---\n", (1, 1, "empty-file"), "vuoto"),
        ("a: 1\n---\nb: 2\n", (2, 1, "multiple-documents"), "---"),
        ("- id: a\n- id: b\n", (1, 1, "root-not-mapping"), "elenco"),
        ("testo qualsiasi\n", (1, 1, "root-not-mapping"), "territorio"),
        ("a: [1, 2\nb: 3\n", (2, 2, "yaml-syntax"), "YAML non valido"),
        ('a: "aperto\n', (2, 1, "yaml-syntax"), "virgolette"),
        ("a: b: c\n", (1, 5, "yaml-syntax"), "rientri"),
        ("? [a, b]\n: c\n", (1, 3, "bad-key"), "chiave"),
        ("a: 1\x00\n", (1, 5, "control-character"), "NUL"),
        ("a: " + "[" * 200 + "]" * 200 + "\n", (1, 23, "too-deep"), "livelli"),
    ],
)
def test_hostile_input_is_refused_with_its_own_message(data, expected, words):
    found = only(data)
    assert (found.line, found.column, found.code) == expected
    assert found.severity == "error"
    assert words.casefold() in found.message.casefold()
    assert found.format_text().startswith(f"{FILE}:{expected[0]}:{expected[1]}: error: ")


def test_billion_laughs_is_refused_before_expanding():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    found = only("\n".join(lines) + "\n")
    assert found.code == "anchor" and time.perf_counter() - start < 1


def test_deep_nesting_never_raises_recursion_error():
    deep = "a: " + "[" * 100_000 + "]" * 100_000 + "\n"
    found = only(deep)
    assert found.code == "too-deep"
    block = "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "fine: 1\n"
    assert only(block).code == "too-deep"


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(load, "MAX_BYTES", 1000)
    path = tmp_path / "services.yaml"
    path.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    node, [found] = load.load_path(path, FILE)
    assert node is None and found.code == "file-too-large" and "MB" in found.message


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path):
    node, [found] = load.load_path(tmp_path / "nessuno.yaml", FILE)
    assert node is None and found.code == "file-not-found"


def test_a_directory_is_a_problem_not_an_exception(tmp_path: Path):
    node, [found] = load.load_path(tmp_path, FILE)
    assert node is None and found.code == "file-unreadable"


# --- control characters and invisible line breaks: the position an editor shows ------------------


@pytest.mark.parametrize(
    ("char", "shown"),
    [
        ("\x01", "U+0001"),
        ("\x08", "U+0008"),
        ("\x0b", "U+000B"),  # vertical tab: Python's splitlines() would count a line
        ("\x0c", "U+000C"),
        ("\x1b", "U+001B"),
        ("\x1f", "U+001F"),
        ("\x7f", "U+007F (DEL)"),
        ("\x80", "U+0080"),
        ("\x85", "U+0085 (NEL, a capo di Windows-1252: forse era «…»)"),
        ("\x9f", "U+009F"),
        ("\ufffe", "U+FFFE (non è un carattere)"),
        ("\uffff", "U+FFFF (non è un carattere)"),
    ],
)
def test_control_characters_are_reported_where_they_are(char, shown):
    text = f"territorio:\r\n  nome: Distretto\r\nservizi:\n  - nome: Cen{char}tro\n"
    found = only(text)
    assert (found.line, found.column, found.code) == (4, 14, "control-character")
    assert found.message == f"Carattere di controllo {shown} nel file: cancellalo"
    assert "not allowed" not in found.message and "special" not in found.message


def test_a_lone_surrogate_is_reported_not_raised():
    node, [found] = load.load_text("a: ok\nb: x\ud800\n", FILE)
    assert node is None
    assert (found.line, found.column, found.code) == (2, 5, "control-character")
    assert "U+D800" in found.message


def test_every_control_character_is_listed_at_once():
    text = "a: \x07\nb: ok\rc: \x1b\nd: \x85\n"  # a lone \r is a line end too, as in editors
    assert load_problems(text) == [
        (1, 4, "control-character"),
        (3, 4, "control-character"),
        (4, 4, "control-character"),
    ]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
@pytest.mark.parametrize("quote", ["", '"', "'"])
def test_unicode_line_separators_do_not_shift_later_lines(separator, quote):
    lines = ["territorio:", "  nome: Distretto", f"  comuni: [{quote}Pio{separator}ltello{quote}]"]
    lines += ["servizi:", "  - id: a", "    nome: b", "    tipo: [x]", "    indirizzo: {}"]
    lines += ["    aggiornato: x", "    email: a: b"]  # line 10: an error
    assert load_problems("\n".join(lines) + "\n") == [(10, 13, "yaml-syntax")]
    lines[-1] = "    email: [a, b]"
    node, problems = load.load_text("\n".join(lines) + "\n", FILE)
    assert problems == []
    assert node.plain()["territorio"]["comuni"] == [f"Pio{separator}ltello"]  # kept as written
    email = node.get("servizi").value[0].get("email")
    assert (email.line, email.key_line, email.key_column) == (10, 10, 5)


def test_a_duplicate_key_after_a_line_separator_is_on_its_editor_line():
    text = 'a: "x\u2028y\u2029z"\nb: 1\nb: 2\n'
    assert load_problems(text) == [(3, 1, "duplicate-key")]


def test_line_separators_in_keys_and_lists_are_restored():
    node, problems = load.load_text("a\u2028b: [x\u2029, {k\u2028: v\u2028}]\n", FILE)
    assert problems == []
    assert node.plain() == {"a\u2028b": ["x\u2029", {"k\u2028": "v\u2028"}]}
    assert node.get("a\u2028b").value[1].get("k\u2028").value == "v\u2028"


def test_tab_indent_after_a_line_separator_is_on_its_editor_line():
    assert load_problems("a: x\u2028y\nb:\n\tc: 1\n") == [(3, 1, "tab-indent")]


def test_char_position_points_at_one_character_of_a_value():
    node, _ = load.load_text('a: ab\u200bc\nb: "ab\u200bc"\nc: |\n  x\n  y\u200b\n', FILE)
    assert node.get("a").char_position(2) == (1, 6)
    assert node.get("b").char_position(2) == (2, 7)  # after the opening quote
    assert node.get("c").char_position(3) == (5, 4)  # block scalar: on its own line


# --- never a traceback, whatever the text --------------------------------------------------------

YAMLISH = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyz019:-_ []{},&*!|>'\"#?\t\n%@`~é€\r\x85\u2028\u200b\x1b")
    ),
    max_size=300,
)
VOCABULARY, _ = contract.load_vocabulary(Path("/nonexistent/vocabolario.yaml"))


def _prefix_with_record(text: str) -> str:
    return "territorio:\n  nome: X\n  comuni: [A]\nservizi:\n  - id: a\n    " + text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(YAMLISH, YAMLISH.map(_prefix_with_record), st.binary(max_size=200)))
def test_arbitrary_text_never_crashes_loader_or_validator(data):
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    node, problems = load.load_bytes(raw, FILE)
    assert all(isinstance(p, Problem) for p in problems)
    if node is None:
        assert problems, "a refused file always says why"
        return
    _dataset, problems = validate.validate_document(
        node, file=FILE, vocabulary=VOCABULARY, territory=None
    )
    for p in problems:
        assert p.line >= 1 and p.column >= 1 and p.message and p.code


SAMPLE = """\
territorio: {nome: Distretto, comuni: [Pioltello]}
servizi:
  - id: a
    nome: "Sportello"
    descrizione: >-
      Su due
      righe
    telefoni: ['02 1234 5678']
    chiusure:
      - {dal: "2026-08-01", al: "2026-08-31"}
    vuoto:
"""


def _positions(node: load.Node) -> list[tuple[int, int, int, int]]:
    found, stack = [], [node]
    while stack:
        item = stack.pop()
        found.append((item.line, item.column, item.key_line, item.key_column))
        if item.is_mapping:
            stack.extend(item.value.values())  # type: ignore[union-attr]
        elif item.is_list:
            stack.extend(item.value)  # type: ignore[arg-type]
    return found


@pytest.mark.parametrize("text", [SAMPLE, SAMPLE + "altro: &x 1\n", SAMPLE + "servizi: []\n"])
def test_libyaml_and_the_python_parser_give_the_same_tree_and_problems(text, monkeypatch):
    """The light events of libyaml (``load.events``) and the pure-Python parser's, converted."""
    fast, fast_problems = load.load_text(text, FILE)
    monkeypatch.setattr(events, "_SWAP", False)
    slow, slow_problems = load.load_text(text, FILE)
    assert fast_problems == slow_problems
    if fast is None:
        assert slow is None and fast_problems
    else:
        assert fast.plain() == slow.plain()  # type: ignore[union-attr]
        assert _positions(fast) == _positions(slow)  # type: ignore[arg-type]


def test_the_parsers_own_event_classes_are_put_back_after_every_load():
    """The swap lasts only while a file is parsed, refused or not: PyYAML works as usual after."""
    load.load_text(SAMPLE, FILE)
    load.load_text("a: &x 1\n", FILE)  # refused while parsing
    load.load_text("a: [\n", FILE)  # a syntax error raised by libyaml itself
    parsed = list(yaml.parse("a: 1\n", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    assert [type(event) for event in parsed][3] is yaml.ScalarEvent
    assert parsed[3].value == "a"
