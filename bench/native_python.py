#!/usr/bin/env python3
"""Native CPython baseline for the bench: runs every task of a HumanEval JSONL file the way
Veredicto does (exec of prompt + canonical solution in fresh globals, exec of the test in the same
globals, then check(entry_point)), all in one in-process loop. One warm-up pass, then `--repeat`
timed passes; prints JSON with the median total and the median time of each task, in ms.

usage: python3 bench/native_python.py bench/sets/python.jsonl [--repeat 3]
"""
import json
import statistics
import sys
import time


def run_one(row):
    g = {'__name__': '__main__'}
    exec(compile(row['prompt'] + row['canonical_solution'], 'solution.py', 'exec'), g)
    exec(compile(row['test'], 'test.py', 'exec'), g)
    g['check'](g[row['entry_point']])


def one_pass(rows):
    per_task = []
    failures = []
    clock = time.perf_counter
    started = clock()
    for row in rows:
        t0 = clock()
        try:
            run_one(row)
        except BaseException as e:  # a failing task is reported, not fatal
            failures.append({'taskId': row['task_id'], 'error': f'{type(e).__name__}: {e}'[:300]})
        per_task.append((clock() - t0) * 1000)
    return (clock() - started) * 1000, per_task, failures


def main():
    args = sys.argv[1:]
    repeat = 3
    if '--repeat' in args:
        i = args.index('--repeat')
        repeat = int(args[i + 1])
        del args[i:i + 2]
    with open(args[0], encoding='utf-8') as f:
        rows = [json.loads(line) for line in f if line.strip()]
    _, _, failures = one_pass(rows)  # warm-up: imports, caches, allocator
    totals = []
    per_task_runs = []
    for _ in range(repeat):
        total, per_task, _ = one_pass(rows)
        totals.append(total)
        per_task_runs.append(per_task)
    per_task = {row['task_id']: round(statistics.median(run[i] for run in per_task_runs), 4) for i, row in enumerate(rows)}
    print(json.dumps({
        'python': sys.version.split()[0],
        'tasks': len(rows),
        'totalMs': round(statistics.median(totals), 3),
        'runsMs': [round(t, 3) for t in totals],
        'perTaskMs': per_task,
        'failures': failures,
    }))


if __name__ == '__main__':
    main()
