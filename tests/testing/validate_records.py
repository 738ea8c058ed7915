#!/usr/bin/python3
"""Validates every record of built Lantern sites with python3-jsonschema.

A second opinion beside tests/testing/json_schema_check.cc, from an
independent implementation: for each SITE (a built folder), the site's own
schema/record.json is checked as a Draft 2020-12 schema, then every entry of
records.json ("records") and the record of every records/<id>.json
("record") is validated against it. Prints "SITE: N in records.json, M record
files, valid" per site, or the first errors; exits 1 when any record is
invalid, a site has no records or the two lists differ, 2 when jsonschema is
missing (Debian: python3-jsonschema).

Usage: validate_records.py SITE...
"""
import json
import pathlib
import sys

try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError:
    print("python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(2)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_site(site):
    """Returns the site's problems, each one line."""
    schema = load(site / "schema" / "record.json")
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    listed = load(site / "records.json")["records"]
    files = sorted((site / "records").glob("*.json"))
    records = [(f"records.json#/records/{i}", r) for i, r in enumerate(listed)]
    records += [(str(p.relative_to(site)), load(p)["record"]) for p in files]
    problems = []
    for where, record in records:
        # best_match goes into oneOf to the error that says what is wrong.
        error = best_match(validator.iter_errors(record))
        if error is not None:
            problems.append(f"{where}{error.json_path[1:]}: {error.message[:300]}")
    if not listed:
        problems.append("records.json lists no record")
    if sorted(r["id"] for r in listed) != sorted(p.stem for p in files):
        problems.append("records.json and records/*.json hold different records")
    if not problems:
        print(f"{site}: {len(listed)} in records.json, {len(files)} record files, valid")
    return problems


def main(sites):
    if not sites:
        print(__doc__, file=sys.stderr)
        return 2
    failed = False
    for site in map(pathlib.Path, sites):
        problems = check_site(site)
        for line in problems[:10]:
            print(f"{site}: {line}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
