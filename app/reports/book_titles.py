"""Titles of documents as a letter cites them: in 书名号, a title inside a title in 单书名号
(《关于印发〈河清市…办法〉的通知》), as Chinese punctuation (GB/T 15834) nests them."""

from __future__ import annotations


def book_title(title: str) -> str:
    return f"《{title.replace('《', '〈').replace('》', '〉')}》"
