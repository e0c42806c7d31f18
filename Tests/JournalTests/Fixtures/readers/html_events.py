"""Reads HTML documents with Python's html.parser and prints what it saw in each, as JSON:
a list per file of ["start", tag, [[name, value], ...]], ["end", tag], ["data", text] (runs of
text joined, character references decoded), ["comment", text], ["decl", text] and
["other", text].

Usage: html_events.py FILE...
"""
import json
import sys
from html.parser import HTMLParser


class Events(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(["start", tag, [[name, value] for name, value in attrs]])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.events.append(["end", tag])

    def handle_endtag(self, tag):
        self.events.append(["end", tag])

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "data":
            self.events[-1][1] += data
        else:
            self.events.append(["data", data])

    def handle_comment(self, data):
        self.events.append(["comment", data])

    def handle_decl(self, decl):
        self.events.append(["decl", decl])

    def handle_pi(self, data):
        self.events.append(["other", data])

    def unknown_decl(self, data):
        self.events.append(["other", data])


documents = []
for path in sys.argv[1:]:
    parser = Events()
    parser.feed(open(path, encoding="utf-8", newline="").read())
    parser.close()
    documents.append(parser.events)
print(json.dumps(documents))
