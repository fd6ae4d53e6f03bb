// The playground's worker: runs the portable core (check, then fix) off the page's thread, so a
// big script never blocks typing. The page drops answers to stale requests, and terminates a busy
// worker when a newer request comes (see runner.ts), so this stays a plain request/answer loop.
import { check, fix, SqlSyntaxError } from '../core.js';
import type { FailureInfo, RunRequest, RunResponse } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
  postMessage(message: RunResponse): void;
}

const scope = self as unknown as WorkerScope;

function failure(e: unknown): FailureInfo {
  if (e instanceof SqlSyntaxError) {
    return { name: e.name, message: e.message, offset: e.offset, line: e.line, column: e.column };
  }
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

scope.onmessage = ({ data: request }) => {
  const { id, sql, target, lossy, filename } = request;
  try {
    let t0 = performance.now();
    const findings = check(sql, { target, filename });
    scope.postMessage({ id, phase: 'check', findings, ms: performance.now() - t0 });
    t0 = performance.now();
    const result = fix(sql, { target, filename, lossy });
    scope.postMessage({
      id,
      phase: 'fix',
      output: result.output,
      applied: result.applied.map(({ ruleId, kind, title, message, pass, line, column }) => ({
        ruleId,
        kind,
        title,
        message,
        pass,
        line,
        column,
      })),
      remaining: result.remaining.length,
      diff: result.diff,
      ms: performance.now() - t0,
    });
  } catch (e) {
    scope.postMessage({ id, phase: 'error', error: failure(e) });
  }
};
