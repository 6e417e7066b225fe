#!/usr/bin/env python3
"""Oracle for the libyaml error differential test (scripts/libyaml-diff.ts).

Reads JSON lines {"text": ...} on stdin and answers each with one JSON line: the first error
libyaml raises while PyYAML's C parser (CSafeLoader, libyaml bindings) reads the events of the
first document through its DOCUMENT-END plus one more event -- the events go-yaml's Unmarshal
consumes -- or {"error": null}. Needs PyYAML built with libyaml (yaml.__with_libyaml__).
"""
import json
import sys

import yaml


def mark(m):
    return None if m is None else {"line": m.line, "column": m.column, "index": m.index}


def first_error(text):
    events = yaml.parse(text, Loader=yaml.CSafeLoader)
    try:
        for event in events:
            if isinstance(event, yaml.DocumentEndEvent):
                next(events, None)
                break
        return None
    except yaml.MarkedYAMLError as e:
        return {
            "kind": "parser" if isinstance(e, yaml.parser.ParserError) else "scanner",
            "problem": e.problem,
            "problemMark": mark(e.problem_mark),
            "context": e.context,
            "contextMark": mark(e.context_mark),
        }
    except yaml.reader.ReaderError as e:
        return {"kind": "reader", "problem": e.reason}


def main():
    if not getattr(yaml, "__with_libyaml__", False):
        sys.exit("PyYAML without libyaml bindings")
    out = sys.stdout
    for line in sys.stdin:
        text = json.loads(line)["text"]
        # A lone surrogate (from a mutation splitting a pair) reaches go-yaml as U+FFFD.
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        out.write(json.dumps({"error": first_error(text)}) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
