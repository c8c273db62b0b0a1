package history

import (
	"container/list"

	"github.com/go-git/go-git/v5/plumbing"
)

// lru keeps raw objects by hash, evicting the least recently used when the
// total size passes max bytes.
type lru struct {
	max, size int
	order     *list.List // of *lruItem, most recent first
	items     map[plumbing.Hash]*list.Element
}

type lruItem struct {
	hash plumbing.Hash
	data []byte
}

func newLRU(max int) *lru {
	return &lru{max: max, order: list.New(), items: make(map[plumbing.Hash]*list.Element)}
}

func (c *lru) get(h plumbing.Hash) ([]byte, bool) {
	e, ok := c.items[h]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruItem).data, true
}

func (c *lru) put(h plumbing.Hash, data []byte) {
	if _, ok := c.items[h]; ok || len(data) > c.max {
		return
	}
	c.items[h] = c.order.PushFront(&lruItem{hash: h, data: data})
	c.size += len(data)
	for c.size > c.max {
		e := c.order.Back()
		it := e.Value.(*lruItem)
		c.order.Remove(e)
		delete(c.items, it.hash)
		c.size -= len(it.data)
	}
}
