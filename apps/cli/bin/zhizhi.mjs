#!/usr/bin/env node
// Runs the CLI from its bundle (apps/cli/dist/zhizhi.mjs), building it first when a source changed.
import { buildCliIfStale, cliBundle } from '../../../scripts/build-cli.mjs';
import { pathToFileURL } from 'node:url';

await buildCliIfStale();
await import(pathToFileURL(cliBundle).href);
