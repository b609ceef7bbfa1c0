import { APP_PATH, createSupervisionService } from '@zhizhi/governance';
import type { Kernel } from '@zhizhi/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dateTime, day, uuid } from '../schemas';

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const text = (max: number) => z.string().min(1).max(max);
const grade = z.enum(['excellent', 'good', 'pass', 'fail']).describe('优秀 / 良好 / 合格 / 不合格');
const assignmentStatus = z
  .enum(['pending', 'in_progress', 'completed', 'overdue', 'evaluated'])
  .describe('待签收 / 办理中 / 已办结 / 已逾期 (derived) / 已评价');

const fileRefSchema = z
  .object({ id: uuid, name: z.string(), size: z.number().int(), mime: z.string() })
  .meta({ id: 'SupervisionFile' });

const activitySchema = z
  .object({
    id: uuid,
    kind: z.enum([
      'assigned',
      'accepted',
      'progress',
      'completed',
      'urged',
      'reminded',
      'overdue',
      'evaluated',
    ]),
    progress: z.number().int().nullable(),
    note: z.string().nullable(),
    files: z.array(fileRefSchema),
    actorName: z.string(),
    at: dateTime,
  })
  .meta({ id: 'SupervisionActivity' });

const assignmentSummarySchema = z.object({
  id: uuid,
  departmentId: uuid,
  departmentName: z.string(),
  departmentNameEn: z.string(),
  status: assignmentStatus,
  progress: z.number().int(),
});

const assignmentSchema = assignmentSummarySchema
  .extend({
    acceptedAt: dateTime.nullable(),
    acceptedByName: z.string().nullable(),
    completedAt: dateTime.nullable(),
    completedByName: z.string().nullable(),
    late: z.boolean().describe('Completed after the deadline'),
    grade: grade.nullable(),
    evaluation: z.string().nullable(),
    evaluatedAt: dateTime.nullable(),
    evaluatedByName: z.string().nullable(),
    remindedAt: dateTime.nullable(),
    overdueNotifiedAt: dateTime.nullable(),
    lastUrgedAt: dateTime.nullable(),
    urgeCount: z.number().int(),
    actions: z
      .array(z.enum(['accept', 'report', 'complete', 'urge', 'evaluate']))
      .describe('Steps the caller may take now'),
    activity: z.array(activitySchema),
  })
  .meta({ id: 'SupervisionAssignment' });

const taskBase = z.object({
  id: uuid,
  title: z.string(),
  deadline: z.string().describe('YYYY-MM-DD, Beijing; due at the end of that day'),
  dueAt: dateTime,
  remindWorkingDays: z.number().int(),
  remindAt: dateTime.nullable(),
  status: z.enum(['open', 'closed']),
  overdue: z.boolean().describe('Some department is past the deadline unfinished'),
  createdBy: uuid.nullable(),
  createdByName: z.string(),
  createdAt: dateTime,
  updatedAt: dateTime,
  closedAt: dateTime.nullable(),
  sourceLabel: z.string().nullable().describe('What raised the task, e.g. a cockpit warning'),
  sourcePath: z.string().nullable().describe('That source’s page inside the platform (an app path)'),
});

const taskSummarySchema = taskBase
  .extend({ assignments: z.array(assignmentSummarySchema) })
  .meta({ id: 'SupervisionTaskSummary' });
const taskSchema = taskBase
  .extend({ requirements: z.string(), assignments: z.array(assignmentSchema) })
  .meta({ id: 'SupervisionTask' });

const taskParams = z.object({ id: uuid });
const stepParams = z.object({ id: uuid, assignmentId: uuid });
const fileIds = z.array(uuid).max(10).optional();

/** 督查督办 under /api/governance/tasks: dispatch, department steps, urge, evaluate, attachments. */
export function supervisionRoutes(kernel: Kernel) {
  const supervision = createSupervisionService(kernel);
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['supervision'];
    const step = <B extends z.ZodType>(summary: string, body: B) => ({
      schema: { tags, summary, params: stepParams, body, response: { 200: taskSchema } },
    });

    r.get(
      '/api/governance/tasks',
      {
        schema: {
          tags,
          summary: 'Supervision tasks I may see, newest first',
          querystring: z.object({
            status: z.enum(['open', 'closed', 'overdue']).optional(),
            departmentId: uuid.optional(),
            q: z.string().max(100).optional(),
            page: z.coerce.number().int().min(1).max(10_000).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: {
            200: z.object({
              items: z.array(taskSummarySchema),
              total: z.number().int(),
              page: z.number().int(),
              pageSize: z.number().int(),
            }),
          },
        },
      },
      async (request) => supervision.listTasks(request.actor, request.query),
    );

    r.post(
      '/api/governance/tasks',
      {
        schema: {
          tags,
          summary: 'Dispatch a task to departments (governance.task.manage)',
          body: z.object({
            title: text(200),
            requirements: text(5000),
            deadline: day,
            departmentIds: z.array(uuid).min(1).max(50),
            remindWorkingDays: z.number().int().min(0).max(30).optional(),
            source: z
              .object({ label: text(100), path: z.string().max(300).regex(APP_PATH) })
              .optional()
              .describe('Where the task came from; the path must stay inside the platform'),
          }),
          response: { 201: taskSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await supervision.createTask(request.actor, request.body)),
    );

    r.get(
      '/api/governance/tasks/:id',
      {
        schema: {
          tags,
          summary: 'A task with its assignments and timelines',
          params: taskParams,
          response: { 200: taskSchema },
        },
      },
      async (request) => supervision.getTask(request.actor, request.params.id),
    );

    r.post(
      '/api/governance/tasks/:id/assignments/:assignmentId/accept',
      {
        schema: {
          tags,
          summary: 'Accept (签收) an assignment',
          params: stepParams,
          response: { 200: taskSchema },
        },
      },
      async (request) => supervision.accept(request.actor, request.params.id, request.params.assignmentId),
    );

    const reportBody = z.object({ progress: z.number().int().min(0).max(100), note: text(2000), fileIds });
    r.post(
      '/api/governance/tasks/:id/assignments/:assignmentId/report',
      step('Report progress', reportBody),
      async (request) =>
        supervision.report(request.actor, request.params.id, request.params.assignmentId, request.body),
    );

    const completeBody = z.object({ note: text(2000), fileIds });
    r.post(
      '/api/governance/tasks/:id/assignments/:assignmentId/complete',
      step('Report completion (办结)', completeBody),
      async (request) =>
        supervision.complete(request.actor, request.params.id, request.params.assignmentId, request.body),
    );

    const urgeBody = z.object({ message: z.string().max(500).optional() });
    r.post(
      '/api/governance/tasks/:id/assignments/:assignmentId/urge',
      step('Urge (催办) a department', urgeBody),
      async (request) =>
        supervision.urge(request.actor, request.params.id, request.params.assignmentId, request.body),
    );

    const evaluateBody = z.object({ grade, comment: text(1000) });
    r.post(
      '/api/governance/tasks/:id/assignments/:assignmentId/evaluate',
      step('Evaluate an assignment; the task closes with the last one', evaluateBody),
      async (request) =>
        supervision.evaluate(request.actor, request.params.id, request.params.assignmentId, request.body),
    );

    r.post(
      '/api/governance/tasks/attachments',
      {
        bodyLimit: Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4096,
        schema: {
          tags,
          summary: 'Upload a report attachment (JPEG, PNG, WebP or PDF, ≤ 10 MiB, base64)',
          body: z.object({ name: z.string().min(1).max(200), contentBase64: z.base64() }),
          response: { 201: fileRefSchema },
        },
      },
      async (request, reply) => {
        const content = Buffer.from(request.body.contentBase64, 'base64');
        const file = await supervision.uploadAttachment(request.actor, { name: request.body.name, content });
        return reply.code(201).send(file);
      },
    );

    r.get(
      '/api/governance/tasks/:id/attachments/:fileId',
      {
        schema: {
          tags,
          summary: 'Download an attachment of a task',
          params: z.object({ id: uuid, fileId: uuid }),
        },
      },
      async (request, reply) => {
        const file = await supervision.readAttachment(
          request.actor,
          request.params.id,
          request.params.fileId,
        );
        return reply
          .type(file.mime)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .send(file.content);
      },
    );
  };
}
