#!/usr/bin/env node
// Entry point of the clustrix-lint command: runs the built CLI and sets the exit code.
import { main } from '../dist/src/cli.js';

process.exitCode = await main(process.argv.slice(2));
