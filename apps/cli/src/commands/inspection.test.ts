import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildDrawProof,
  type DrawPlanInput,
  type DrawProof,
  runDraw,
  seedCommitment,
} from '@zhizhi/regulation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { proofUrl, verifyDrawCommand } from './inspection';

const SEED = '5eae986711fb0482b9341d9e50a7a64d837d0d66c20049b2f0efe7b27b131ad2';
const PLAN: DrawPlanInput = {
  planId: 'FH-2026-Q4-03',
  items: [
    { code: 'SCJG-FOOD-01', departmentCode: 'SCJG', ratioByClass: { A: 0.1, B: 0.3, C: 0.5, D: 1 } },
    { code: 'XF-FIRE-01', departmentCode: 'XF', ratioByClass: { A: 0, B: 0.2, C: 0.5, D: 1 } },
  ],
  subjects: Array.from({ length: 12 }, (_, i) => ({
    id: `91330283MA2${String(i).padStart(5, '0')}X`,
    creditClass: (['A', 'B', 'C', 'D'] as const)[i % 4],
    itemCodes: i % 2 === 0 ? ['SCJG-FOOD-01', 'XF-FIRE-01'] : ['SCJG-FOOD-01'],
  })),
  inspectors: [
    ...['s1', 's2', 's3'].map((id) => ({
      id: `SCJG-${id}`,
      departmentCode: 'SCJG',
      qualifications: ['SCJG-FOOD-01'],
      conflicts: [],
    })),
    // only one fire inspector: every fire target is a shortfall
    { id: 'XF-x1', departmentCode: 'XF', qualifications: ['XF-FIRE-01'], conflicts: [] },
  ],
};

const proof: DrawProof = buildDrawProof({
  planId: PLAN.planId,
  name: { zh: '2026年第四季度联合抽查', en: 'Joint inspection, Q4 2026' },
  committedAt: '2026-10-01T01:00:00Z',
  drawnAt: '2026-10-08T02:00:00Z',
  seedPublishedAt: '2026-10-08T02:05:00Z',
  seedCommitment: seedCommitment(SEED),
  input: PLAN,
  result: runDraw({ ...PLAN, seed: SEED }),
  seed: SEED,
});
const result = proof.result!;

/** Runs the command in-process and captures what it prints. */
async function verify(options: { source?: string; server?: string; plan?: string; json?: boolean }) {
  let out = '';
  let err = '';
  const code = await verifyDrawCommand(
    { json: false, ...options },
    { out: (text) => (out += text), err: (text) => (err += text) },
  );
  return { code, out, err };
}

describe('zhizhi inspection verify-draw', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhizhi-verify-draw-'));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const requested: string[] = [];
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      if (request.url === `/api/public/regulation/draws/${PLAN.planId}/proof`) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(proof));
        return;
      }
      response.writeHead(404, { 'content-type': 'application/problem+json' });
      response.end(
        JSON.stringify({
          status: 404,
          title: 'Not found',
          detail: 'No such plan.',
          code: 'regulation.plan.not_found',
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('verifies a proof file and reports checks, targets, visits, inspectors and shortfalls', async () => {
    const run = await verify({ source: file('proof.json', proof) });
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(`抽查计划 (plan): ${PLAN.planId} 2026年第四季度联合抽查`);
    expect(run.out).toContain(proof.published.seedCommitment);
    expect(run.out).not.toContain('✗');
    expect(run.out.match(/✓/g)?.length).toBe(8); // seven checks and the verdict
    expect(result.shortfalls.length).toBeGreaterThan(0);
    expect(run.out).toContain(
      `抽中目标 (targets drawn, item × subject): ${result.assignments.length + result.shortfalls.length}`,
    );
    expect(run.out).toContain(`检查次数 (visits, one per subject): ${result.visits.length}`);
    expect(run.out).toContain(
      `人手不足 (shortfalls, targets without enough inspectors): ${result.shortfalls.length}`,
    );
    expect(run.out).toContain('too_few_qualified');
    expect(run.out).toContain('验证通过');
  });

  it('prints the verification as JSON with --json', async () => {
    const run = await verify({ source: file('proof.json', proof), json: true });
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.out);
    expect(printed).toMatchObject({ ok: true, stage: 'published', planId: PLAN.planId, reasons: [] });
    expect(printed.result.digest).toBe(result.digest);
    expect(printed.summary).toMatchObject({
      visits: result.visits.length,
      shortfalls: result.shortfalls.length,
      inspectors: new Set(result.assignments.flatMap((a) => a.inspectorIds)).size,
    });
  });

  it('exits 1 and names the failed check for a tampered proof', async () => {
    const tampered: DrawProof = JSON.parse(JSON.stringify(proof));
    tampered.input.subjects[0].creditClass = 'D';
    const run = await verify({ source: file('tampered.json', tampered) });
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/✗ 名录（检查事项、市场主体、执法人员）与事先公示的输入摘要一致/);
    expect(run.out).toContain('inputs digest');
    expect(run.out).toContain('验证未通过');
    const json = await verify({ source: file('tampered.json', tampered), json: true });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).reasons.map((r: { code: string }) => r.code)).toEqual(['inputs_mismatch']);
  });

  it('exits 1 while the seed is not published, saying so', async () => {
    const pending = { ...proof, seed: null, seedPublishedAt: null };
    const run = await verify({ source: file('pending.json', pending) });
    expect(run.code).toBe(1);
    expect(run.out).toContain('种子尚未公布');
    expect(run.out).toContain('未经复算');
  });

  it('fetches the proof from a URL, or from --server and --plan', async () => {
    const byUrl = await verify({ source: `${base}/api/public/regulation/draws/${PLAN.planId}/proof` });
    expect(byUrl.code, byUrl.err).toBe(0);
    const byPlan = await verify({ server: `${base}/`, plan: PLAN.planId, json: true });
    expect(byPlan.code, byPlan.err).toBe(0);
    expect(JSON.parse(byPlan.out)).toMatchObject({ ok: true, source: proofUrl(base, PLAN.planId) });
    expect(requested).toContain(`/api/public/regulation/draws/${PLAN.planId}/proof`);
    expect(proofUrl('https://x.example/zz/', 'P 1/2')).toBe(
      'https://x.example/zz/api/public/regulation/draws/P%201%2F2/proof',
    );
  });

  it('exits 2 with one clear line for usage errors and unreadable input', async () => {
    const cases: [Parameters<typeof verify>[0], string][] = [
      [{}, 'cli.draw.usage'],
      [{ plan: PLAN.planId }, 'cli.draw.usage'],
      [{ source: file('proof.json', proof), server: base, plan: PLAN.planId }, 'cli.draw.usage'],
      [{ server: 'ftp://x', plan: 'P' }, 'cli.server.invalid'],
      [{ source: join(dir, 'missing.json') }, 'cli.draw.file_unreadable'],
      [{ source: file('not-json.txt', 'hello') }, 'cli.draw.not_json'],
      [{ source: file('other.json', { format: 'other' }) }, 'regulation.draw.proof_invalid'],
      [{ server: base, plan: 'nope' }, 'cli.draw.fetch_failed'],
    ];
    for (const [options, code] of cases) {
      const run = await verify(options);
      expect(run.code, code).toBe(2);
      expect(run.out).toBe('');
      expect(run.err).toContain(`(${code})`);
      expect(run.err.trim().split('\n')).toHaveLength(1);
    }
    const notFound = await verify({ server: base, plan: 'nope' });
    expect(notFound.err).toContain('HTTP 404: No such plan. (regulation.plan.not_found)');
    const json = await verify({ source: join(dir, 'missing.json'), json: true });
    expect(JSON.parse(json.err).error.code).toBe('cli.draw.file_unreadable');
  });

  it('is wired into the zhizhi command with its exit codes', async () => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'silent' };
    delete env.ZHIZHI_SERVER;
    delete env.ZHIZHI_API_KEY;
    const ok = await runCli(env, '--json', 'inspection', 'verify-draw', file('proof.json', proof));
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).ok).toBe(true);
    const missing = await runCli(env, 'inspection', 'verify-draw', join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cli.draw.file_unreadable');
    expect(missing.stderr).not.toContain('    at ');
    const unknown = await runCli(env, 'inspection', 'verify-draw', '--nope');
    expect(unknown.code).toBe(2);
    // The public proof through the global --server option, without an API key.
    const remote = await runCli(
      env,
      '--json',
      '--server',
      base,
      'inspection',
      'verify-draw',
      '--plan',
      PLAN.planId,
    );
    expect(remote.code, remote.stderr).toBe(0);
    expect(JSON.parse(remote.stdout).ok).toBe(true);
  }, 60_000);
});
