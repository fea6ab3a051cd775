# A numeric toolkit written in the current subset (ints, floats, bools, strs,
# tuples, functions): integer roots, primes, gcd family, modular arithmetic,
# Collatz, digits, divisor classes, Fibonacci mod m and Pisano periods, a
# fixed-point decimal type as (mantissa, digits) tuples, float series for e
# and pi, Newton square roots, trapezoid integration, an LCG with tuple state,
# bit tricks, calendar arithmetic and spelling numbers in English.
# It doubles as the large program of bench/translate_speed (~900 lines, ~700 of code).
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
    y = x // 2 + x % 2          # (x + 1) // 2 without overflowing at 2**63 - 1
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def icbrt(n):
    """floor(cbrt(n)) for n >= 0, by Newton's method on integers."""
    if n < 2:
        return n
    x = 1 << 21     # >= cbrt(2**63), and x*x cannot overflow
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


def is_power_of_two(n):
    return n > 0 and n & (n - 1) == 0


def gray(n):
    return n ^ (n >> 1)


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
    t = n // 10
    if t == 2:
        words += "twenty"
    elif t == 3:
        words += "thirty"
    elif t == 4:
        words += "forty"
    elif t == 5:
        words += "fifty"
    elif t == 8:
        words += "eighty"
    else:
        words += small_word(t) + "ty"
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
        print("prime #", k, "=", nth_prime(k))
    for n in range(1000, 1010):
        print(n, factor_string(n), is_prime(n), mod_pow(2, n - 1, n) == 1)
    print(factor_string(2 ** 40 - 1), "|", factor_string(600851475143), "|", factor_string(97))


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
        print("inverses mod", m, mod_inverse(3, m), mod_inverse(10, m), mod_inverse(13, m))
        m = 2 * m + 3
    print("inverse 10 mod 26", mod_inverse(10, 26))
    g, x, y = ext_gcd(240, 46)
    print(gcd(-12, 18), gcd(0, 0), gcd(0, -7), lcm(-4, 6), lcm(0, 5), g, x, y)


def report_modular():
    section("modular")
    for e in range(0, 70, 9):
        print(e, mod_pow(2, e, 1000000007), mod_pow(3, e, 1000), mod_pow(-7, e, 13), mod_pow(5, e, 1))


def report_collatz():
    section("collatz")
    n = 1
    while n < 1000:
        print(n, collatz_len(n))
        n = n * 3 + 1 if n % 2 == 0 else n * 2 + 1
    print(27, collatz_len(27))
    best, length = longest_collatz(COLLATZ_LIMIT)
    print("longest below", COLLATZ_LIMIT, best, length)


def show_digits(n):
    print(n, digit_sum(n), digit_sum(n, 2), digital_root(abs(n)), reverse_digits(n),
          num_digits(n), is_palindrome(n))


def report_digits():
    section("digits")
    show_digits(0)
    show_digits(7)
    show_digits(12321)
    show_digits(-9876)
    show_digits(1000001)
    show_digits(9223372036854775807)


def report_divisors():
    section("divisors")
    counts = (0, 0, 0)
    for n in range(1, 2000):
        p, a, d = counts
        c = classify_code(n)
        if c == 1:
            print("perfect", n)
            counts = (p + 1, a, d)
        elif c == 2:
            counts = (p, a + 1, d)
        else:
            counts = (p, a, d + 1)
    p, a, d = counts
    print("counts", p, a, d, p + a + d)
    print(classify(945), classify(12), classify(13), classify(496))


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
    print(fx_to_str(fx_from_ratio(22, 7)), fx_to_str(fx_from_ratio(-1, 8)))
    print(fx_to_str(fx_mul(fx_from_ratio(-7, 3), fx(0, 5))), fx_to_str(fx(0, 42)))
    acc = fx(1)
    for i in range(1, 11):
        acc = fx_mul(acc, fx_from_ratio(i + 1, i))
        print(i, fx_to_str(acc))
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
        print("integrate", n, trapezoid(0.0, 2.0, n))
        n *= 10
    print("exact", poly_integral_exact(0.0, 2.0), poly(0.5), poly(-1.0))
    print("round", round_to(2.71828, 3), round_to(-2.71828, 2))


def report_random():
    section("random")
    state = lcg_seed(2024)
    line = ""
    for i in range(10):
        v, state = lcg_next(state)
        line += str(v % 100) + " "
    print(line + "| calls", state[1])
    inside = 0
    for i in range(1000):
        x, state = lcg_next(state)
        y, state = lcg_next(state)
        if x * x + y * y < 32768 * 32768:
            inside += 1
    print("monte carlo pi", 4.0 * inside / 1000, "calls", state[1])


def show_bits(n):
    print(n, popcount(n), parity(n), reverse_bits(n & 255), n & -n,
          is_power_of_two(n), gray(n))


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
        print(date_str(y, m, d), day_name(zeller(y, m, d)), day_of_year(y, m, d))
    for year in range(2015, 2027):
        print(year, is_leap(year), zeller(year, 1, 13), days_in_month(year, 2))
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
        print(n, binomial(n, n // 2), binomial(n, 3), binomial(n, n + 1))


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
