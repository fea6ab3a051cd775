"""File objects for translated programs: what the builtin open() becomes.

The flow builder replaces the builtin `open` by `open` below, written in
RPython on top of the os functions (as PyPy's rpython/rlib/rfile.py is on
top of its own primitives). Untranslated, programs keep CPython's open().

  open(path, mode="r", encoding=None)   mode: r w a x, each with b or t;
                                        a constant (the file's type depends on it)
  text files:   read(size=-1) -> str, readline() -> str, readlines(),
                write(str) -> int, iteration over lines, universal newlines
                on reading (\\r\\n and \\r read as \\n), UTF-8 unless encoding=
  binary files: the same with bytes, no newline translation
  both:         close(), closed, name, mode, fileno(), flush(), readable(),
                writable(), with-statement (__enter__/__exit__)

Writes go to the file descriptor at once (no buffering), so a file that is
never closed still has its data, as CPython's has once garbage-collected.
"""
import os

from rpython.rlib.objectmodel import specialize

_CHUNK = 65536


def _raise_oserror(err, filename):
    """OSError (its errno subclass) with CPython's message, from the runtime."""
    raise OSError(err, os.strerror(err), filename)


@specialize.memo()
def _mode_info(mode):
    """(flags, readable, writable, binary) for an open() mode."""
    kinds = 0
    binary = False
    text = False
    for c in mode:
        if c in "rwax":
            kinds += 1
        elif c == "b":
            binary = True
        elif c == "t":
            text = True
        else:
            raise ValueError("open() mode %r is not supported by the translator (r, w, a, x with b or t)" % mode)
    if kinds != 1 or (binary and text) or len(set(mode)) != len(mode):
        raise ValueError("invalid mode: %r" % mode)
    if "r" in mode:
        return (os.O_RDONLY, True, False, binary)
    if "w" in mode:
        return (os.O_WRONLY | os.O_CREAT | os.O_TRUNC, False, True, binary)
    if "a" in mode:
        return (os.O_WRONLY | os.O_CREAT | os.O_APPEND, False, True, binary)
    return (os.O_WRONLY | os.O_CREAT | os.O_EXCL, False, True, binary)


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


class TextFile(_File):
    def __init__(self, fd, name, mode, readable, writable, encoding):
        _File.__init__(self, fd, name, mode, readable, writable)
        self.encoding = encoding
        self.buf = ""
        self.pos = 0
        self.pending = b""

    def _fill(self):
        """Decodes one more chunk into buf; False at the end of the file."""
        if self.eof:
            return False
        data = os.read(self.fd, _CHUNK)
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
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if self.pos > 0:
            self.buf = self.buf[self.pos:]
            self.pos = 0
        self.buf = self.buf + text
        return True

    def read(self, size=-1):
        self._check_readable()
        if size < 0:
            while self._fill():
                pass
            result = self.buf[self.pos:]
            self.buf = ""
            self.pos = 0
            return result
        while len(self.buf) - self.pos < size and self._fill():
            pass
        result = self.buf[self.pos:self.pos + size]
        self.pos += len(result)
        return result

    def readline(self):
        self._check_readable()
        while True:
            i = self.buf.find("\n", self.pos)
            if i >= 0:
                result = self.buf[self.pos:i + 1]
                self.pos = i + 1
                return result
            if not self._fill():
                result = self.buf[self.pos:]
                self.buf = ""
                self.pos = 0
                return result

    def readlines(self):
        lines = []
        while True:
            line = self.readline()
            if len(line) == 0:
                return lines
            lines.append(line)

    def write(self, s):
        self._check_writable()
        self._write_all(s.encode(self.encoding))
        return len(s)

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


class BinaryFile(_File):
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

    def read(self, size=-1):
        self._check_readable()
        if size < 0:
            while self._fill():
                pass
            result = self.buf[self.pos:]
            self.buf = b""
            self.pos = 0
            return result
        while len(self.buf) - self.pos < size and self._fill():
            pass
        result = self.buf[self.pos:self.pos + size]
        self.pos += len(result)
        return result

    def readline(self):
        self._check_readable()
        while True:
            i = self.buf.find(b"\n", self.pos)
            if i >= 0:
                result = self.buf[self.pos:i + 1]
                self.pos = i + 1
                return result
            if not self._fill():
                result = self.buf[self.pos:]
                self.buf = b""
                self.pos = 0
                return result

    def readlines(self):
        lines = []
        while True:
            line = self.readline()
            if len(line) == 0:
                return lines
            lines.append(line)

    def write(self, data):
        self._check_writable()
        self._write_all(data)
        return len(data)

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
