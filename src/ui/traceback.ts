// What the results show of a Python traceback: the frames of the trainer's code (solution.py,
// test.py, the standard library) without the harness's own (`<exec>`, Pyodide's internals), which
// say nothing about the solution and are the app's English, not the program's. Display only: the
// runner's output is kept as it came.

/** Frames whose file is the harness that calls the solution, or Pyodide's glue around it. */
const HARNESS_FILE = /^\s*File "(?:<exec>|[^"]*\/_pyodide\/[^"]*|[^"]*\/pyodide\/[^"]*)"/;
const FRAME = /^\s*File "/;

/** `text` without the traceback frames of the harness (each frame's line and its source line). */
export function withoutHarnessFrames(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!HARNESS_FILE.test(line)) {
      out.push(line);
      continue;
    }
    // The frame's source line, indented under it, goes with it; so do the ^^^ markers below it.
    const indent = /^\s*/.exec(line)![0].length;
    while (i + 1 < lines.length && !FRAME.test(lines[i + 1]!) && /^\s*/.exec(lines[i + 1]!)![0].length > indent && lines[i + 1]!.trim() !== '') i++;
  }
  return out.join('\n');
}
