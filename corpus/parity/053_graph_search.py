# Real program: BFS, DFS, shortest paths and topological sort on dict-of-lists graphs.
graph = {
    "A": ["B", "C"],
    "B": ["D", "E"],
    "C": ["F"],
    "D": [],
    "E": ["F", "G"],
    "F": ["H"],
    "G": ["H"],
    "H": [],
}

def bfs(g, start):
    order = [start]
    seen = {start}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in g[node]:
            if nxt not in seen:
                seen.add(nxt)
                order.append(nxt)
                queue.append(nxt)
    return order

def dfs_recursive(g, node, seen=None):
    if seen is None:
        seen = []
    seen.append(node)
    for nxt in g[node]:
        if nxt not in seen:
            dfs_recursive(g, nxt, seen)
    return seen

def dfs_iterative(g, start):
    stack = [start]
    seen = []
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.append(node)
        for nxt in reversed(g[node]):
            stack.append(nxt)
    return seen

def shortest_path(g, start, goal):
    prev = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        if node == goal:
            path = []
            while node is not None:
                path.append(node)
                node = prev[node]
            return path[::-1]
        for nxt in g[node]:
            if nxt not in prev:
                prev[nxt] = node
                queue.append(nxt)
    return None

def all_paths(g, start, goal, path=()):
    path = path + (start,)
    if start == goal:
        yield path
        return
    for nxt in g[start]:
        yield from all_paths(g, nxt, goal, path)

def topo_sort(g):
    indeg = {n: 0 for n in g}
    for n in g:
        for m in g[n]:
            indeg[m] += 1
    ready = sorted(n for n in g if indeg[n] == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in g[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return out

print("bfs", bfs(graph, "A"))
print("dfs rec", dfs_recursive(graph, "A"))
print("dfs iter", dfs_iterative(graph, "A"))
print("shortest A->H", shortest_path(graph, "A", "H"))
print("shortest D->H", shortest_path(graph, "D", "H"))
print("all paths A->H", list(all_paths(graph, "A", "H")))
print("topo", topo_sort(graph))
weighted = {
    "s": {"a": 7, "b": 2},
    "a": {"c": 1},
    "b": {"a": 3, "c": 8},
    "c": {"t": 2},
    "t": {},
}

def dijkstra(g, src):
    dist = {n: float("inf") for n in g}
    dist[src] = 0
    done = set()
    while len(done) < len(g):
        u = min((n for n in g if n not in done), key=lambda n: (dist[n], n))
        done.add(u)
        for v, w in g[u].items():
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
    return dist

print("dijkstra", dijkstra(weighted, "s"))
grid = ["S.#.....", ".##.###.", "....#...", "#.#...#E"]

def grid_bfs(rows):
    h, w = len(rows), len(rows[0])
    start = goal = None
    for r in range(h):
        for c in range(w):
            if rows[r][c] == "S":
                start = (r, c)
            elif rows[r][c] == "E":
                goal = (r, c)
    dist = {start: 0}
    queue = [start]
    while queue:
        r, c = queue.pop(0)
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < h and 0 <= nc < w and rows[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                queue.append((nr, nc))
    return dist.get(goal), len(dist)

print("grid", grid_bfs(grid))
undirected = {1: [2, 3], 2: [1], 3: [1], 4: [5], 5: [4], 6: []}
components = []
seen = set()
for node in undirected:
    if node not in seen:
        comp = dfs_recursive(undirected, node)
        seen.update(comp)
        components.append(sorted(comp))
print("components", components)
