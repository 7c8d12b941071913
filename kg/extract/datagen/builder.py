"""Assemble one annotated sentence piece by piece: text, mention spans, role spans, triggers."""

from __future__ import annotations

from dataclasses import dataclass, field

MENTION_TYPES = ("PER", "ORG", "CTRY", "LOC")
ROLES = ("AGENT", "COUNT", "DEST", "SUPPORT", "UNIT", "SPEAKER", "CONTENT", "PARTY", "AGR_NAME",
         "CLAIMANT", "DATE", "T_DEP", "T_STMT", "T_AGR")
MODALITIES = ("Asserted", "Possible", "Planned", "Denied")
KINDS = ("Deployment", "Statement", "Agreement")
TYPE_OF = {"PER": "Person", "ORG": "Organization", "CTRY": "Country", "LOC": "Place"}


@dataclass
class Example:
    """One training sentence. ``full`` is False for NER-only data (event heads are masked)."""

    text: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    roles: list[tuple[int, int, str]] = field(default_factory=list)
    triggers: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, modality)
    kinds: tuple[int, int, int] = (0, 0, 0)
    full: bool = True
    lang: str = "id"


class Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0
        self.mentions: list[tuple[int, int, str]] = []
        self.roles: list[tuple[int, int, str]] = []
        self.triggers: list[tuple[int, int, str]] = []
        self.kinds = [0, 0, 0]

    def lit(self, s: str) -> None:
        self.parts.append(s)
        self.n += len(s)

    def span(self, s: str, *roles: str, mention: str | None = None) -> None:
        start = self.n
        self.lit(s)
        if mention:
            self.mentions.append((start, self.n, mention))
        for r in roles:
            self.roles.append((start, self.n, r))

    def trigger(self, s: str, role: str, modality: str) -> None:
        start = self.n
        self.lit(s)
        self.roles.append((start, self.n, role))
        self.triggers.append((start, self.n, modality))
        self.kinds[{"T_DEP": 0, "T_STMT": 1, "T_AGR": 2}[role]] = 1

    def open(self) -> int:
        return self.n

    def close(self, start: int, role: str) -> None:
        if self.n > start:
            self.roles.append((start, self.n, role))

    def build(self, lang: str) -> Example:
        text = "".join(self.parts)
        # tidy double spaces / space before punctuation, remapping offsets
        keep = []
        for i, ch in enumerate(text):
            if ch == " " and (i + 1 < len(text) and text[i + 1] in " ,.;:" or i == 0 or (keep and text[keep[-1]] == " ")):
                continue
            keep.append(i)
        while keep and text[keep[-1]] == " ":
            keep.pop()
        new_index = {}
        for j, i in enumerate(keep):
            new_index[i] = j
        out = "".join(text[i] for i in keep)
        if out:
            out = out[0].upper() + out[1:]

        def remap(s: int, e: int):
            idx = [new_index[i] for i in range(s, e) if i in new_index]
            if not idx:
                return None
            a, b = idx[0], idx[-1] + 1
            while a < b and out[a] == " ":
                a += 1
            while b > a and out[b - 1] in " ,":
                b -= 1
            return (a, b) if b > a else None

        def fix(spans):
            res = []
            for s, e, lab in spans:
                r = remap(s, e)
                if r:
                    res.append((r[0], r[1], lab))
            return res

        return Example(out, fix(self.mentions), fix(self.roles), fix(self.triggers), tuple(self.kinds), True, lang)
