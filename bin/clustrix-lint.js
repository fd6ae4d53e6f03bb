#!/usr/bin/env node
// Entry point of the clustrix-lint command: runs the built CLI and sets the exit code.
import { main } from '../dist/src/cli.js';

// A reader that stops early (`clustrix-lint rules | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await main(process.argv.slice(2));
