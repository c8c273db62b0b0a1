package history

import (
	"container/list"

	"github.com/go-git/go-git/v5/plumbing"
)

// lru keeps values by hash, evicting the least recently used when the total
// size (as sizeOf measures it) passes max.
type lru[V any] struct {
	max, size int
	sizeOf    func(V) int
	order     *list.List // of *lruItem, most recent first
	items     map[plumbing.Hash]*list.Element
}

type lruItem[V any] struct {
	hash plumbing.Hash
	v    V
	size int
}

func newLRU[V any](max int, sizeOf func(V) int) *lru[V] {
	return &lru[V]{max: max, sizeOf: sizeOf, order: list.New(), items: make(map[plumbing.Hash]*list.Element)}
}

// newBytesLRU returns an lru of byte slices that holds at most max bytes.
func newBytesLRU(max int) *lru[[]byte] {
	return newLRU(max, func(b []byte) int { return len(b) })
}

func (c *lru[V]) get(h plumbing.Hash) (V, bool) {
	e, ok := c.items[h]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruItem[V]).v, true
}

func (c *lru[V]) put(h plumbing.Hash, v V) {
	n := c.sizeOf(v)
	if _, ok := c.items[h]; ok || n > c.max {
		return
	}
	c.items[h] = c.order.PushFront(&lruItem[V]{hash: h, v: v, size: n})
	c.size += n
	for c.size > c.max {
		e := c.order.Back()
		it := e.Value.(*lruItem[V])
		c.order.Remove(e)
		delete(c.items, it.hash)
		c.size -= it.size
	}
}
