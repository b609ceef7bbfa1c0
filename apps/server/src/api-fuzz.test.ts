import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './testing';

type Operation = { method: string; path: string; properties: string[] };

/** Every operation in the served OpenAPI document, with its body's property names. */
function operationsOf(document: {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }
    >
  >;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const properties = Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {});
      out.push({ method: method.toUpperCase(), path, properties });
    }
  }
  return out;
}

const segment = fc.oneof(
  fc.uuid(),
  fc.stringMatching(/^\d{12}$/),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('330213000000', '330213100225', '..', '%00', '%E4%B8%AD', 'null', '-1'),
);
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(null, true, -1, 1e308, '', '330213000000', '2026-02-30'),
);

describe('API under random input', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let headers: Record<string, string>;
  let operations: Operation[];
  beforeAll(async () => {
    t = await createTestApp({ rateLimitPerMinute: 100_000 });
    headers = await t.login();
    // The live stream never ends by design (its own test reads it).
    operations = operationsOf((await t.app.inject('/openapi.json')).json()).filter(
      (o) => o.path !== '/api/auth/logout' && o.path !== '/api/sensing/stream',
    );
  });
  afterAll(() => t.close());

  it('never answers 5xx, and every error is problem+json with a code', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 30 }), { maxKeys: 3 }),
        fc.oneof(fc.constant('known' as const), fc.constant('raw' as const)),
        fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 4 }),
        fc.array(anyValue, { minLength: 8, maxLength: 8 }),
        async (pick, params, query, bodyKind, extra, values) => {
          const op = operations[pick % operations.length];
          let i = 0;
          const url = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++ % 3]));
          const body =
            bodyKind === 'known'
              ? Object.fromEntries(op.properties.map((p, k) => [p, values[k % values.length]]))
              : extra;
          const response = await t.app.inject({
            method: op.method as 'GET',
            url,
            query,
            headers,
            ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: body }),
          });
          expect(response.statusCode, `${op.method} ${url} → ${response.body.slice(0, 300)}`).toBeLessThan(
            500,
          );
          if (response.statusCode >= 400) expect(response.json().code).toEqual(expect.any(String));
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);
});
