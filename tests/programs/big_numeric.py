# A numeric toolkit written in the current subset (ints, floats, bools, strs,
# tuples, functions): integer roots, primes, gcd family, modular arithmetic,
# Collatz, digits, divisor classes, Fibonacci mod m and Pisano periods, a
# fixed-point decimal type as (mantissa, digits) tuples, float series for e
# and pi, Newton square roots, trapezoid integration, an LCG with tuple state,
# bit tricks, calendar arithmetic and spelling numbers in English.
# It doubles as the "500-line program" of bench/translate_speed.
import sys

from rpython.rlib.objectmodel import we_are_translated

PRIME_LIMIT = 3000
COLLATZ_LIMIT = 3000
FIX_DIGITS = 6
FIX_ONE = 10 ** FIX_DIGITS
LCG_A = 1103515245
LCG_C = 12345
LCG_MASK = 0x7FFFFFFF
POLY = (1.0, -2.0, 0.5, 0.25)     # 1 - 2x + x^2/2 + x^3/4
EPOCH = (2000, 1, 1)
DAY_NAMES = ("Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
SEPARATOR = "=" * 20


# ---------------------------------------------------------------- integer roots

def isqrt(n):
    """floor(sqrt(n)) by Newton's method on integers."""
    if n < 0:
        return -1
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def icbrt(n):
    """floor(cbrt(n)) for n >= 0, by Newton's method on integers."""
    if n < 2:
        return n
    x = 1 << ((bit_length(n) + 2) // 3)     # >= cbrt(n), and x*x cannot overflow
    y = (2 * x + n // (x * x)) // 3
    while y < x:
        x = y
        y = (2 * x + n // (x * x)) // 3
    return x


def is_square(n):
    if n < 0:
        return False
    r = isqrt(n)
    return r * r == n


def iroot_check(n):
    r = isqrt(n)
    c = icbrt(n)
    ok = r * r <= n < (r + 1) * (r + 1) and c * c * c <= n < (c + 1) * (c + 1) * (c + 1)
    return r, c, ok


# ---------------------------------------------------------------- primes

def is_prime(n):
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0 or n % 3 == 0:
        return False
    d = 5
    while d * d <= n:
        if n % d == 0 or n % (d + 2) == 0:
            return False
        d += 6
    return True


def count_primes(limit):
    count = 0
    for n in range(limit + 1):
        if is_prime(n):
            count += 1
    return count


def nth_prime(k):
    n = 1
    found = 0
    while found < k:
        n += 1
        if is_prime(n):
            found += 1
    return n


def next_prime(n):
    m = n + 1
    while not is_prime(m):
        m += 1
    return m


def smallest_factor(n):
    if n % 2 == 0:
        return 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return d
        d += 2
    return n


def factor_string(n):
    if n < 2:
        return str(n)
    s = ""
    first = True
    while n > 1:
        p = smallest_factor(n)
        e = 0
        while n % p == 0:
            n //= p
            e += 1
        part = str(p) if e == 1 else str(p) + "^" + str(e)
        s = part if first else s + " * " + part
        first = False
    return s


def twin_primes_below(limit):
    count = 0
    last = 0
    for n in range(3, limit - 1, 2):
        if is_prime(n) and is_prime(n + 2):
            count += 1
            last = n
    return count, last


def goldbach(n):
    """The first decomposition n = p + q with p <= q both prime."""
    for p in range(2, n // 2 + 1):
        if is_prime(p) and is_prime(n - p):
            return p, n - p
    return 0, 0


# ---------------------------------------------------------------- gcd family

def gcd(a, b):
    a = abs(a)
    b = abs(b)
    while b:
        a, b = b, a % b
    return a


def lcm(a, b):
    if a == 0 or b == 0:
        return 0
    return abs(a // gcd(a, b) * b)


def ext_gcd(a, b):
    """(g, x, y) with a*x + b*y == g."""
    old_r, r = a, b
    old_s, s = 1, 0
    old_t, t = 0, 1
    while r != 0:
        q = old_r // r
        old_r, r = r, old_r - q * r
        old_s, s = s, old_s - q * s
        old_t, t = t, old_t - q * t
    return old_r, old_s, old_t


def mod_inverse(a, m):
    g, x, y = ext_gcd(a % m, m)
    if g != 1:
        return -1
    return x % m


def crt_pair(r1, m1, r2, m2):
    """Chinese remainder for coprime moduli: (r, m1*m2)."""
    inv = mod_inverse(m1 % m2, m2)
    k = ((r2 - r1) % m2) * inv % m2
    return r1 + m1 * k, m1 * m2


# ---------------------------------------------------------------- modular arithmetic

def mod_pow(base, exp, mod):
    if mod == 1:
        return 0
    result = 1
    base %= mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def fermat_probable(n, base=2):
    if n < 3:
        return n == 2
    return mod_pow(base, n - 1, n) == 1


def order_mod(a, m):
    if gcd(a, m) != 1:
        return 0
    k = 1
    x = a % m
    while x != 1:
        x = x * a % m
        k += 1
    return k


def euler_phi(n):
    result = n
    p = 2
    m = n
    while p * p <= m:
        if m % p == 0:
            while m % p == 0:
                m //= p
            result -= result // p
        p += 1
    if m > 1:
        result -= result // m
    return result


# ---------------------------------------------------------------- Collatz

def collatz_len(n):
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def collatz_peak(n):
    peak = n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        if n > peak:
            peak = n
    return peak


def longest_collatz(limit):
    best = 1
    best_len = 1
    for n in range(1, limit):
        c = collatz_len(n)
        if c > best_len:
            best = n
            best_len = c
    return best, best_len


# ---------------------------------------------------------------- digits

def digit_sum(n, base=10):
    n = abs(n)
    s = 0
    while n > 0:
        s += n % base
        n //= base
    return s


def digital_root(n):
    while n >= 10:
        n = digit_sum(n)
    return n


def reverse_digits(n):
    neg = n < 0
    n = abs(n)
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return -r if neg else r


def num_digits(n):
    if n == 0:
        return 1
    n = abs(n)
    k = 0
    while n > 0:
        n //= 10
        k += 1
    return k


def is_palindrome(n):
    return n >= 0 and reverse_digits(n) == n


def is_armstrong(n):
    k = num_digits(n)
    total = 0
    m = n
    while m > 0:
        total += (m % 10) ** k
        m //= 10
    return total == n


def luhn_valid(n):
    total = 0
    double = False
    while n > 0:
        d = n % 10
        if double:
            d *= 2
            if d > 9:
                d -= 9
        total += d
        double = not double
        n //= 10
    return total % 10 == 0


def digit_char(d):
    if d < 10:
        return str(d)
    if d == 10:
        return "a"
    if d == 11:
        return "b"
    if d == 12:
        return "c"
    if d == 13:
        return "d"
    if d == 14:
        return "e"
    return "f"


def to_base(n, base):
    if n == 0:
        return "0"
    sign = ""
    if n < 0:
        sign = "-"
        n = -n
    s = ""
    while n > 0:
        s = digit_char(n % base) + s
        n //= base
    return sign + s


# ---------------------------------------------------------------- divisors

def sum_proper_divisors(n):
    if n < 2:
        return 0
    total = 1
    d = 2
    while d * d <= n:
        if n % d == 0:
            total += d
            if d * d != n:
                total += n // d
        d += 1
    return total


def count_divisors(n):
    c = 0
    d = 1
    while d * d <= n:
        if n % d == 0:
            c += 1 if d * d == n else 2
        d += 1
    return c


def classify_code(n):
    """0 deficient, 1 perfect, 2 abundant."""
    s = sum_proper_divisors(n)
    if s == n:
        return 1
    elif s > n:
        return 2
    return 0


def classify(n):
    c = classify_code(n)
    if c == 1:
        return "perfect"
    elif c == 2:
        return "abundant"
    return "deficient"


def amicable_partner(n):
    m = sum_proper_divisors(n)
    if m != n and m > 0 and sum_proper_divisors(m) == n:
        return m
    return 0


# ---------------------------------------------------------------- Fibonacci mod m

def fib_mod(n, m):
    a, b = 0, 1
    for i in range(n):
        a, b = b, (a + b) % m
    return a


def pisano(m):
    if m == 1:
        return 1
    a, b = 0, 1
    k = 0
    while True:
        a, b = b, (a + b) % m
        k += 1
        if a == 0 and b == 1:
            return k


def fib_fast(n):
    """(F(n), F(n+1)) by fast doubling."""
    if n == 0:
        return 0, 1
    a, b = fib_fast(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2 == 0:
        return c, d
    return d, c + d


# ---------------------------------------------------------------- fixed point

def fx(int_part, frac=0):
    """A fixed-point number: (mantissa, digits), value = mantissa / 10**digits."""
    return int_part * FIX_ONE + frac, FIX_DIGITS


def fx_from_ratio(num, den):
    m = num * FIX_ONE // den
    return m, FIX_DIGITS


def fx_add(a, b):
    am, ad = a
    bm, bd = b
    return am + bm, ad


def fx_sub(a, b):
    am, ad = a
    bm, bd = b
    return am - bm, ad


def fx_mul(a, b):
    am, ad = a
    bm, bd = b
    p = am * bm
    # round half away from zero
    if p >= 0:
        return (p + FIX_ONE // 2) // FIX_ONE, ad
    return -((-p + FIX_ONE // 2) // FIX_ONE), ad


def fx_div(a, b):
    am, ad = a
    bm, bd = b
    neg = (am < 0) != (bm < 0)
    q = abs(am) * FIX_ONE // abs(bm)
    return (-q if neg else q), ad


def fx_to_str(a):
    m, digits = a
    sign = "-" if m < 0 else ""
    m = abs(m)
    ip = m // FIX_ONE
    fp = m % FIX_ONE
    frac = str(fp)
    width = num_digits(fp)
    while width < digits:
        frac = "0" + frac
        width += 1
    return sign + str(ip) + "." + frac


def fx_to_float(a):
    m, digits = a
    return m / FIX_ONE


def fx_sqrt(a):
    m, digits = a
    return isqrt(m * FIX_ONE), digits


# ---------------------------------------------------------------- float series

def series_e(terms):
    total = 0.0
    term = 1.0
    for k in range(terms):
        total += term
        term /= k + 1
    return total


def pi_leibniz(terms):
    total = 0.0
    sign = 1.0
    for k in range(terms):
        total += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * total


def arctan_inv(x, terms):
    """arctan(1/x) by its Taylor series."""
    total = 0.0
    power = 1.0 / x
    x2 = float(x * x)
    for k in range(terms):
        term = power / (2 * k + 1)
        if k % 2 == 0:
            total += term
        else:
            total -= term
        power /= x2
    return total


def pi_machin(terms=12):
    return 4.0 * (4.0 * arctan_inv(5, terms) - arctan_inv(239, terms))


def sqrt_newton(x, tol=1e-15):
    if x == 0.0:
        return 0.0
    g = x if x > 1.0 else 1.0
    steps = 0
    while True:
        nxt = 0.5 * (g + x / g)
        steps += 1
        if abs(nxt - g) <= tol * nxt or steps > 100:
            return nxt
        g = nxt


def poly(x):
    c0, c1, c2, c3 = POLY
    return ((c3 * x + c2) * x + c1) * x + c0


def poly_integral_exact(a, b):
    c0, c1, c2, c3 = POLY
    fb = c0 * b + c1 * b * b / 2 + c2 * b ** 3 / 3 + c3 * b ** 4 / 4
    fa = c0 * a + c1 * a * a / 2 + c2 * a ** 3 / 3 + c3 * a ** 4 / 4
    return fb - fa


def trapezoid(a, b, n):
    h = (b - a) / n
    total = 0.5 * (poly(a) + poly(b))
    for i in range(1, n):
        total += poly(a + i * h)
    return total * h


def simpson(a, b, n):
    h = (b - a) / n
    total = poly(a) + poly(b)
    for i in range(1, n):
        total += (4.0 if i % 2 == 1 else 2.0) * poly(a + i * h)
    return total * h / 3.0


def harmonic(n):
    h = 0.0
    for k in range(1, n + 1):
        h += 1.0 / k
    return h


def round_to(x, places):
    scale = 10.0 ** places
    return int(x * scale + (0.5 if x >= 0.0 else -0.5)) / scale


# ---------------------------------------------------------------- pseudo-random

def lcg_seed(seed):
    return seed & LCG_MASK, 0


def lcg_next(state):
    seed, calls = state
    seed = (LCG_A * seed + LCG_C) & LCG_MASK
    return seed >> 16, (seed, calls + 1)


def lcg_uniform(state):
    v, state = lcg_next(state)
    return v / 32768.0, state


def monte_carlo_pi(samples, seed):
    state = lcg_seed(seed)
    inside = 0
    for i in range(samples):
        x, state = lcg_uniform(state)
        y, state = lcg_uniform(state)
        if x * x + y * y < 1.0:
            inside += 1
    calls = state[1]
    return 4.0 * inside / samples, calls


# ---------------------------------------------------------------- bit tricks

def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c


def parity(n):
    return popcount(n) & 1


def reverse_bits(n, width=8):
    r = 0
    for i in range(width):
        r = (r << 1) | ((n >> i) & 1)
    return r


def lowest_bit(n):
    return n & -n


def bit_length(n):
    k = 0
    while n > 0:
        n >>= 1
        k += 1
    return k


def is_power_of_two(n):
    return n > 0 and n & (n - 1) == 0


def gray(n):
    return n ^ (n >> 1)


def gray_inverse(g):
    n = g
    shift = 1
    while (g >> shift) > 0:
        n ^= g >> shift
        shift += 1
    return n


def to_binary(n, width):
    s = ""
    for i in range(width - 1, -1, -1):
        s += "1" if (n >> i) & 1 else "0"
    return s


# ---------------------------------------------------------------- calendar

def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in_month(y, m):
    if m == 2:
        return 29 if is_leap(y) else 28
    if m == 4 or m == 6 or m == 9 or m == 11:
        return 30
    return 31


def zeller(y, m, d):
    """0 = Saturday, 1 = Sunday, ..., 6 = Friday."""
    if m < 3:
        m += 12
        y -= 1
    k = y % 100
    j = y // 100
    return (d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7


def day_name(h):
    n0, n1, n2, n3, n4, n5, n6 = DAY_NAMES
    if h == 0:
        return n0
    if h == 1:
        return n1
    if h == 2:
        return n2
    if h == 3:
        return n3
    if h == 4:
        return n4
    if h == 5:
        return n5
    return n6


def day_of_year(y, m, d):
    total = d
    for k in range(1, m):
        total += days_in_month(y, k)
    return total


def days_since_epoch(y, m, d):
    ey, em, ed = EPOCH
    total = 0
    for yy in range(ey, y):
        total += 366 if is_leap(yy) else 365
    return total + day_of_year(y, m, d) - day_of_year(ey, em, ed)


def fridays_13th(year):
    count = 0
    for m in range(1, 13):
        if zeller(year, m, 13) == 6:
            count += 1
    return count


def date_str(y, m, d):
    ms = str(m) if m >= 10 else "0" + str(m)
    ds = str(d) if d >= 10 else "0" + str(d)
    return str(y) + "-" + ms + "-" + ds


# ---------------------------------------------------------------- spelling numbers

def small_word(n):
    if n == 0:
        return "zero"
    if n == 1:
        return "one"
    if n == 2:
        return "two"
    if n == 3:
        return "three"
    if n == 4:
        return "four"
    if n == 5:
        return "five"
    if n == 6:
        return "six"
    if n == 7:
        return "seven"
    if n == 8:
        return "eight"
    if n == 9:
        return "nine"
    if n == 10:
        return "ten"
    if n == 11:
        return "eleven"
    if n == 12:
        return "twelve"
    if n == 13:
        return "thirteen"
    if n == 15:
        return "fifteen"
    if n == 18:
        return "eighteen"
    return small_word(n - 10) + "teen"


def tens_word(t):
    if t == 2:
        return "twenty"
    elif t == 3:
        return "thirty"
    elif t == 4:
        return "forty"
    elif t == 5:
        return "fifty"
    elif t == 8:
        return "eighty"
    return small_word(t) + "ty"


def below_thousand(n):
    words = ""
    if n >= 100:
        words = small_word(n // 100) + " hundred"
        n %= 100
        if n == 0:
            return words
        words += " and "
    if n < 20:
        return words + small_word(n)
    words += tens_word(n // 10)
    if n % 10 != 0:
        words += "-" + small_word(n % 10)
    return words


def spell(n):
    if n < 0:
        return "minus " + spell(-n)
    if n == 0:
        return "zero"
    parts = ""
    millions = n // 1000000
    thousands = n // 1000 % 1000
    rest = n % 1000
    if millions:
        parts = below_thousand(millions) + " million"
    if thousands:
        parts = (parts + " " if millions else "") + below_thousand(thousands) + " thousand"
    if rest:
        parts = (parts + " " if millions or thousands else "") + below_thousand(rest)
    return parts


def spelled_words(lo, hi, step):
    """The spellings of lo, lo+step, ... below hi, joined by commas."""
    text = ""
    first = True
    for k in range(lo, hi, step):
        text = spell(k) if first else text + ", " + spell(k)
        first = False
    return text


# ---------------------------------------------------------------- combinatorics

def binomial(n, k):
    if k < 0 or k > n:
        return 0
    k = min(k, n - k)
    r = 1
    for i in range(1, k + 1):
        r = r * (n - k + i) // i
    return r


def catalan(n):
    return binomial(2 * n, n) // (n + 1)


def partitions(n, largest):
    if n == 0:
        return 1
    if n < 0 or largest == 0:
        return 0
    return partitions(n - largest, largest) + partitions(n, largest - 1)


def sqrt2_convergent(k):
    """k-th continued-fraction convergent of sqrt(2) as (p, q)."""
    p0, q0 = 1, 1
    p1, q1 = 3, 2
    if k == 0:
        return p0, q0
    for i in range(k - 1):
        p0, q0, p1, q1 = p1, q1, 2 * p1 + p0, 2 * q1 + q0
    return p1, q1


# ---------------------------------------------------------------- report

def section(title):
    print(SEPARATOR, title, SEPARATOR)


def report_roots():
    section("roots")
    n = 1
    while n < 10 ** 17:
        r, c, ok = iroot_check(n)
        print(n, r, c, ok, is_square(n), is_square(r * r))
        n = n * 7 + 3
    print(isqrt(2 ** 62), icbrt(2 ** 62), isqrt(10 ** 18), icbrt(10 ** 18), isqrt(-5))
    print(icbrt(27), icbrt(26), icbrt(9223372036854775807), isqrt(9223372036854775807))


def report_primes():
    section("primes")
    print("pi(", PRIME_LIMIT, ") =", count_primes(PRIME_LIMIT))
    for k in range(1, 200, 37):
        print("prime #", k, "=", nth_prime(k), "next", next_prime(nth_prime(k)))
    for n in range(1000, 1010):
        print(n, factor_string(n), is_prime(n), fermat_probable(n), fermat_probable(n, 3))
    print(factor_string(2 ** 40 - 1), "|", factor_string(600851475143), "|", factor_string(97))
    count, last = twin_primes_below(PRIME_LIMIT)
    print("twins", count, last)
    for n in range(4, 60, 8):
        p, q = goldbach(n)
        print("goldbach", n, "=", p, "+", q)
    print("carmichael 561:", is_prime(561), fermat_probable(561), fermat_probable(561, 3))


def show_inverses(m):
    print("inverses mod", m, mod_inverse(3, m), mod_inverse(10, m), mod_inverse(13, m))


def report_gcd():
    section("gcd")
    a = 1
    b = 1
    for i in range(12):
        a, b = a * 3 + i, b * 5 - i
        g, x, y = ext_gcd(a, b)
        print(a, b, gcd(a, b), lcm(a, b), g, x, y, a * x + b * y == g)
    m = 7
    for k in range(4):
        show_inverses(m)
        m = next_prime(2 * m)
    show_inverses(26)
    r, m = crt_pair(2, 3, 3, 5)
    r, m = crt_pair(r, m, 2, 7)
    print("crt", r, m, r % 3, r % 5, r % 7)
    g, x, y = ext_gcd(240, 46)
    print(gcd(-12, 18), gcd(0, 0), gcd(0, -7), lcm(-4, 6), lcm(0, 5), g, x, y)


def report_modular():
    section("modular")
    for e in range(0, 70, 9):
        print(e, mod_pow(2, e, 1000000007), mod_pow(3, e, 1000), mod_pow(-7, e, 13), mod_pow(5, e, 1))
    for m in range(2, 30, 5):
        print("phi", m, euler_phi(m), "ord2", order_mod(2, m), "ord3", order_mod(3, m))
    print(euler_phi(1000000), euler_phi(9699690), order_mod(10, 49))


def report_collatz():
    section("collatz")
    n = 1
    while n < 1000:
        print(n, collatz_len(n), collatz_peak(n))
        n = n * 3 + 1 if n % 2 == 0 else n * 2 + 1
    print(27, collatz_len(27), collatz_peak(27))
    best, length = longest_collatz(COLLATZ_LIMIT)
    print("longest below", COLLATZ_LIMIT, best, length)


def show_digits(n):
    print(n, digit_sum(n), digit_sum(n, 2), digital_root(abs(n)), reverse_digits(n),
          num_digits(n), is_palindrome(n))


def show_bases(n):
    print(n, to_base(n, 2), to_base(n, 7), to_base(n, 16), to_base(n, 36 // 3))


def report_digits():
    section("digits")
    show_digits(0)
    show_digits(7)
    show_digits(12321)
    show_digits(-9876)
    show_digits(1000001)
    show_digits(9223372036854775807)
    arm = ""
    for n in range(1, 10000):
        if is_armstrong(n) and n > 9:
            arm += " " + str(n)
    print("armstrong:" + arm)
    print(luhn_valid(79927398713), luhn_valid(79927398710), luhn_valid(4539578763621486))
    show_bases(0)
    show_bases(255)
    show_bases(-255)
    show_bases(4096)
    show_bases(123456789)


def report_divisors():
    section("divisors")
    counts = (0, 0, 0)
    for n in range(1, 2000):
        p, a, d = counts
        c = classify_code(n)
        if c == 1:
            print("perfect", n, count_divisors(n))
            counts = (p + 1, a, d)
        elif c == 2:
            counts = (p, a + 1, d)
        else:
            counts = (p, a, d + 1)
    p, a, d = counts
    print("counts", p, a, d, p + a + d)
    for n in range(200, 1300):
        m = amicable_partner(n)
        if m > n:
            print("amicable", n, m)
    print(classify(945), classify(12), classify(13), classify(496), count_divisors(720720))


def show_pisano(m):
    print("pisano", m, pisano(m), fib_mod(100, m), fib_mod(100 % pisano(m), m))


def report_fibonacci():
    section("fibonacci")
    m = 2
    while m <= 1000:
        show_pisano(m)
        show_pisano(m + 1)
        m *= 5
    for n in range(0, 92, 13):
        f, g = fib_fast(n)
        print("fib", n, f, g, fib_mod(n, 1000000007) == f % 1000000007)
    f, g = fib_fast(91)
    print("fib", 91, f, g)


def report_fixed():
    section("fixed point")
    a = fx(3, 141593)
    b = fx(2, 718282)
    print(fx_to_str(a), fx_to_str(b), fx_to_str(fx_add(a, b)), fx_to_str(fx_sub(b, a)))
    print(fx_to_str(fx_mul(a, b)), fx_to_str(fx_div(a, b)), fx_to_str(fx_div(fx_sub(b, a), a)))
    print(fx_to_str(fx_sqrt(fx(2))), fx_to_str(fx_from_ratio(22, 7)), fx_to_str(fx_from_ratio(-1, 8)))
    print(fx_to_str(fx_mul(fx_from_ratio(-7, 3), fx(0, 5))), fx_to_str(fx(0, 42)))
    acc = fx(1)
    for i in range(1, 11):
        acc = fx_mul(acc, fx_from_ratio(i + 1, i))
        print(i, fx_to_str(acc), fx_to_float(acc))
    compound = fx(1000)
    rate = fx_from_ratio(5, 100)
    for year in range(1, 6):
        compound = fx_add(compound, fx_mul(compound, rate))
    print("compound", fx_to_str(compound), fx_to_str(fx_sub(fx(0), compound)))


def show_sqrt(x):
    s = sqrt_newton(x)
    print("sqrt", x, s, round_to(s, 4), s * s)


def report_series():
    section("series")
    terms = 1
    while terms <= 20:
        print("e", terms, series_e(terms))
        terms = terms * 2 + 1
    terms = 1
    while terms <= 1000:
        print("leibniz", terms, pi_leibniz(terms))
        terms *= 10
    print("machin", pi_machin(), pi_machin(3), pi_machin(terms=6))
    show_sqrt(0.0)
    show_sqrt(1e-10)
    show_sqrt(0.25)
    show_sqrt(2.0)
    show_sqrt(10.0)
    show_sqrt(12345.678)
    show_sqrt(1e20)
    n = 1
    while n <= 100:
        print("integrate", n, trapezoid(0.0, 2.0, n), simpson(0.0, 2.0, 2 * n))
        n *= 10
    print("exact", poly_integral_exact(0.0, 2.0), poly(0.5), poly(-1.0))
    print("harmonic", harmonic(10), harmonic(1000), round_to(harmonic(100), 3), round_to(-2.71828, 2))


def report_random():
    section("random")
    state = lcg_seed(2024)
    line = ""
    for i in range(10):
        v, state = lcg_next(state)
        line += str(v % 100) + " "
    print(line + "| calls", state[1])
    seed = 1
    for k in range(2):
        est, calls = monte_carlo_pi(2000, seed)
        print("monte carlo", seed, est, calls)
        seed = seed * 41 + 1


def show_bits(n):
    print(n, popcount(n), parity(n), reverse_bits(n & 255), lowest_bit(n), bit_length(n),
          is_power_of_two(n), gray(n), gray_inverse(gray(n)) == n)


def report_bits():
    section("bits")
    show_bits(0)
    show_bits(1)
    show_bits(5)
    show_bits(96)
    show_bits(1023)
    show_bits(1 << 40)
    show_bits((1 << 62) + 12345)
    for n in range(8):
        print(to_binary(n, 3), to_binary(gray(n), 3), to_binary(reverse_bits(n, 3), 3),
              reverse_bits(n, 16), ~n, -n & 7, n << 60 >> 60)


def report_calendar():
    section("calendar")
    dates = ((2000, 1, 1), (2024, 2, 29), (1969, 7, 20), (2038, 1, 19), (1900, 3, 1))
    d0, d1, d2, d3, d4 = dates
    for i in range(5):
        y, m, d = d0 if i == 0 else d1 if i == 1 else d2 if i == 2 else d3 if i == 3 else d4
        print(date_str(y, m, d), day_name(zeller(y, m, d)), day_of_year(y, m, d),
              days_since_epoch(y, m, d) if y >= 2000 else -1)
    for year in range(2015, 2027):
        print(year, is_leap(year), fridays_13th(year), days_in_month(year, 2))
    print(is_leap(1900), is_leap(2000), is_leap(2100), is_leap(2400))


def report_spelling():
    section("spelling")
    print(spelled_words(0, 25, 1))
    print(spelled_words(30, 130, 11))
    print(spelled_words(342, 100000, 24977))
    print(spell(1000), "|", spell(2005), "|", spell(999999), "|", spell(1234567), "|", spell(-81))
    print(spell(1000000), "|", spell(70013), "|", spell(100100))


def report_combinatorics():
    section("combinatorics")
    for n in range(0, 61, 10):
        print(n, binomial(n, n // 2), binomial(n, 3), catalan(n // 2))
    for n in range(0, 31, 5):
        print("partitions", n, partitions(n, n))
    for k in range(6):
        p, q = sqrt2_convergent(k)
        print("sqrt2", k, p, q, p / q, p * p - 2 * q * q)


def entry_point(argv):
    mode = "native" if we_are_translated() else "cpython"
    if len(argv) > 5:
        print("mode", mode)
    report_roots()
    report_primes()
    report_gcd()
    report_modular()
    report_collatz()
    report_digits()
    report_divisors()
    report_fibonacci()
    report_fixed()
    report_series()
    report_random()
    report_bits()
    report_calendar()
    report_spelling()
    report_combinatorics()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
