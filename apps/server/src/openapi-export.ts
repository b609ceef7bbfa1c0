// Writes the committed openapi.json (`npm run openapi`); a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenApi } from './openapi-document';

const target = fileURLToPath(new URL('../../../openapi.json', import.meta.url));
writeFileSync(target, await renderOpenApi());
process.stdout.write(`wrote ${target}\n`);
