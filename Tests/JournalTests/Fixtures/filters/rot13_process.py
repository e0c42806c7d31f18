"""A long-running filter process (`filter.<driver>.process`), written from git's
documentation (gitattributes(5), "Long Running Filter Process", and
technical/long-running-process-protocol.txt): the pkt-line handshake, capability
negotiation, then one `clean` or `smudge` request after another until git closes the pipe.

It rot13s what it is given, and logs every request to a file, so a test can compare what
git asked of it with what journal asked. A marker in the content makes it misbehave:

- `FILTER-ERROR`: answers `status=error` (this file cannot be filtered);
- `FILTER-LATE-ERROR`: sends content, then `status=error` in the trailing list;
- `FILTER-ABORT`: answers `status=abort` (no more of this command in this process);
- `FILTER-DIE`: exits in the middle of the protocol.

Usage: rot13_process.py LOG [CAPABILITY...]   (capabilities default to clean and smudge)
"""
import codecs
import os
import sys

LOG = open(sys.argv[1], "a", encoding="utf-8")
OFFERED = sys.argv[2:] or ["clean", "smudge"]
stdin = sys.stdin.buffer
stdout = sys.stdout.buffer
MAX_DATA = 65516


def log(text):
    LOG.write(text + "\n")
    LOG.flush()


def read_packet():
    """The packet's data, None for a flush packet; exits when git closes the pipe."""
    header = stdin.read(4)
    if len(header) == 0:
        log("STOP")
        sys.exit(0)
    if len(header) < 4:
        raise SystemExit("truncated packet header")
    length = int(header, 16)
    if length == 0:
        return None
    if length < 4:
        raise SystemExit("bad packet length %d" % length)
    data = stdin.read(length - 4)
    if len(data) != length - 4:
        raise SystemExit("truncated packet")
    return data


def read_text_list():
    lines = []
    while True:
        packet = read_packet()
        if packet is None:
            return lines
        text = packet.decode("utf-8", "surrogateescape")
        lines.append(text[:-1] if text.endswith("\n") else text)


def read_content():
    chunks = []
    while True:
        packet = read_packet()
        if packet is None:
            return b"".join(chunks)
        chunks.append(packet)


def write_packet(data):
    stdout.write(b"%04x" % (len(data) + 4) + data)


def write_text(text):
    write_packet((text + "\n").encode("utf-8", "surrogateescape"))


def flush():
    stdout.write(b"0000")
    stdout.flush()


def write_content(data):
    for start in range(0, len(data), MAX_DATA):
        write_packet(data[start:start + MAX_DATA])
    flush()


def rot13(data):
    return codecs.encode(data.decode("latin-1"), "rot13").encode("latin-1")


def main():
    welcome = read_text_list()
    if welcome[:1] != ["git-filter-client"] or "version=2" not in welcome[1:]:
        raise SystemExit("bad welcome: %r" % welcome)
    write_text("git-filter-server")
    write_text("version=2")
    flush()
    asked = [line[len("capability="):] for line in read_text_list() if line.startswith("capability=")]
    log("START " + " ".join(asked))
    for capability in OFFERED:
        if capability in asked:
            write_text("capability=" + capability)
    flush()
    while True:
        headers = dict(line.split("=", 1) for line in read_text_list())
        content = read_content()
        command, path = headers.get("command"), headers.get("pathname")
        if b"FILTER-DIE" in content:
            log("%s %s die" % (command, path))
            os._exit(3)
        if b"FILTER-ERROR" in content:
            log("%s %s error" % (command, path))
            write_text("status=error")
            flush()
            continue
        if b"FILTER-ABORT" in content:
            log("%s %s abort" % (command, path))
            write_text("status=abort")
            flush()
            continue
        log("%s %s %d" % (command, path, len(content)))
        write_text("status=success")
        flush()
        write_content(rot13(content))
        if b"FILTER-LATE-ERROR" in content:
            write_text("status=error")
        flush()


main()
