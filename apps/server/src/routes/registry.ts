import type { Kernel } from '@zhizhi/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dateTime, divisionCode, uuid } from '../schemas';

const citizenSchema = z
  .object({
    id: uuid,
    idNumber: z.string().describe('Masked'),
    name: z.string().describe('Masked'),
    phone: z.string().nullable().describe('Masked'),
    checkOverridden: z.boolean(),
    createdAt: dateTime,
  })
  .meta({ id: 'Citizen' });
const enterpriseSchema = z
  .object({
    id: uuid,
    uscc: z.string(),
    name: z.string(),
    legalRepresentative: z.string().nullable().describe('Masked'),
    divisionCode: z.string().nullable(),
    checkOverridden: z.boolean(),
    createdAt: dateTime,
  })
  .meta({ id: 'Enterprise' });

// ID numbers travel in bodies, never in URLs: URLs end up in proxy and browser logs.
export function registryRoutes(kernel: Kernel) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['identity'];

    r.post(
      '/api/identity/citizens',
      {
        schema: {
          tags,
          summary: 'Register a citizen (身份证号 checked; a failed check digit needs acceptCheckWarning)',
          body: z.object({
            idNumber: z.string().max(18),
            name: z.string().max(60),
            phone: z.string().max(20).nullable().optional(),
            acceptCheckWarning: z.boolean().optional(),
          }),
          response: { 201: citizenSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await kernel.registry.registerCitizen(request.actor, request.body)),
    );

    r.post(
      '/api/identity/citizens/lookup',
      {
        schema: {
          tags,
          summary: 'Find a citizen by ID number',
          body: z.object({ idNumber: z.string().max(18) }),
          response: { 200: citizenSchema },
        },
      },
      async (request) => kernel.registry.findCitizen(request.actor, request.body.idNumber),
    );

    r.post(
      '/api/identity/enterprises',
      {
        schema: {
          tags,
          summary:
            'Register an enterprise (统一社会信用代码 checked; a failed check needs acceptCheckWarning)',
          body: z.object({
            uscc: z.string().max(18),
            name: z.string().max(200),
            legalRepresentative: z.string().max(60).nullable().optional(),
            divisionCode: divisionCode.nullable().optional(),
            acceptCheckWarning: z.boolean().optional(),
          }),
          response: { 201: enterpriseSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await kernel.registry.registerEnterprise(request.actor, request.body)),
    );

    r.post(
      '/api/identity/enterprises/lookup',
      {
        schema: {
          tags,
          summary: 'Find an enterprise by credit code',
          body: z.object({ uscc: z.string().max(18) }),
          response: { 200: enterpriseSchema },
        },
      },
      async (request) => kernel.registry.findEnterprise(request.actor, request.body.uscc),
    );
  };
}
