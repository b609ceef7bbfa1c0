import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { KernelError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import type { Kernel } from '@zhizhi/kernel';
import { orgDivision } from '@zhizhi/kernel/org';
import { and, eq, isNull, like } from 'drizzle-orm';
import { type HotlineOrder, parseHotlineFile } from '../hotline/parse-hotline';
import { channelActor, type GovernanceService } from './governance-service';
import { P } from './permissions';
import { governanceImport, governanceReport, type ImportRowError } from './schema';

export const HOTLINE_IMPORT_JOB = 'governance.hotline.import';
const CHUNK = 100;
const MAX_ERRORS_KEPT = 2000;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 12345 categories and complaint words → our category codes, first match wins. The city
 * platform's categories are free text (诉求类型); the content decides when they say too little.
 */
const KEYWORDS: [RegExp, string][] = [
  [/窨井|井盖/, 'road.manhole'],
  [/路灯/, 'road.streetlight'],
  [/坑|路面破损|道路破损|塌陷/, 'road.pothole'],
  [/停车|占用车位|僵尸车/, 'road.parking'],
  [/违建|违章搭建|违法建设|搭建/, 'construction.illegal'],
  [/占道|流动摊|摆摊/, 'construction.occupation'],
  [/建筑垃圾|渣土/, 'construction.debris'],
  [/噪音|噪声|扰民/, 'environment.noise'],
  [/焚烧|烧垃圾|烟雾/, 'environment.burning'],
  [/排污|偷排|废气|异味/, 'environment.pollution'],
  [/河道|漂浮|河水/, 'environment.river'],
  [/垃圾|脏乱/, 'environment.garbage'],
  [/欠薪|工资|劳资/, 'dispute.labour'],
  [/邻里|邻居/, 'dispute.neighbour'],
  [/家庭|婚姻/, 'dispute.family'],
  [/山林|土地纠纷|宅基地/, 'dispute.land'],
  [/消防|火灾隐患|电瓶车充电/, 'safety.fire'],
  [/燃气|煤气/, 'safety.gas'],
  [/危房|危旧/, 'safety.building'],
  [/落石|塌方|滑坡|山体/, 'safety.geohazard'],
  [/防汛|台风|内涝/, 'safety.flood'],
  [/过期/, 'food.expired'],
  [/无证/, 'food.unlicensed'],
  [/餐饮|卫生|食品/, 'food.hygiene'],
  [/价格|宰客|乱收费/, 'market.price'],
  [/假冒|伪劣/, 'market.counterfeit'],
  [/停水|漏水|水压|供水|自来水/, 'service.water'],
  [/困难|低保|帮扶|独居老人/, 'service.elderly'],
  [/咨询|政策/, 'service.consult'],
];

/** Intake refusals as row errors, in Chinese too. */
const INTAKE_ERRORS: Record<string, { field: string; zh: string }> = {
  'governance.location.outside_district': { field: 'lng', zh: '经纬度不在本区范围内。' },
  'governance.location.required': { field: 'townName', zh: '缺少事发位置或所属镇街。' },
  'governance.division.unknown': { field: 'townName', zh: '所属镇街不属于本区。' },
  'governance.category.unknown': { field: 'category', zh: '诉求类型无法对应到事件分类。' },
  'cases.data.invalid': { field: 'content', zh: '工单内容不符合要求（如诉求内容过长）。' },
};

export function categoryForOrder(order: Pick<HotlineOrder, 'category' | 'content'>): string | null {
  for (const text of [order.category ?? '', order.content])
    for (const [pattern, code] of KEYWORDS) if (pattern.test(text)) return code;
  return null;
}

function rowError(
  row: number,
  field: string,
  code: string,
  message: string,
  messageZh: string,
): ImportRowError {
  return { row, field, code, message, messageZh };
}

/**
 * 12345 hotline imports: the file is checked at once (a bad file is refused before anything is
 * stored), then a durable job takes its orders in chunks, recording progress and a per-row error
 * report. Order numbers make re-imports idempotent.
 */
export function createHotlineImport(kernel: Kernel, governance: GovernanceService) {
  const { db, clock } = kernel;

  async function start(actor: Actor, input: { fileName: string; content: Buffer }) {
    requirePermission(actor, P.hotline);
    // Refuse what cannot be read before storing anything.
    const parsed = await parseHotlineFile(input.content, input.fileName);
    const file = await kernel.files.store(actor, {
      name: input.fileName,
      content: input.content,
      allowed: ['text/plain', XLSX],
      maxBytes: 20 * 1024 * 1024,
    });
    const id = newId();
    const badRows = new Set(parsed.errors.map((e) => e.row)).size;
    await kernel.transaction(async (tx) => {
      await tx.insert(governanceImport).values({
        id,
        fileName: input.fileName.slice(0, 200),
        fileId: file.id,
        status: 'queued',
        total: parsed.totalRows,
        // Rows refused by the parser count as processed (and failed) from the start.
        processed: badRows,
        created: 0,
        failed: badRows,
        errors: parsed.errors.slice(0, MAX_ERRORS_KEPT),
        createdBy: actor.id,
        createdAt: clock.now(),
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'governance.hotline.import_started',
        subjectType: 'import',
        subjectId: id,
        data: { fileName: input.fileName, rows: parsed.totalRows },
      });
      await kernel.jobs.enqueue(tx, {
        kind: HOTLINE_IMPORT_JOB,
        payload: { importId: id },
        dedupeKey: `hotline:${id}:0`,
      });
    });
    return get(actor, id);
  }

  async function get(actor: Actor, id: string) {
    requirePermission(actor, P.hotline);
    const [row] = /^[0-9a-f-]{36}$/i.test(id)
      ? await db.select().from(governanceImport).where(eq(governanceImport.id, id))
      : [];
    if (!row) throw new NotFoundError('governance.import.not_found', 'No such import.');
    return row;
  }

  async function townCode(tx: Executor, name: string | null): Promise<string | null> {
    if (!name) return null;
    const bare = name.replace(/^(宁波市)?(奉化区)?/, '').trim();
    if (!bare) return null;
    const [town] = await tx
      .select({ code: orgDivision.code })
      .from(orgDivision)
      .where(
        and(
          eq(orgDivision.level, 'town'),
          isNull(orgDivision.validTo),
          like(orgDivision.code, `${governance.region.districtCode.slice(0, 6)}%`),
          eq(orgDivision.name, bare),
        ),
      );
    return town?.code ?? null;
  }

  /** One chunk of orders in the job's transaction; enqueues the next chunk until done. */
  async function runChunk(tx: Executor, importId: string) {
    const [job] = await tx.select().from(governanceImport).where(eq(governanceImport.id, importId));
    if (!job || job.status === 'done' || job.status === 'failed') return;
    const file = await kernel.files.read(job.fileId, tx);
    const parsed = await parseHotlineFile(file.content, job.fileName);
    const orders = parsed.orders;
    const from = orders.findIndex((o) => o.row > job.lastRow);
    const slice = from < 0 ? [] : orders.slice(from, from + CHUNK);
    const errors: ImportRowError[] = [];
    let created = 0;
    for (const { row, order } of slice) {
      const problem = await importOrder(tx, row, order);
      if (problem) errors.push(problem);
      else created += 1;
    }
    const done = from < 0 || from + CHUNK >= orders.length;
    await tx
      .update(governanceImport)
      .set({
        status: done ? 'done' : 'running',
        processed: job.processed + slice.length,
        created: job.created + created,
        failed: job.failed + errors.length,
        errors: [...job.errors, ...errors].slice(0, MAX_ERRORS_KEPT),
        lastRow: slice.at(-1)?.row ?? job.lastRow,
        finishedAt: done ? clock.now() : null,
      })
      .where(eq(governanceImport.id, importId));
    if (!done)
      await kernel.jobs.enqueue(tx, {
        kind: HOTLINE_IMPORT_JOB,
        payload: { importId },
        dedupeKey: `hotline:${importId}:${job.processed + slice.length}`,
      });
  }

  async function importOrder(tx: Executor, row: number, order: HotlineOrder): Promise<ImportRowError | null> {
    const externalId = `12345:${order.orderNo}`;
    const [existing] = await tx
      .select({ number: governanceReport.number })
      .from(governanceReport)
      .where(eq(governanceReport.externalId, externalId));
    if (existing)
      return rowError(
        row,
        'orderNo',
        'hotline.row.already_imported',
        `The order was imported before as ${existing.number}.`,
        `该工单已导入（事件编号 ${existing.number}）。`,
      );
    const categoryCode = categoryForOrder(order);
    if (!categoryCode)
      return rowError(
        row,
        'category',
        'hotline.row.unknown_category',
        'The category could not be matched to an event category.',
        '诉求类型无法对应到事件分类。',
      );
    const location = order.lng !== null && order.lat !== null ? { lng: order.lng, lat: order.lat } : null;
    const divisionCode = (await townCode(tx, order.townName)) ?? null;
    if (!divisionCode && !location)
      return rowError(
        row,
        'townName',
        'hotline.row.unknown_town',
        'The township is not one of this district and there are no coordinates.',
        '所属镇街不属于本区，且无经纬度。',
      );
    try {
      await tx.transaction(async (sp) => {
        await governance.intakeInTx(sp, channelActor('hotline'), 'hotline', {
          categoryCode,
          description: order.content,
          location,
          address: order.address,
          divisionCode,
          reporterName: order.callerName,
          reporterPhone: order.callerPhone,
          hotlineOrderNo: order.orderNo,
          externalId,
        });
      });
      return null;
    } catch (error) {
      if (!(error instanceof KernelError)) throw error;
      const known = INTAKE_ERRORS[error.code];
      return rowError(
        row,
        known?.field ?? 'content',
        `hotline.row.${error.code.split('.').pop()}`,
        error.message,
        known?.zh ?? error.message,
      );
    }
  }

  return { start, get, runChunk };
}

export type HotlineImport = ReturnType<typeof createHotlineImport>;
