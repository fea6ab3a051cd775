"""The Mersenne Twister: PyPy's rpython.rlib.rrandom.Random.

    r = Random(seed=0)     # init_genrand(seed), as PyPy's Random(seed)
    r.seed(n)              # as CPython's random.seed(n) for an int n:
                           # init_by_array over |n|'s 32-bit words
    r.random()             # a float in [0.0, 1.0): CPython's random.random()
    r.genrand32()          # the next 32-bit output
    r.init_genrand(s), r.init_by_array([words]), r.getrandbits(k) (k <= 63),
    r.jumpahead(n)         # advances the state by n outputs

After r.seed(n), r.random() gives the same sequence as CPython's
random.seed(n); random.random(). Written in RPython with machine ints: the
32-bit words are kept masked, and every product below stays under 2**63
(a multiplier < 2**31 times a word < 2**32), so the same code is exact on
CPython and on 64-bit machine words.
"""

N = 624
M = 397
MATRIX_A = 0x9908b0df
UPPER_MASK = 0x80000000
LOWER_MASK = 0x7fffffff
MASK32 = 0xffffffff


class Random(object):
    def __init__(self, seed=0):
        state = []
        for i in range(N):
            state.append(0)
        self.state = state
        self.index = 0
        self.init_genrand(seed)

    def init_genrand(self, s):
        mt = self.state
        mt[0] = s & MASK32
        for mti in range(1, N):
            prev = mt[mti - 1]
            mt[mti] = (1812433253 * (prev ^ (prev >> 30)) + mti) & MASK32
        self.index = N

    def init_by_array(self, init_key):
        key_length = len(init_key)
        mt = self.state
        self.init_genrand(19650218)
        i = 1
        j = 0
        k = N if N > key_length else key_length
        while k > 0:
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + (init_key[j] & MASK32) + j) & MASK32
            i += 1
            j += 1
            if i >= N:
                mt[0] = mt[N - 1]
                i = 1
            if j >= key_length:
                j = 0
            k -= 1
        k = N - 1
        while k > 0:
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & MASK32
            i += 1
            if i >= N:
                mt[0] = mt[N - 1]
                i = 1
            k -= 1
        mt[0] = 0x80000000
        self.index = N

    def seed(self, n):
        """CPython's random.seed(n) for an int: the key is |n|'s 32-bit
        words, least significant first ([0] for 0)."""
        if n < 0:
            n = -n
            if n < 0:  # -2**63: its magnitude is 2**63
                self.init_by_array([0, 0x80000000])
                return
        key = []
        while n > 0:
            key.append(n & MASK32)
            n >>= 32
        if len(key) == 0:
            key.append(0)
        self.init_by_array(key)

    def _twist(self):
        mt = self.state
        for kk in range(N):
            y = (mt[kk] & UPPER_MASK) | (mt[(kk + 1) % N] & LOWER_MASK)
            mag = MATRIX_A if y & 1 else 0
            mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ mag
        self.index = 0

    def genrand32(self):
        if self.index >= N:
            self._twist()
        y = self.state[self.index]
        self.index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= y >> 18
        return y & MASK32

    def random(self):
        """53 random bits as a float in [0.0, 1.0), as CPython's."""
        a = self.genrand32() >> 5
        b = self.genrand32() >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        """k (0 <= k <= 63) random bits, as CPython's getrandbits(k)."""
        assert 0 <= k <= 63
        if k == 0:
            return 0
        if k <= 32:
            return self.genrand32() >> (32 - k)
        low = self.genrand32()
        high = self.genrand32() >> (64 - k)
        return (high << 32) | low

    def jumpahead(self, n):
        """Advances the generator by n outputs."""
        while n > 0:
            self.genrand32()
            n -= 1
