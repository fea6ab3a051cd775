# A float-heavy benchmark: the n-body simulation of the Computer Language
# Benchmarks Game for the Sun and the four gas giants, written with one
# variable per coordinate (no lists or classes: it only needs the core subset).
#
#   ./translate.py examples/targetnbody_lite.py && ./nbody_lite-c 1000000
# bench-args: 200000
import sys

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24

# name: x, y, z, vx, vy, vz, mass
JUPITER = (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
           1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
           -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS)
SATURN = (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
          -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
          2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS)
URANUS = (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
          2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
          -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS)
NEPTUNE = (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
           2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
           -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS)


def pair_energy(x1, y1, z1, m1, x2, y2, z2, m2):
    dx = x1 - x2
    dy = y1 - y2
    dz = z1 - z2
    return m1 * m2 / ((dx * dx + dy * dy + dz * dz) ** 0.5)


def kinetic(vx, vy, vz, m):
    return 0.5 * m * (vx * vx + vy * vy + vz * vz)


def run(steps, dt):
    # body 0: the sun
    x0, y0, z0, m0 = 0.0, 0.0, 0.0, SOLAR_MASS
    x1, y1, z1, vx1, vy1, vz1, m1 = JUPITER
    x2, y2, z2, vx2, vy2, vz2, m2 = SATURN
    x3, y3, z3, vx3, vy3, vz3, m3 = URANUS
    x4, y4, z4, vx4, vy4, vz4, m4 = NEPTUNE
    # offset the sun's momentum so the total is zero
    px = vx1 * m1 + vx2 * m2 + vx3 * m3 + vx4 * m4
    py = vy1 * m1 + vy2 * m2 + vy3 * m3 + vy4 * m4
    pz = vz1 * m1 + vz2 * m2 + vz3 * m3 + vz4 * m4
    vx0 = -px / SOLAR_MASS
    vy0 = -py / SOLAR_MASS
    vz0 = -pz / SOLAR_MASS

    for step in range(steps + 1):
        if step % (steps // 10 if steps >= 10 else 1) == 0 or step == steps:
            e = (kinetic(vx0, vy0, vz0, m0) + kinetic(vx1, vy1, vz1, m1) +
                 kinetic(vx2, vy2, vz2, m2) + kinetic(vx3, vy3, vz3, m3) +
                 kinetic(vx4, vy4, vz4, m4))
            e -= pair_energy(x0, y0, z0, m0, x1, y1, z1, m1)
            e -= pair_energy(x0, y0, z0, m0, x2, y2, z2, m2)
            e -= pair_energy(x0, y0, z0, m0, x3, y3, z3, m3)
            e -= pair_energy(x0, y0, z0, m0, x4, y4, z4, m4)
            e -= pair_energy(x1, y1, z1, m1, x2, y2, z2, m2)
            e -= pair_energy(x1, y1, z1, m1, x3, y3, z3, m3)
            e -= pair_energy(x1, y1, z1, m1, x4, y4, z4, m4)
            e -= pair_energy(x2, y2, z2, m2, x3, y3, z3, m3)
            e -= pair_energy(x2, y2, z2, m2, x4, y4, z4, m4)
            e -= pair_energy(x3, y3, z3, m3, x4, y4, z4, m4)
            print("step", step, "energy", e)
        if step == steps:
            break
        # 0-1
        dx = x0 - x1
        dy = y0 - y1
        dz = z0 - z1
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        vx0 -= dx * m1 * mag
        vy0 -= dy * m1 * mag
        vz0 -= dz * m1 * mag
        vx1 += dx * m0 * mag
        vy1 += dy * m0 * mag
        vz1 += dz * m0 * mag
        # 0-2
        dx = x0 - x2
        dy = y0 - y2
        dz = z0 - z2
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        vx0 -= dx * m2 * mag
        vy0 -= dy * m2 * mag
        vz0 -= dz * m2 * mag
        vx2 += dx * m0 * mag
        vy2 += dy * m0 * mag
        vz2 += dz * m0 * mag
        # 0-3
        dx = x0 - x3
        dy = y0 - y3
        dz = z0 - z3
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        vx0 -= dx * m3 * mag
        vy0 -= dy * m3 * mag
        vz0 -= dz * m3 * mag
        vx3 += dx * m0 * mag
        vy3 += dy * m0 * mag
        vz3 += dz * m0 * mag
        # 0-4
        dx = x0 - x4
        dy = y0 - y4
        dz = z0 - z4
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        vx0 -= dx * m4 * mag
        vy0 -= dy * m4 * mag
        vz0 -= dz * m4 * mag
        vx4 += dx * m0 * mag
        vy4 += dy * m0 * mag
        vz4 += dz * m0 * mag
        # 1-2
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        vx1 -= dx * m2 * mag
        vy1 -= dy * m2 * mag
        vz1 -= dz * m2 * mag
        vx2 += dx * m1 * mag
        vy2 += dy * m1 * mag
        vz2 += dz * m1 * mag
        # 1-3
        dx = x1 - x3
        dy = y1 - y3
        dz = z1 - z3
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        vx1 -= dx * m3 * mag
        vy1 -= dy * m3 * mag
        vz1 -= dz * m3 * mag
        vx3 += dx * m1 * mag
        vy3 += dy * m1 * mag
        vz3 += dz * m1 * mag
        # 1-4
        dx = x1 - x4
        dy = y1 - y4
        dz = z1 - z4
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        vx1 -= dx * m4 * mag
        vy1 -= dy * m4 * mag
        vz1 -= dz * m4 * mag
        vx4 += dx * m1 * mag
        vy4 += dy * m1 * mag
        vz4 += dz * m1 * mag
        # 2-3
        dx = x2 - x3
        dy = y2 - y3
        dz = z2 - z3
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        vx2 -= dx * m3 * mag
        vy2 -= dy * m3 * mag
        vz2 -= dz * m3 * mag
        vx3 += dx * m2 * mag
        vy3 += dy * m2 * mag
        vz3 += dz * m2 * mag
        # 2-4
        dx = x2 - x4
        dy = y2 - y4
        dz = z2 - z4
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        vx2 -= dx * m4 * mag
        vy2 -= dy * m4 * mag
        vz2 -= dz * m4 * mag
        vx4 += dx * m2 * mag
        vy4 += dy * m2 * mag
        vz4 += dz * m2 * mag
        # 3-4
        dx = x3 - x4
        dy = y3 - y4
        dz = z3 - z4
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * d2 ** 0.5)
        vx3 -= dx * m4 * mag
        vy3 -= dy * m4 * mag
        vz3 -= dz * m4 * mag
        vx4 += dx * m3 * mag
        vy4 += dy * m3 * mag
        vz4 += dz * m3 * mag
        # advance positions
        x0 += dt * vx0
        y0 += dt * vy0
        z0 += dt * vz0
        x1 += dt * vx1
        y1 += dt * vy1
        z1 += dt * vz1
        x2 += dt * vx2
        y2 += dt * vy2
        z2 += dt * vz2
        x3 += dt * vx3
        y3 += dt * vy3
        z3 += dt * vz3
        x4 += dt * vx4
        y4 += dt * vy4
        z4 += dt * vz4
    return x0 + x1 + x2 + x3 + x4


def entry_point(argv):
    steps = 100000
    if len(argv) > 1:
        steps = int(argv[1])
    checksum = run(steps, 0.01)
    print("checksum", checksum)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
