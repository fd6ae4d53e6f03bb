// A stand-in check worker for the CheckPool tests: "block" never answers (a check that would run
// for ever), "crash" throws out of the thread, anything else is echoed back.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, request }) => {
  const text = request.doc?.text;
  if (text === 'block') for (;;);
  if (text === 'crash') throw new Error('the stub crashed');
  parentPort.postMessage({ id, ok: true, result: { version: request.doc?.version ?? null, text }, log: [] });
});
