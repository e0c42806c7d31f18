"""Reads GitHub Actions workflow commands from a step's output, as the runner reads them.

Written from GitHub's documentation ("Workflow commands for GitHub Actions"): a command is
`::command parameter1={data},parameter2={data}::{command value}`, with `%`, CR and LF
percent-encoded in the value, and `:` and `,` too in parameters. As the runner does, each
line (output split at CRLF, CR or LF) is a command when, after leading white space, it starts
with `::` and names a known command; failing that, the older form `##[command key=value;...]data`
is looked for anywhere in the line. Each command found is printed, as JSON, with its
parameters and value decoded: [{"command", "properties", "data"}].

Usage: workflow_commands.py FILE
"""
import json
import re
import sys

COMMANDS = {
    "set-env", "set-output", "save-state", "add-mask", "add-path", "add-matcher",
    "remove-matcher", "debug", "notice", "warning", "error", "group", "endgroup", "echo",
    "stop-commands",
}


def unescape(text, mappings):
    for token, replacement in mappings:
        text = text.replace(replacement, token)
    return text


DATA = [("\r", "%0D"), ("\n", "%0A"), ("%", "%25")]
PROPERTY = [("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25")]
LEGACY = [(";", "%3B"), ("\r", "%0D"), ("\n", "%0A"), ("]", "%5D"), ("%", "%25")]


def split_pairs(text, separator, mappings):
    properties = {}
    for item in [part for part in text.split(separator) if part]:
        pair = [part for part in item.split("=", 1) if part]
        if len(pair) == 2:
            properties[pair[0]] = unescape(pair[1], mappings)
    return properties


def command(line):
    message = line.lstrip()
    if message.startswith("::"):
        end = message.find("::", 2)
        if end >= 0:
            info = message[2:end]
            name, _, rest = info.partition(" ")
            if name in COMMANDS:
                return {
                    "command": name,
                    "properties": split_pairs(rest.strip(), ",", PROPERTY) if rest else {},
                    "data": unescape(message[end + 2:], DATA),
                }
    start = line.find("##[")
    if start >= 0:
        close = line.find("]", start)
        if close >= 0:
            info = line[start + 3:close]
            name, _, rest = info.partition(" ")
            if name in COMMANDS:
                return {
                    "command": name,
                    "properties": split_pairs(rest, ";", LEGACY) if rest else {},
                    "data": unescape(line[close + 1:], LEGACY),
                }
    return None


text = open(sys.argv[1], encoding="utf-8", newline="").read()
found = [c for c in (command(line) for line in re.split(r"\r\n|\r|\n", text)) if c]
print(json.dumps(found))
