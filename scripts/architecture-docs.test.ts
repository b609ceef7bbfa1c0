import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkLayers } from './check-layers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('architecture docs and layer rule', () => {
  it('names only folders that exist', () => {
    const text = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const folders = [...text.matchAll(/^\| `([^`]+)`\s*\|/gm)].map((m) => m[1]);
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter((f) => !existsSync(join(root, f)))).toEqual([]);
  });

  it('finds no layer violations in this tree', () => {
    expect(checkLayers(root)).toEqual([]);
  });

  it('catches a kernel file importing a module, and a reach into a module’s private file', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const base = mkdtempSync(join(tmpdir(), 'layers-'));
    mkdirSync(join(base, 'packages/kernel/src'), { recursive: true });
    mkdirSync(join(base, 'packages/modules/services/src'), { recursive: true });
    writeFileSync(join(base, 'packages/kernel/src/bad.ts'), "import { x } from '@zhizhi/governance';\n");
    writeFileSync(
      join(base, 'packages/modules/services/src/bad.ts'),
      "import { y } from '@zhizhi/governance/src/private';\nimport { z } from '../../governance/src/x';\n",
    );
    const violations: string[] = checkLayers(base);
    expect(violations).toHaveLength(3);
    expect(violations[0]).toContain('kernel kernel may not import module governance');
  });
});
