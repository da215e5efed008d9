"""govread.lru.LruCache: bounded, the least recently used dropped first."""

from __future__ import annotations

from govread.lru import LruCache


def test_the_least_recently_used_goes_first_and_the_bound_holds() -> None:
    cache: LruCache[str, int] = LruCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a is now the most recent
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)
    assert len(cache) == 2
    cache.clear()
    assert len(cache) == 0 and cache.get("a") is None
