"""How places of a report are named in lists of links (glossary "where used", "cited by")."""

from __future__ import annotations

from unmd.model import Document, Footnote, Heading, Item, Meta, Paragraph, Text, place_labels


def test_places_are_named_by_number_item_note_or_part_and_rank():
    blocks = [
        Heading(line=1, id="subtitle", level=2, kind="subtitle", inlines=[Text("秘书长的报告")]),
        Paragraph(line=1, id="title-p1", inlines=[Text("献给")], role="dedication"),
        Heading(line=2, id="summary", level=2, kind="part", inlines=[Text("摘要")]),
        Paragraph(line=3, id="summary-p1", inlines=[Text("一")], role="summary"),
        Paragraph(line=4, id="summary-p2", inlines=[Text("二")], role="summary"),
        Paragraph(line=5, id="para-12", number=12, inlines=[Text("十二")]),
        Item(line=6, id="para-12-b-ii", label="ii", inlines=[Text("子项")]),
        Heading(line=7, id="part-1", level=2, kind="part", inlines=[Text("2015 年 6 月 17 日秘书长给大会主席的信")]),
        Paragraph(line=8, id="part-1-p1", inlines=[Text("信")]),
    ]
    notes = [Footnote("3", [Text("注")], line=9, id="fn:3")]
    assert place_labels(Document(Meta(), blocks, notes)) == {
        "title-p1": "卷首 ¶1",
        "summary-p1": "摘要 ¶1",
        "summary-p2": "摘要 ¶2",
        "para-12": "12",
        "para-12-b-ii": "12(b)(ii)",
        "part-1-p1": "2015 年 6 月… ¶1",
        "fn:3": "注 3",
    }
