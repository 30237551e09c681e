"""N-body simulation of the Jovian planets and the Sun.

The classic benchmark from the Computer Language Benchmarks Game: five
bodies interact under gravity; the system's total energy is printed before
and after `n` steps of a simple symplectic integrator with dt = 0.01.
Usage: nbody.py [steps]
"""
# bench: kind single
# bench: executors serial
# bench: size 300000 quick 60000 smoke 2000
# (the bench runs it as NAME.py SIZE serial 1; only SIZE is read. The
# parity corpus runs it as corpus/parity/bench_nbody.py, a link here.)
import sys

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_body(pos, vel, mass):
    # A body is [position, velocity, mass]; position and velocity are
    # 3-element lists updated in place.
    return [list(pos), [v * DAYS_PER_YEAR for v in vel], mass * SOLAR_MASS]


def make_system():
    sun = [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS]
    jupiter = make_body(
        (4.84143144246472090e+00, -1.16032004402742839e+00,
         -1.03622044471123109e-01),
        (1.66007664274403694e-03, 7.69901118419740425e-03,
         -6.90460016972063023e-05),
        9.54791938424326609e-04)
    saturn = make_body(
        (8.34336671824457987e+00, 4.12479856412430479e+00,
         -4.03523417114321381e-01),
        (-2.76742510726862411e-03, 4.99852801234917238e-03,
         2.30417297573763929e-05),
        2.85885980666130812e-04)
    uranus = make_body(
        (1.28943695621391310e+01, -1.51111514016986312e+01,
         -2.23307578892655734e-01),
        (2.96460137564761618e-03, 2.37847173959480950e-03,
         -2.96589568540237556e-05),
        4.36624404335156298e-05)
    neptune = make_body(
        (1.53796971148509165e+01, -2.59193146099879641e+01,
         1.79258772950371181e-01),
        (2.68067772490389322e-03, 1.62824170038242295e-03,
         -9.51592254519715870e-05),
        5.15138902046611451e-05)
    return [sun, jupiter, saturn, uranus, neptune]


def all_pairs(bodies):
    pairs = []
    for i in range(len(bodies) - 1):
        for other in bodies[i + 1:]:
            pairs.append((bodies[i], other))
    return pairs


def offset_momentum(bodies):
    """Give the Sun the momentum that makes the system's total zero."""
    px = py = pz = 0.0
    for _, (vx, vy, vz), m in bodies:
        px -= vx * m
        py -= vy * m
        pz -= vz * m
    sun_vel = bodies[0][1]
    sun_mass = bodies[0][2]
    sun_vel[0] = px / sun_mass
    sun_vel[1] = py / sun_mass
    sun_vel[2] = pz / sun_mass


def energy(bodies, pairs):
    e = 0.0
    for ((x1, y1, z1), _, m1), ((x2, y2, z2), _, m2) in pairs:
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        e -= (m1 * m2) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    for _, (vx, vy, vz), m in bodies:
        e += m * (vx * vx + vy * vy + vz * vz) / 2.0
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for ((x1, y1, z1), v1, m1), ((x2, y2, z2), v2, m2) in pairs:
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
            b1m = m1 * mag
            b2m = m2 * mag
            v1[0] -= dx * b2m
            v1[1] -= dy * b2m
            v1[2] -= dz * b2m
            v2[0] += dx * b1m
            v2[1] += dy * b1m
            v2[2] += dz * b1m
        for pos, (vx, vy, vz), _ in bodies:
            pos[0] += dt * vx
            pos[1] += dt * vy
            pos[2] += dt * vz


def main(n):
    bodies = make_system()
    pairs = all_pairs(bodies)
    offset_momentum(bodies)
    print("%.9f" % energy(bodies, pairs))
    advance(bodies, pairs, 0.01, n)
    print("%.9f" % energy(bodies, pairs))
    x, y, z = bodies[1][0]
    print("jupiter at %.6f %.6f %.6f" % (x, y, z))


if __name__ == '__main__':
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
