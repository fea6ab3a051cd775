"""File objects for translated programs: what the builtin open() becomes.

The flow builder replaces the builtin `open` by `open` below, written in
RPython on top of the os functions (as PyPy's rpython/rlib/rfile.py is on
top of its own primitives). Untranslated, programs keep CPython's open().

  open(path, mode="r", encoding=None)   mode: r w a x, each with b or t
                                        and +; a constant (the file's type
                                        depends on it)
  text files:   read(size=-1) -> str, readline(size=-1) -> str,
                readlines(hint=-1), write(str) -> int, writelines(list),
                iteration over lines, universal newlines
                on reading (\\r\\n and \\r read as \\n), UTF-8 unless encoding=
  binary files: the same with bytes, no newline translation
  both:         close(), closed, name, mode, fileno(), flush(), readable(),
                writable(), seekable(), seek(offset, whence=0), tell(),
                truncate([size]), with-statement (__enter__/__exit__)
                (text files: tell() is the byte offset; seek() takes what
                tell() gave, seek(0, 1) and seek(0, 2), as CPython's)
  stdin:        sys.stdin in translated programs, a text file on fd 0

Writes go to the file descriptor at once (no buffering), so a file that is
never closed still has its data, as CPython's has once garbage-collected.
"""
import os

from rpython.rlib.objectmodel import specialize

_CHUNK = 65536
# CPython's TextIOWrapper reads 8192 bytes at a time, which decides where a
# write after a read lands in a + mode: the same here.
_TEXT_CHUNK = 8192


def _raise_oserror(err, filename):
    """OSError (its errno subclass) with CPython's message, from the runtime."""
    raise OSError(err, os.strerror(err), filename)


@specialize.memo()
def _mode_info(mode):
    """(flags, readable, writable, binary) for an open() mode."""
    kinds = 0
    binary = False
    text = False
    plus = False
    for c in mode:
        if c in "rwax":
            kinds += 1
        elif c == "b":
            binary = True
        elif c == "t":
            text = True
        elif c == "+":
            plus = True
        else:
            raise ValueError("open() mode %r is not supported by the translator (r, w, a, x with b or t, and +)"
                             % mode)
    if kinds != 1 or (binary and text) or len(set(mode)) != len(mode):
        raise ValueError("invalid mode: %r" % mode)
    if "r" in mode:
        flags = os.O_RDONLY
    elif "w" in mode:
        flags = os.O_CREAT | os.O_TRUNC
    elif "a" in mode:
        flags = os.O_CREAT | os.O_APPEND
    else:
        flags = os.O_CREAT | os.O_EXCL
    readable = "r" in mode or plus
    writable = "r" not in mode or plus
    if readable and writable:
        flags |= os.O_RDWR
    elif writable:
        flags |= os.O_WRONLY
    return (flags, readable, writable, binary)


@specialize.memo()
def _mode_flags(mode):
    return _mode_info(mode)[0]


@specialize.memo()
def _mode_readable(mode):
    return _mode_info(mode)[1]


@specialize.memo()
def _mode_writable(mode):
    return _mode_info(mode)[2]


@specialize.memo()
def _mode_binary(mode):
    return _mode_info(mode)[3]


def _open_fd(path, flags):
    fd = os.open(path, flags, 0o666)
    st = os.fstat(fd)
    if (st.st_mode & 0o170000) == 0o040000:
        os.close(fd)
        _raise_oserror(21, path)  # EISDIR, as CPython's FileIO reports it
    if flags & os.O_APPEND:
        os.lseek(fd, 0, os.SEEK_END)  # as CPython: tell() starts at the end
    return fd


@specialize.arg(1)
def open(file, mode="r", encoding=None):
    fd = _open_fd(file, _mode_flags(mode))
    if _mode_binary(mode):
        if encoding is not None:
            os.close(fd)
            raise ValueError("binary mode doesn't take an encoding argument")
        return BinaryFile(fd, file, mode, _mode_readable(mode), _mode_writable(mode))
    enc = "utf-8"
    if encoding is not None:
        enc = encoding
    return TextFile(fd, file, mode, _mode_readable(mode), _mode_writable(mode), enc)


def _complete_utf8(data, at_eof):
    """How many leading bytes of data to decode now: not a UTF-8 sequence
    cut by the end of the chunk, nor a final \\r whose \\n may follow."""
    n = len(data)
    cut = n
    i = n - 1
    back = 0
    while i >= 0 and back < 4:
        c = data[i]
        if c < 0x80:
            break
        if c >= 0xC0:
            need = 2
            if c >= 0xF0:
                need = 4
            elif c >= 0xE0:
                need = 3
            if n - i < need:
                cut = i
            break
        i -= 1
        back += 1
    if not at_eof and cut > 0 and data[cut - 1] == 13:
        cut -= 1
    return cut


class _File(object):
    def __init__(self, fd, name, mode, readable, writable):
        self.fd = fd
        self.name = name
        self.mode = mode
        self.closed = False
        self.can_read = readable
        self.can_write = writable
        self.eof = False

    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def _check_readable(self):
        self._check_open()
        if not self.can_read:
            raise OSError("not readable")

    def _check_writable(self):
        self._check_open()
        if not self.can_write:
            raise OSError("not writable")

    def readable(self):
        self._check_open()
        return self.can_read

    def writable(self):
        self._check_open()
        return self.can_write

    def seekable(self):
        self._check_open()
        return True

    def fileno(self):
        self._check_open()
        return self.fd

    def flush(self):
        self._check_open()

    def close(self):
        if not self.closed:
            self.closed = True
            os.close(self.fd)

    def _write_all(self, data):
        done = 0
        while done < len(data):
            done += os.write(self.fd, data[done:])


class _BufferedReading(object):
    """What text and binary files share, copied into each (the buffer is a
    str in one, bytes in the other): reading through a buffer of what was
    read ahead, whose unread part the file position does not count
    (_unread_bytes), and positioning.

    Each class gives EMPTY, _fill() (one more chunk into buf;
    False at the end of the file), _take(n) (the next n items of the
    buffer, newlines translated), _line_end() (the index after the next
    line in buf, or -1) and _unread_bytes()."""
    _mixin_ = True

    def _reset_buffer(self):
        self.buf = self.EMPTY
        self.pos = 0
        self.eof = False

    def read(self, size=-1):
        self._check_readable()
        if size < 0:
            while self._fill():
                pass
            return self._take(len(self.buf) - self.pos)
        while len(self.buf) - self.pos < size and self._fill():
            pass
        return self._take(size)

    def readline(self, size=-1):
        """The next line; with size >= 0, at most size items of it."""
        self._check_readable()
        while True:
            end = self._line_end()
            if end >= 0 and (size < 0 or end - self.pos <= size):
                return self._take_raw(end)
            if size >= 0 and len(self.buf) - self.pos >= size:
                # (_take makes a \r\n cut after its \r one \n)
                return self._take(size)
            if not self._fill():
                if size >= 0:
                    return self._take(size)
                return self._take_raw(len(self.buf))

    def readlines(self, hint=-1):
        """The lines, until their total length exceeds hint (when > 0)."""
        lines = []
        total = 0
        while True:
            line = self.readline()
            if len(line) == 0:
                return lines
            lines.append(line)
            total += len(line)
            if 0 < hint < total:
                return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def _take_raw(self, end):
        """buf[pos:end] (a line: its newline translated), consumed."""
        return self._take(end - self.pos)

    def tell(self):
        self._check_open()
        return os.lseek(self.fd, 0, os.SEEK_CUR) - self._unread_bytes()

    def _sync_position(self):
        """Gives the read-ahead back: the file position becomes the logical
        one (before a write, a seek or a truncate)."""
        unread = self._unread_bytes()
        if unread:
            os.lseek(self.fd, -unread, os.SEEK_CUR)
        self._reset_buffer()
        self._drop_pending()

    def write(self, data):
        self._check_writable()
        self._before_write()
        encoded = self._encode(data)
        self._write_all(encoded)
        return len(data)

    def truncate(self, size=-1):
        self._check_writable()
        self._sync_position()
        if size < 0:
            size = os.lseek(self.fd, 0, os.SEEK_CUR)
        os.ftruncate(self.fd, size)
        return size

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if len(line) == 0:
            raise StopIteration
        return line

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()


class TextFile(_File, _BufferedReading):
    """buf holds decoded text as it is in the file (\\r\\n and \\r kept):
    the bytes the unread part stands for are then its encoded length, which
    tell() needs. A \\r ending a chunk waits in pending, with the bytes of
    a UTF-8 sequence the chunk cut, so a \\r\\n is never split."""
    EMPTY = ""

    def __init__(self, fd, name, mode, readable, writable, encoding, universal=True):
        _File.__init__(self, fd, name, mode, readable, writable)
        self.encoding = encoding
        self.universal = universal  # False: lines end at \n only, kept as read (sys.stdin's newline="\n")
        self.buf = ""
        self.pos = 0
        self.pending = b""

    def _fill(self):
        if self.eof:
            return False
        data = os.read(self.fd, _TEXT_CHUNK)
        if len(data) == 0:
            self.eof = True
            if len(self.pending) == 0:
                return False
            text = self.pending.decode(self.encoding)
            self.pending = b""
        else:
            data = self.pending + data
            cut = _complete_utf8(data, False)
            text = data[:cut].decode(self.encoding)
            self.pending = data[cut:]
        if self.pos > 0:
            self.buf = self.buf[self.pos:]
            self.pos = 0
        self.buf = self.buf + text
        return True

    def _take(self, n):
        """The next n characters as read (\\r\\n and \\r become \\n)."""
        pieces = []
        while n > 0 and self.pos < len(self.buf):
            end = self.pos + n
            if end > len(self.buf):
                end = len(self.buf)
            piece = self.buf[self.pos:end]
            if self.universal and end < len(self.buf) and piece.endswith("\r") and self.buf[end] == "\n":
                end += 1
            self.pos = end
            if self.universal and "\r" in piece:
                piece = piece.replace("\r\n", "\n").replace("\r", "\n")
            pieces.append(piece)
            n -= len(piece)
            if n > 0 and self.pos >= len(self.buf):
                self._fill()
        return "".join(pieces)

    def _take_raw(self, end):
        piece = self.buf[self.pos:end]
        self.pos = end
        if self.universal and "\r" in piece:
            piece = piece.replace("\r\n", "\n").replace("\r", "\n")
        return piece

    def _line_end(self):
        """After the next \\n, \\r\\n or \\r; a \\r last in buf may be the
        first half of a \\r\\n only at the end of the file (else it is in
        pending), so it ends a line."""
        i = self.buf.find("\n", self.pos)
        if not self.universal:
            if i >= 0:
                return i + 1
            return -1
        j = self.buf.find("\r", self.pos)
        if j >= 0 and (i < 0 or j < i):
            if j + 1 < len(self.buf) and self.buf[j + 1] == "\n":
                return j + 2
            return j + 1
        if i >= 0:
            return i + 1
        return -1

    def _unread_bytes(self):
        n = len(self.pending)
        if self.pos < len(self.buf):
            n += len(self.buf[self.pos:].encode(self.encoding))
        return n

    def _drop_pending(self):
        self.pending = b""

    def _before_write(self):
        """As CPython's TextIOWrapper: a write after reading lands after
        the chunks read so far (8192 bytes each), not at the position of
        the last character read; what was read ahead is forgotten."""
        self._reset_buffer()
        self._drop_pending()

    def _encode(self, s):
        return s.encode(self.encoding)

    def seek(self, cookie, whence=0):
        """CPython's guarantees for text files: seek(tell()), seek(0),
        seek(0, 2) and seek(0, 1); positions are byte offsets."""
        self._check_open()
        if whence == 1:
            if cookie != 0:
                raise OSError("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == 2:
            if cookie != 0:
                raise OSError("can't do nonzero end-relative seeks")
            self._sync_position()
            return os.lseek(self.fd, 0, os.SEEK_END)
        if whence != 0:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        if cookie < 0:
            raise ValueError("negative seek position %d" % cookie)
        self._sync_position()
        return os.lseek(self.fd, cookie, os.SEEK_SET)


class BinaryFile(_File, _BufferedReading):
    EMPTY = b""

    def __init__(self, fd, name, mode, readable, writable):
        _File.__init__(self, fd, name, mode, readable, writable)
        self.buf = b""
        self.pos = 0

    def _fill(self):
        if self.eof:
            return False
        data = os.read(self.fd, _CHUNK)
        if len(data) == 0:
            self.eof = True
            return False
        if self.pos > 0:
            self.buf = self.buf[self.pos:]
            self.pos = 0
        self.buf = self.buf + data
        return True

    def _take(self, n):
        end = self.pos + n
        if end > len(self.buf):
            end = len(self.buf)
        result = self.buf[self.pos:end]
        self.pos = end
        return result

    def _line_end(self):
        i = self.buf.find(b"\n", self.pos)
        if i >= 0:
            return i + 1
        return -1

    def _unread_bytes(self):
        return len(self.buf) - self.pos

    def _drop_pending(self):
        pass

    def _before_write(self):
        self._sync_position()  # as CPython's BufferedRandom: at the logical position

    def _encode(self, data):
        return data

    def seek(self, offset, whence=0):
        self._check_open()
        if whence < 0 or whence > 4:
            raise ValueError("whence value %d unsupported" % whence)
        self._sync_position()  # whence 1 is then relative to the logical position
        return os.lseek(self.fd, offset, whence)


# sys.stdin in translated programs (flowspace/flowbuilder.cpp substitutes it).
# As CPython's on POSIX, it does not translate newlines.
stdin = TextFile(0, "<stdin>", "r", True, False, "utf-8", False)
