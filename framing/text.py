"""Text layer: glued-word repair, regions and sentences.  (interface stub; being written)"""
from __future__ import annotations


def repair_blocks(blocks: list[str]) -> tuple[list[str], list[dict]]:
    """Repair words glued where line breaks were lost, in the blocks of one article.

    Returns the repaired blocks and one dict per repair:
    ``{"block": i, "raw": token, "repaired": token, "raw_start": offset in raw block,
    "start": offset in repaired block, "rule": evidence}``.
    The repair only inserts spaces.
    """
    return list(blocks), []
