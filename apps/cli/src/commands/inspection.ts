import { readFile } from 'node:fs/promises';
import { isKernelError } from '@zhizhi/kernel';
import {
  DRAW_PROOF_CHECK_TEXT,
  type DrawProofReasonCode,
  type DrawProofStage,
  type DrawProofVerification,
  type DrawResult,
  parseDrawProof,
  verifyDrawProof,
} from '@zhizhi/regulation';
import type { Command, CommanderError } from 'commander';

/** Exit codes of `inspection verify-draw`. */
export const VERIFY_DRAW_EXIT = { verified: 0, notVerified: 1, usage: 2 } as const;

const FETCH_TIMEOUT_MS = 30_000;

/** A usage error or an input that cannot be read: exit 2, one clear line, no stack trace. */
class UsageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifyDrawOptions {
  /** A file, `-` for stdin, or an http(s) URL of a proof document. */
  source?: string;
  /** The server's base URL (the global `--server`), with `plan`. */
  server?: string;
  plan?: string;
  json: boolean;
}

export interface VerifyDrawIo {
  out: (text: string) => void;
  err: (text: string) => void;
  readStdin?: () => Promise<string>;
}

/** The proof's address on a server: `${base}/api/public/regulation/draws/${planId}/proof`. */
export function proofUrl(server: string, planId: string): string {
  let base: URL | null = null;
  try {
    base = new URL(server);
  } catch {
    // reported below
  }
  if (!base || (base.protocol !== 'http:' && base.protocol !== 'https:'))
    throw new UsageError(
      'cli.server.invalid',
      `--server must be an http(s) URL such as https://zhizhi.example.gov.cn, got "${server}".`,
    );
  const root = base.href.replace(/\/+$/, '');
  return `${root}/api/public/regulation/draws/${encodeURIComponent(planId)}/proof`;
}

/** Fetches a proof; HTTP problems (RFC 9457) are shown with their code. */
async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new UsageError('cli.draw.fetch_failed', `Cannot fetch ${url} (${reason}).`);
  }
  const text = await response.text();
  if (!response.ok) {
    let detail = '';
    try {
      const problem = JSON.parse(text) as { code?: string; detail?: string; title?: string };
      detail = [problem.detail ?? problem.title, problem.code && `(${problem.code})`]
        .filter(Boolean)
        .join(' ');
    } catch {
      // not a problem document
    }
    throw new UsageError(
      'cli.draw.fetch_failed',
      `${url} answered HTTP ${response.status}${detail ? `: ${detail}` : ''}${
        response.status === 404 ? ' — is the plan id right, and has the plan been committed?' : ''
      }`,
    );
  }
  return text;
}

async function readSource(options: VerifyDrawOptions, io: VerifyDrawIo): Promise<string> {
  const { source, server, plan } = options;
  if (source !== undefined && plan !== undefined)
    throw new UsageError('cli.draw.usage', 'Give either a file or URL, or --server with --plan, not both.');
  if (source === undefined) {
    if (plan === undefined || !server)
      throw new UsageError(
        'cli.draw.usage',
        'Give the proof document: a file, - for stdin, a URL, or --server <baseUrl> --plan <planId>.',
      );
    return fetchText(proofUrl(server, plan));
  }
  if (/^https?:\/\//i.test(source)) return fetchText(source);
  if (source === '-') {
    if (!io.readStdin) throw new UsageError('cli.draw.usage', 'Cannot read standard input here.');
    return io.readStdin();
  }
  return readFile(source, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      'cli.draw.file_unreadable',
      `Cannot read ${source} (${error.code ?? error.message}).`,
    );
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError('cli.draw.not_json', 'The proof document is not JSON.');
  }
}

const STAGE_TEXT: Record<DrawProofStage, string> = {
  committed: '已公示承诺，尚未抽取 (committed, not drawn yet)',
  drawn: '已抽取，种子尚未公布 (drawn, seed not yet published)',
  published: '已抽取并公布种子 (drawn, seed published)',
};

/** What each failed check means, in Chinese; the English reason follows in parentheses. */
const REASON_ZH: Record<DrawProofReasonCode, string> = {
  seed_invalid: '种子格式不对',
  seed_mismatch: '种子与事先公示的承诺不符：种子可能被更换过',
  plan_mismatch: '文档各部分属于不同的抽查计划',
  input_invalid: '名录数据不合规',
  inputs_mismatch: '名录与事先公示的输入摘要不符：名录可能在公示后被改动',
  input_not_canonical: '名录未按规范格式书写，直接计算摘要会不一致',
  result_mismatch: '用种子和名录重算得到的结果与公布的结果摘要不同：结果可能被改动',
  result_digest_mismatch: '文档中的结果与公布的结果摘要不符',
  result_differs: '文档中的结果与重算结果不同',
  seed_unpublished: '种子尚未公布，暂时无法复算抽取结果',
  timeline_invalid: '时间顺序不对：应先公示承诺，再抽取，后公布种子',
};

export interface DrawSummary {
  /** Drawn (item, subject) targets, including those without enough inspectors. */
  targets: number;
  assigned: number;
  visits: number;
  jointVisits: number;
  inspectors: number;
  shortfalls: number;
}

export function drawSummary(result: DrawResult): DrawSummary {
  return {
    targets: result.assignments.length + result.shortfalls.length,
    assigned: result.assignments.length,
    visits: result.visits.length,
    jointVisits: result.visits.filter((v) => v.joint).length,
    inspectors: new Set(result.assignments.flatMap((a) => a.inspectorIds)).size,
    shortfalls: result.shortfalls.length,
  };
}

const SHORTFALLS_SHOWN = 20;

function humanReport(
  verification: DrawProofVerification,
  proof: ReturnType<typeof parseDrawProof>,
  source: string,
): string {
  const lines: string[] = [];
  const { published } = proof;
  const title = proof.name ? ` ${proof.name.zh} (${proof.name.en})` : '';
  lines.push(`抽查计划 (plan): ${proof.planId}${title}`);
  lines.push(`来源 (source): ${source}`);
  lines.push(`阶段 (stage): ${STAGE_TEXT[verification.stage]}`);
  lines.push(
    `种子承诺 (seed commitment): ${published.seedCommitment}  公示于 (committed) ${proof.committedAt}`,
  );
  lines.push(`输入摘要 (inputs digest): ${published.inputsDigest}`);
  if (published.resultDigest)
    lines.push(`结果摘要 (result digest): ${published.resultDigest}  抽取于 (drawn) ${proof.drawnAt}`);
  if (proof.seed) lines.push(`种子 (seed): ${proof.seed}  公布于 (published) ${proof.seedPublishedAt}`);
  lines.push('');
  lines.push('检查 (checks):');
  for (const { check, status } of verification.checks) {
    const text = DRAW_PROOF_CHECK_TEXT[check];
    const mark = status === 'passed' ? '✓' : status === 'failed' ? '✗' : '·';
    lines.push(`  ${mark} ${text.zh} (${text.en})${status === 'skipped' ? ' — 未检查 (not checked)' : ''}`);
    for (const reason of verification.reasons.filter((r) => r.check === check))
      lines.push(`      ${REASON_ZH[reason.code]} (${reason.message})`);
  }

  const recomputed = verification.result;
  const shown = recomputed ?? proof.result;
  if (shown) {
    const s = drawSummary(shown);
    lines.push('');
    lines.push(
      recomputed
        ? '抽取结果（已复算）(result, recomputed):'
        : '抽取结果（据文档，未经复算）(result as published, not recomputed):',
    );
    lines.push(`  抽中目标 (targets drawn, item × subject): ${s.targets}`);
    lines.push(`  检查次数 (visits, one per subject): ${s.visits}，其中联合检查 (joint) ${s.jointVisits}`);
    lines.push(
      `  派出执法人员 (inspectors assigned): ${s.inspectors}，每个目标 (per target) ${shown.minInspectors}`,
    );
    lines.push(`  人手不足 (shortfalls, targets without enough inspectors): ${s.shortfalls}`);
    for (const f of shown.shortfalls.slice(0, SHORTFALLS_SHOWN))
      lines.push(
        `    - ${f.itemCode} ${f.subjectId}: ${f.reason === 'too_few_qualified' ? '具备资格的人员不足' : '回避与轮换后人员不足'} ` +
          `(${f.reason}; ${f.available}/${f.required})`,
      );
    if (shown.shortfalls.length > SHORTFALLS_SHOWN)
      lines.push(`    … 另有 ${shown.shortfalls.length - SHORTFALLS_SHOWN} 项 (and more)`);
  }

  lines.push('');
  if (verification.ok) lines.push('结论 (verdict): ✓ 验证通过 — 抽取结果可由公示数据复现 (verified)');
  else if (verification.reasons.every((r) => r.code === 'seed_unpublished'))
    lines.push(
      '结论 (verdict): 种子尚未公布，暂时无法验证；目前公示的数据前后一致 (not verifiable yet: the seed is not published)',
    );
  else lines.push('结论 (verdict): ✗ 验证未通过 (NOT verified)');
  return lines.join('\n');
}

/**
 * `zhizhi inspection verify-draw`: reads a proof document, verifies it and reports. Returns the
 * exit code: 0 verified, 1 a check failed or the seed is not yet published, 2 usage or unreadable.
 */
export async function verifyDrawCommand(options: VerifyDrawOptions, io: VerifyDrawIo): Promise<number> {
  try {
    const source =
      options.source ?? (options.server && options.plan ? proofUrl(options.server, options.plan) : '');
    const document = parseJson(await readSource(options, io));
    let proof: ReturnType<typeof parseDrawProof>;
    try {
      proof = parseDrawProof(document);
    } catch (error) {
      if (isKernelError(error)) throw new UsageError(error.code, error.message);
      throw error;
    }
    const verification = verifyDrawProof(proof);
    if (options.json) {
      const summary = verification.result ? drawSummary(verification.result) : null;
      io.out(`${JSON.stringify({ source, name: proof.name ?? null, ...verification, summary }, null, 2)}\n`);
    } else {
      io.out(`${humanReport(verification, proof, source)}\n`);
    }
    return verification.ok ? VERIFY_DRAW_EXIT.verified : VERIFY_DRAW_EXIT.notVerified;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (options.json) io.err(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
    else io.err(`zhizhi: ${error.message} (${error.code})\n`);
    return VERIFY_DRAW_EXIT.usage;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

/** Commander's own usage errors (unknown option, extra argument) exit 2 here, as ours do. */
function usageExit(error: CommanderError): never {
  process.exit(error.exitCode === 0 ? 0 : VERIFY_DRAW_EXIT.usage);
}

export function registerInspectionCommands(program: Command) {
  const inspection = program
    .command('inspection')
    .description('双随机抽查 double-random inspections (双随机一公开)');
  inspection
    .command('verify-draw')
    .description(
      '验证抽查计划公布的抽取证明 (verify the published proof of a sampling plan’s draw): ' +
        'exit 0 verified, 1 a check failed or the seed is not yet published, 2 usage or unreadable input',
    )
    .argument('[source]', 'the proof document: a file, - for stdin, or an http(s) URL')
    .option('--plan <planId>', 'with --server <baseUrl>: fetch that server’s proof of this sampling plan')
    .exitOverride(usageExit)
    .action(async (source: string | undefined, options: { plan?: string }) => {
      const { json, server } = program.opts<{ json?: boolean; server?: string }>();
      process.exitCode = await verifyDrawCommand(
        { source, plan: options.plan, server, json: json === true },
        {
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
          readStdin: () => readAll(process.stdin),
        },
      );
    });
}
