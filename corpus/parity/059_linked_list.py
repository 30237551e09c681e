# Real program: a singly linked list class with iteration, indexing and operators.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push_front(it)
    def push_front(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def append(self, v):
        node = Node(v)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1
    def pop_front(self):
        if self.head is None:
            raise IndexError("pop from empty LinkedList")
        v = self.head.value
        self.head = self.head.next
        self.size -= 1
        return v
    def remove(self, v):
        prev, cur = None, self.head
        while cur:
            if cur.value == v:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next
    def __len__(self):
        return self.size
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for idx, v in enumerate(self):
            if idx == i:
                return v
        raise IndexError("LinkedList index out of range")
    def __contains__(self, v):
        return any(x == v for x in self)
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def __add__(self, other):
        return LinkedList(list(self) + list(other))
    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"
    def __str__(self):
        return " -> ".join(str(v) for v in self) + " -> None"
    def __bool__(self):
        return self.head is not None

ll = LinkedList([3, 1, 4])
ll.append(1)
ll.append(5)
ll.push_front(9)
print(ll, len(ll), repr(ll))
print(ll[0], ll[2], ll[-1], 4 in ll, 7 in ll, list(ll), sorted(ll), sum(ll), max(ll))
print(ll.remove(1), ll.remove(42), ll)
ll.reverse()
print(ll)
print(ll.pop_front(), ll.pop_front(), ll, len(ll))
other = LinkedList(["a", "b"])
combined = ll + other
print(combined, combined == LinkedList(list(combined)), combined == ll)
empty = LinkedList()
print(bool(empty), bool(ll), str(empty), repr(empty), len(empty))
try:
    empty.pop_front()
except IndexError as e:
    print("IndexError:", e)
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
print([v * 2 for v in ll], dict(enumerate(other)))
big = LinkedList(range(50))
big.reverse()
print(big[0], big[49], len(big), sum(big))
while len(big) > 45:
    big.pop_front()
print(big[0], list(big)[:3])
