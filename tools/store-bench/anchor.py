#!/usr/bin/env python3
"""The anchor of tools/store-bench.sh: a plain SQLite FTS5 index of the same provisions, as a small script
would build it (the approach of an "FTS5 over provisions" server): one row per provision of the dataset's
JSON lines, the default unicode61 tokenizer, one transaction.

    anchor.py load JSONL DB           load + index; prints seconds, rows and bytes
    anchor.py query DB QUERIES REPEAT  runs each query REPEAT times (ranked, top 20, with a snippet);
                                       prints one latency in milliseconds per query (the best of REPEAT)
"""
import json
import os
import sqlite3
import sys
import time


def load(jsonl, db):
    if os.path.exists(db):
        os.remove(db)
    start = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE VIRTUAL TABLE provisions USING fts5(document UNINDEXED, section UNINDEXED, content)")
    rows = 0
    with open(jsonl, "rb") as f, con:
        for line in f:
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except ValueError:
                continue
            provisions = doc.get("provisions")
            if not isinstance(provisions, list):
                continue
            batch = [
                (doc.get("id"), p.get("section"), p.get("content") or "")
                for p in provisions
                if isinstance(p, dict)
            ]
            con.executemany("INSERT INTO provisions(document, section, content) VALUES (?, ?, ?)", batch)
            rows += len(batch)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    seconds = time.perf_counter() - start
    print(f"seconds {seconds:.2f}")
    print(f"rows {rows}")
    print(f"bytes {os.path.getsize(db)}")


def query(db, queries, repeat):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    sql = (
        "SELECT document, section, snippet(provisions, 2, '[', ']', '…', 24) FROM provisions "
        "WHERE provisions MATCH ? ORDER BY rank LIMIT 20"
    )
    with open(queries, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    for q in lines:
        best = None
        for _ in range(repeat):
            start = time.perf_counter()
            try:
                con.execute(sql, (q,)).fetchall()
            except sqlite3.OperationalError as error:
                print(f"error {q!r}: {error}", file=sys.stderr)
            elapsed = (time.perf_counter() - start) * 1000
            best = elapsed if best is None else min(best, elapsed)
        print(f"{best:.3f}")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "load":
        load(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 5 and sys.argv[1] == "query":
        query(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
