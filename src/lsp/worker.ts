// The check worker (a worker_thread): runs checks, code actions and fix-all for the server's main
// thread, one message at a time, and keeps the last analyses so code actions on a version already
// checked cost no new check.
import { parentPort } from 'node:worker_threads';
import { codeActions, fixAllEdit } from './actions.js';
import { Analysis } from './analysis.js';
import type { DocumentInput, WorkerMessage, WorkerRequest, WorkerResult } from './protocol.js';

/** Analyses kept, most recently used last. Documents are big (a dump), so only a few. */
const KEEP = 4;
const cache = new Map<string, { key: string; text: string; analysis: Analysis }>();

/** Log lines of the analyses used by the current message. */
let log: string[] = [];

function analysisOf(doc: DocumentInput): Analysis {
  const a = lookup(doc);
  log.push(...a.log.splice(0));
  return a;
}

function lookup(doc: DocumentInput): Analysis {
  const key = JSON.stringify([doc.version, doc.path, doc.root, doc.settings, doc.epoch]);
  const hit = cache.get(doc.uri);
  cache.delete(doc.uri);
  if (hit !== undefined && hit.key === key && hit.text === doc.text) {
    cache.set(doc.uri, hit);
    return hit.analysis;
  }
  const analysis = new Analysis(doc);
  cache.set(doc.uri, { key, text: doc.text, analysis });
  while (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  return analysis;
}

function handle(request: WorkerRequest): WorkerResult {
  switch (request.type) {
    case 'diagnostics':
      return analysisOf(request.doc).result();
    case 'codeActions':
      return codeActions(analysisOf(request.doc), request.range, request.only, request.abilities);
    case 'fixAll': {
      const a = analysisOf(request.doc);
      return a.checked ? fixAllEdit(a, request.lossy, request.abilities) : null;
    }
    case 'forget':
      cache.delete(request.uri);
      return null;
  }
}

parentPort!.on('message', ({ id, request }: { id: number; request: WorkerRequest }) => {
  let reply: WorkerMessage;
  log = [];
  try {
    const result = handle(request);
    reply = { id, ok: true, result, log };
  } catch (e) {
    // The message goes back to the client (e.g. the fixer refusing a broken script); the stack to the log.
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof Error && e.stack !== undefined) log.push(`clustrix-lint: ${e.stack}`);
    reply = { id, ok: false, error: message, log };
  }
  parentPort!.postMessage(reply);
});
