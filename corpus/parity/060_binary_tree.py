# Real program: binary search tree with recursion and generator-based traversals.
class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None

class BST:
    def __init__(self):
        self.root = None
        self.count = 0
    def insert(self, key):
        def _ins(node):
            if node is None:
                self.count += 1
                return Node(key)
            if key < node.key:
                node.left = _ins(node.left)
            elif key > node.key:
                node.right = _ins(node.right)
            return node
        self.root = _ins(self.root)
    def __contains__(self, key):
        node = self.root
        while node:
            if key == node.key:
                return True
            node = node.left if key < node.key else node.right
        return False
    def __len__(self):
        return self.count
    def inorder(self, node="start"):
        if node == "start":
            node = self.root
        if node is None:
            return
        yield from self.inorder(node.left)
        yield node.key
        yield from self.inorder(node.right)
    def __iter__(self):
        return self.inorder()
    def preorder(self):
        stack = [self.root] if self.root else []
        while stack:
            n = stack.pop()
            yield n.key
            if n.right:
                stack.append(n.right)
            if n.left:
                stack.append(n.left)
    def postorder(self, node):
        if node:
            yield from self.postorder(node.left)
            yield from self.postorder(node.right)
            yield node.key
    def levels(self):
        level = [self.root] if self.root else []
        while level:
            yield [n.key for n in level]
            level = [c for n in level for c in (n.left, n.right) if c]
    def height(self, node="start"):
        if node == "start":
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))
    def min(self):
        n = self.root
        while n.left:
            n = n.left
        return n.key
    def max(self):
        n = self.root
        while n.right:
            n = n.right
        return n.key
    def range_query(self, lo, hi):
        return [k for k in self if lo <= k <= hi]

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 50]:
    t.insert(k)
print("size", len(t), "height", t.height())
print("inorder", list(t))
print("preorder", list(t.preorder()))
print("postorder", list(t.postorder(t.root)))
print("levels", list(t.levels()))
print("min max", t.min(), t.max(), 45 in t, 46 in t)
print("range", t.range_query(33, 66))
print("sum", sum(t), "evens", [k for k in t if k % 20 == 0])
it = iter(t)
print("first three", next(it), next(it), next(it))

def pretty(node, prefix="", out=None):
    if out is None:
        out = []
    if node:
        pretty(node.right, prefix + "    ", out)
        out.append(prefix + str(node.key))
        pretty(node.left, prefix + "    ", out)
    return out

print("\n".join(pretty(t.root)))
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w)
print(list(words), len(words), words.height())
skewed = BST()
for i in range(30):
    skewed.insert(i)
print("skewed height", skewed.height(), list(skewed.levels())[-1])

def build_balanced(keys):
    tree = BST()
    def add(lo, hi):
        if lo > hi:
            return
        mid = (lo + hi) // 2
        tree.insert(keys[mid])
        add(lo, mid - 1)
        add(mid + 1, hi)
    add(0, len(keys) - 1)
    return tree

bal = build_balanced(list(range(31)))
print("balanced height", bal.height(), list(bal.levels())[:3], list(bal) == list(range(31)))
