"""Helpers shared by the test modules: analyse a short text written for a test, with roles
only (no actor list) and a given home country."""
from framing.actors import Cast, find_mentions, link_mentions


def paragraph_regions(text: str, *, headline: bool = False) -> list[dict]:
    """Regions of ``text``, one per paragraph (paragraphs split on blank lines): all body, or
    with ``headline`` the first one the headline."""
    out, pos = [], 0
    for i, block in enumerate(text.split("\n\n")):
        region = "headline" if headline and i == 0 else "body"
        out.append({"region": region, "paragraph": i, "start": pos, "end": pos + len(block)})
        pos += len(block) + 2
    return out


def linked(text: str, home: str):
    """The linked mentions of ``text`` with roles only and ``home``."""
    cast = Cast.load("", home=home)
    return link_mentions(find_mentions(text, cast), text, cast)


def camps_of(text: str, home: str, *, names_only: bool = False) -> dict[str, str]:
    """``{actor: camp}`` of the linked mentions (the last mention of an actor wins); with
    ``names_only`` only mentions by name or alias count."""
    return {m.actor: m.camp for m in linked(text, home) if not names_only or m.via in ("name", "alias")}
