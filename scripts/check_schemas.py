#!/usr/bin/env python3
"""Checks the documented file formats against the files the app reads and writes, so that the
schemas a Sở Nội vụ officer's editor (or another program) uses never drift from the app:

- every shipped framework and test framework matches docs/framework.schema.json;
- every golden submission meant to be valid (cchc-core/tests/golden/valid-*.json) matches
  docs/submission.schema.json, and every one of the wrong shape (invalid-shape-*.json) does not;
- the checksum and fingerprint recipes of docs/submission-format.md, done here independently of
  the Rust code, give the values in the golden exports (valid-export-*.json);
- the golden appraisal (appraisal-mini.json) matches docs/appraisal.schema.json, and its two
  checksums (its own, and the submission's it names) follow docs/appraisal-format.md.

Each file or recipe checked counts once in the "N passed, M failed" line."""
import hashlib
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
passed = failed = 0


def report(ok, what, problems=()):
    global passed, failed
    for p in list(problems)[:5]:
        print(f"{what}: {p}")
    if ok:
        passed += 1
    else:
        failed += 1
        if not problems:
            print(f"{what}: failed")


def validator(name):
    schema = json.loads((root / "docs" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(v, path):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in v.iter_errors(json.loads(path.read_text(encoding="utf-8")))]


def sha256_tag(text):
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def checksum(text):
    """docs/submission-format.md, "The checksum": the file without `checksum`, compact."""
    d = json.loads(text)  # keeps the file's key order
    d.pop("checksum", None)
    return sha256_tag(json.dumps(d, ensure_ascii=False, separators=(",", ":")))


def fingerprint(text):
    """docs/submission-format.md, "The fingerprint": the framework with sorted keys, compact."""
    return sha256_tag(json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"),
                                 sort_keys=True))


# Frameworks.
framework_schema = validator("framework.schema.json")
framework_files = (sorted(root.glob("cchc-core/frameworks/*.json"))
                   + sorted(root.glob("cchc-core/tests/cases/frameworks/*.json")))
for f in framework_files:
    problems = errors(framework_schema, f)
    report(not problems, f.relative_to(root), problems)

# Submissions.
submission_schema = validator("submission.schema.json")
golden = root / "cchc-core/tests/golden"
valid = sorted(golden.glob("valid-*.json"))
for f in valid:
    problems = errors(submission_schema, f)
    report(not problems, f.relative_to(root), problems)
for f in sorted(golden.glob("invalid-shape-*.json")):
    report(bool(errors(submission_schema, f)), f.relative_to(root),
           [] if errors(submission_schema, f) else ["matches the schema but should not"])

# The recipes.
fingerprints = {}
for f in framework_files:
    text = f.read_text(encoding="utf-8")
    fingerprints[(json.loads(text)["id"], fingerprint(text))] = f
exports = sorted(golden.glob("valid-export-*.json"))
for f in exports:
    text = f.read_text(encoding="utf-8")
    d = json.loads(text)
    what = f.relative_to(root)
    report(checksum(text) == d["checksum"], f"{what} (checksum recipe)",
           [] if checksum(text) == d["checksum"] else [f"recipe gives {checksum(text)}, file says {d['checksum']}"])
    key = (d["framework"]["id"], d["framework"]["fingerprint"])
    report(key in fingerprints, f"{what} (fingerprint recipe)",
           [] if key in fingerprints else [f"no framework file with id {key[0]} has fingerprint {key[1]}"])

# Appraisals: the golden appraisal matches its schema, and both of its checksums can be redone
# from docs/appraisal-format.md.
appraisal_schema = validator("appraisal.schema.json")
appraisal = golden / "appraisal-mini.json"
problems = errors(appraisal_schema, appraisal)
report(not problems, appraisal.relative_to(root), problems)
d = json.loads(appraisal.read_text(encoding="utf-8"))
body = {k: v for k, v in d.items() if k != "checksum"}
own = sha256_tag(json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
report(own == d["checksum"], f"{appraisal.relative_to(root)} (checksum recipe)",
       [] if own == d["checksum"] else [f"recipe gives {own}, file says {d['checksum']}"])
s = json.loads((golden / "valid-export-mini.json").read_text(encoding="utf-8"))
declared = {"framework_id": s["framework"]["id"], "framework_version": s["framework"]["version"],
            "unit": s["unit"], "answers": s["answers"], "remarks": s.get("remarks", "")}
sub = sha256_tag(json.dumps(declared, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
report(sub == d["submission"]["checksum"], f"{appraisal.relative_to(root)} (submission checksum recipe)",
       [] if sub == d["submission"]["checksum"] else [f"recipe gives {sub}, file says {d['submission']['checksum']}"])

print(f"schema: {passed} passed, {failed} failed")
sys.exit(1 if failed or not framework_files or not valid or not exports else 0)
