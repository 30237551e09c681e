# Real program: Conway's game of life on a small toroidal grid and a bounded grid.
def parse(rows):
    return [[1 if ch == "#" else 0 for ch in row] for row in rows]

def render(grid):
    return "\n".join("".join("#" if c else "." for c in row) for row in grid)

def neighbours(grid, r, c, wrap):
    h, w = len(grid), len(grid[0])
    total = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr == 0 and dc == 0:
                continue
            nr, nc = r + dr, c + dc
            if wrap:
                nr %= h
                nc %= w
            elif not (0 <= nr < h and 0 <= nc < w):
                continue
            total += grid[nr][nc]
    return total

def step(grid, wrap=True):
    h, w = len(grid), len(grid[0])
    new = [[0] * w for _ in range(h)]
    for r in range(h):
        for c in range(w):
            n = neighbours(grid, r, c, wrap)
            if grid[r][c] and n in (2, 3):
                new[r][c] = 1
            elif not grid[r][c] and n == 3:
                new[r][c] = 1
    return new

def population(grid):
    return sum(sum(row) for row in grid)

glider = parse([
    ".#......",
    "..#.....",
    "###.....",
    "........",
    "........",
    "........",
])
g = glider
for gen in range(5):
    print("generation", gen, "population", population(g))
    print(render(g))
    g = step(g)
gens = 5
while g != glider and gens < 200:
    g = step(g)
    gens += 1
print("glider returns to its start on the torus after", gens, "generations")
blinker = parse([".....", "..#..", "..#..", "..#..", "....."])
b1 = step(blinker, wrap=False)
b2 = step(b1, wrap=False)
print(render(b1))
print("period 2:", b2 == blinker, b1 != blinker)
block = parse(["....", ".##.", ".##.", "...."])
print("block still life:", step(block) == block)
rpent = parse([
    "..........",
    "..........",
    "....##....",
    "...##.....",
    "....#.....",
    "..........",
    "..........",
    "..........",
])
history = []
g = rpent
for gen in range(30):
    history.append(population(g))
    g = step(g, wrap=False)
print("r-pentomino populations:", history)
print(render(g))
seen = {}
g = parse(["......", "..##..", ".#..#.", "..##..", "......"])
for gen in range(10):
    key = render(g)
    if key in seen:
        print("cycle found at", gen, "first seen", seen[key])
        break
    seen[key] = gen
    g = step(g)
