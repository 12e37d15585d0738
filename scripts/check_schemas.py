#!/usr/bin/env python3
"""Checks that every shipped framework and test framework matches docs/framework.schema.json,
so the schema a Sở Nội vụ officer's editor uses never drifts from what the app reads."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "docs/framework.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
files = sorted(root.glob("cchc-core/frameworks/*.json")) + sorted(root.glob("cchc-core/tests/cases/frameworks/*.json"))
failed = 0
for f in files:
    errors = list(validator.iter_errors(json.loads(f.read_text(encoding="utf-8"))))
    for e in errors[:5]:
        print(f"{f.relative_to(root)}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    failed += bool(errors)
print(f"schema: {len(files) - failed} passed, {failed} failed")
sys.exit(1 if failed or not files else 0)
