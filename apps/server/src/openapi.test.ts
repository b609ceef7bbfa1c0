import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderOpenApi } from './openapi-document';

describe('openapi.json', () => {
  it('is committed and matches the routes (run `npm run openapi` when this fails)', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../../../openapi.json', import.meta.url)), 'utf8');
    expect(committed).toBe(await renderOpenApi());
  });
});
