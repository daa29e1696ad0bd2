"""Bad input is reported with file (and line); the good articles of the same batch still come out."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from graph.ingest import ingest, read_inputs
from graph.types import Article, Problem

GOOD = "Russia and Azerbaijan discussed the situation in Karabakh on Wednesday."


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_empty_binary_missing_and_good_in_one_batch(tmp_path):
    good = _write(tmp_path / "good.txt", GOOD)
    empty = _write(tmp_path / "empty.txt", "  \n\u00a0\n\t")
    zero = tmp_path / "zero.txt"
    zero.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    arts, problems = ingest([empty, binary, good, missing, zero])
    assert [a.origin for a in arts] == [str(good)]
    assert {str(p) for p in problems} == {
        f"{empty}: empty file",
        f"{binary}: binary file, not text",
        f"{missing}: no such file or directory",
        f"{zero}: empty file",
    }
    assert all(p.severity == "error" for p in problems)


def test_broken_jsonl_line_names_file_and_line(tmp_path):
    lines = [
        json.dumps({"id": "one", "text": GOOD}),
        '{"id": "two", "text": "unterminated',
        json.dumps({"id": "three", "text": "   "}),
        json.dumps({"id": "four"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "five", "text": "Baku and Yerevan agreed to talk.", "published": "someday"}),
        json.dumps({"id": "six", "text": "Moscow said the talks went well."}),
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = list(read_inputs([path]))
    arts = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [a.id for a in arts] == ["one", "five", "six"]
    assert [a.origin for a in arts] == [f"{path}:1", f"{path}:6", f"{path}:7"]
    where = {p.where: p for p in problems}
    assert set(where) == {f"{path}:{n}" for n in (2, 3, 4, 5, 6)}
    assert where[f"{path}:2"].message.startswith("invalid JSON")
    assert "empty" in where[f"{path}:3"].message
    assert "missing" in where[f"{path}:4"].message
    assert "object" in where[f"{path}:5"].message
    assert where[f"{path}:6"].severity == "warning" and "someday" in where[f"{path}:6"].message
    assert arts[1].published is None


def test_published_default_applies_only_where_input_has_none(tmp_path):
    import datetime as dt

    path = _write(tmp_path / "d.jsonl", json.dumps({"id": "a", "text": GOOD}) + "\n" + json.dumps({"id": "b", "text": GOOD + " More.", "published": "2023-09-20T10:00:00Z"}) + "\n")
    txt = _write(tmp_path / "t.txt", GOOD)
    arts, _ = ingest([path, txt], published=dt.date(2024, 1, 2))
    assert [a.published for a in arts] == [dt.date(2024, 1, 2), dt.date(2023, 9, 20), dt.date(2024, 1, 2)]


def test_directory_recursion_sorted_known_extensions_only(tmp_path):
    _write(tmp_path / "b" / "z.txt", GOOD + " B.")
    _write(tmp_path / "a" / "deep" / "y.txt", GOOD + " A.")
    _write(tmp_path / "a" / "x.jsonl", json.dumps({"id": "j", "text": GOOD}) + "\n")
    _write(tmp_path / "a" / "notes.docx", "ignored")
    _write(tmp_path / ".hidden" / "h.txt", GOOD + " hidden")
    _write(tmp_path / "c.TXT", GOOD + " upper-case extension")
    arts, problems = ingest([tmp_path])
    assert problems == []
    rel = [Path(a.origin.rsplit(":", 1)[0] if a.origin.endswith(":1") else a.origin).relative_to(tmp_path).as_posix() for a in arts]
    assert rel == ["a/deep/y.txt", "a/x.jsonl", "b/z.txt", "c.TXT"]


def test_empty_directory_is_reported(tmp_path):
    (tmp_path / "nothing").mkdir()
    arts, problems = ingest([tmp_path / "nothing"])
    assert arts == [] and len(problems) == 1 and problems[0].where == str(tmp_path / "nothing")


def test_unknown_extension_given_explicitly_is_text(tmp_path):
    path = _write(tmp_path / "article.data", GOOD)
    arts, problems = ingest([path])
    assert problems == [] and arts[0].text == GOOD


def test_stdin_text_and_jsonl(monkeypatch):
    class FakeStdin:
        def __init__(self, data: bytes):
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", FakeStdin(GOOD.encode("utf-8")))
    arts, problems = ingest(["-"])
    assert problems == [] and arts[0].text == GOOD and arts[0].origin == "<stdin>"
    data = (json.dumps({"id": "s1", "text": GOOD}) + "\n{broken\n").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    arts, problems = ingest(["-"])
    assert [a.id for a in arts] == ["s1"] and [p.where for p in problems] == ["<stdin>:2"]


def test_text_with_only_boilerplate_is_kept_with_a_warning(tmp_path):
    path = _write(tmp_path / "ads.txt", "Site AdPlace\nSite AdPlace\nSite AdPlace\n")
    arts, problems = ingest([path])
    assert len(arts) == 1 and arts[0].body == ()
    assert problems[0].severity == "warning" and problems[0].where == str(path)


def test_truncated_utf8_is_repaired_with_a_warning(tmp_path):
    path = tmp_path / "cut.txt"
    data = "دعت أرمينيا إلى حماية المدنيين في قره باغ".encode("utf-8")
    path.write_bytes(data + "ن".encode("utf-8")[:1])  # cut in the middle of a character
    arts, problems = ingest([path])
    assert len(arts) == 1 and arts[0].text.endswith("\ufffd")
    assert arts[0].text[:-1] == data.decode("utf-8")
    assert problems[0].severity == "warning" and problems[0].where == str(path)
    assert f"byte {len(data)}" in problems[0].message


def test_unpaired_surrogate_in_jsonl_text_is_reported(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "bad", "text": "abc \\ud800 def"}\n{"id": "ok", "text": "Fine text here."}\n', encoding="utf-8")
    arts, problems = ingest([path])
    assert [a.id for a in arts] == ["ok"]
    assert problems[0].where == f"{path}:1" and "surrogate" in problems[0].message


def test_single_path_string_and_date_string(tmp_path):
    import datetime as dt

    path = _write(tmp_path / "one.txt", GOOD)
    arts, problems = ingest(str(path), published="2023-09-20", lang="EN")
    assert problems == [] and len(arts) == 1
    assert arts[0].published == dt.date(2023, 9, 20) and arts[0].lang == "en"


def test_unreadable_subdirectory_is_reported(tmp_path):
    import os

    if os.geteuid() == 0:
        import pytest

        pytest.skip("root can read any directory; permissions cannot make one unreadable")
    _write(tmp_path / "ok" / "a.txt", GOOD)
    locked = tmp_path / "locked"
    _write(locked / "b.txt", GOOD + " B")
    locked.chmod(0)
    try:
        arts, problems = ingest([tmp_path])
    finally:
        locked.chmod(0o755)
    assert len(arts) == 1 and problems[0].where == str(locked) and "cannot read directory" in problems[0].message


def test_walk_reports_directories_it_cannot_list(tmp_path):
    from graph.ingest.reader import _walk

    problems: list[Problem] = []
    assert _walk(tmp_path / "vanished", problems) == []  # os.walk calls its onerror hook here
    assert [p.where for p in problems] == [str(tmp_path / "vanished")]
    assert "cannot read directory" in problems[0].message
