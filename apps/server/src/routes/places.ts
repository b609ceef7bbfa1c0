import type { Kernel } from '@zhizhi/kernel';
import { requireAuthenticated } from '@zhizhi/kernel/access';
import { InputError } from '@zhizhi/kernel/errors';
import { type MatchCandidate, type MatchResult, SOURCE_KINDS } from '@zhizhi/places';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { listOf, uuid } from '../schemas';
import {
  addressText,
  doorplatePublicSchema,
  geocodeSchema,
  importRecordSchema,
  importSchema,
  matchSchema,
  parsedSchema,
  placeDetailSchema,
  placeSchema,
  reverseSchema,
  reviewSchema,
  reviewSummarySchema,
  sheetSchema,
} from './places-schemas';
import { acceptSheetUploads } from '../plugins/sheet-uploads';

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const lng = z.coerce.number().min(-180).max(180);
const lat = z.coerce.number().min(-90).max(90);

/** Standard addresses: parse, match with explanations, search, geocode, map, imports, review, doorplates. */
export function placesRoutes(kernel: Kernel, modules: Modules) {
  const places = modules.places;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['places'];

    // Raw uploads (CSV/XLSX) of departmental address records: the body is the file itself.
    acceptSheetUploads(app, MAX_IMPORT_BYTES);

    const candidateOut = async (candidate: MatchCandidate) => ({
      place: await places.view(candidate.node),
      confidence: candidate.confidence,
      complete: candidate.complete,
      explanation: candidate.explanation,
    });
    const matchOut = async (result: MatchResult) => ({
      parsed: result.parsed,
      best: result.best ? await candidateOut(result.best) : null,
      candidates: await Promise.all(result.candidates.map(candidateOut)),
    });

    r.get(
      '/api/places/parse',
      {
        schema: {
          tags,
          summary: 'Parse one address into labelled elements (CCKS labels) with its standard form',
          querystring: z.object({ q: addressText }),
          response: { 200: parsedSchema },
        },
      },
      async (request) => {
        requireAuthenticated(request.actor);
        return places.parse(request.query.q);
      },
    );

    r.post(
      '/api/places/parse',
      {
        schema: {
          tags,
          summary: 'Parse up to 1,000 addresses at once',
          body: z.object({ addresses: z.array(z.string().max(500)).min(1).max(1000) }),
          response: { 200: listOf(parsedSchema) },
        },
      },
      async (request) => {
        requireAuthenticated(request.actor);
        const items = [];
        for (const text of request.body.addresses) items.push(await places.parse(text));
        return { items };
      },
    );

    r.get(
      '/api/places/match',
      {
        schema: {
          tags,
          summary:
            'Match an address to the standard library, with a confidence and an element-by-element explanation',
          querystring: z.object({ q: addressText }),
          response: { 200: matchSchema },
        },
      },
      async (request) => {
        requireAuthenticated(request.actor);
        return matchOut(await places.match(request.query.q));
      },
    );

    r.get(
      '/api/places/search',
      {
        schema: {
          tags,
          summary: 'Autocomplete: matches of what was typed, then entries continuing it',
          querystring: z.object({
            q: addressText,
            limit: z.coerce.number().int().min(1).max(50).default(10),
          }),
          response: {
            200: z.object({
              standard: z.string(),
              results: z.array(placeSchema.extend({ confidence: z.number().nullable(), via: z.string() })),
            }),
          },
        },
      },
      async (request) => places.search(request.actor, request.query.q, request.query.limit),
    );

    r.get(
      '/api/places/geocode',
      {
        schema: {
          tags,
          summary: 'Address → coordinates (of the matched entry, or the deepest entry found)',
          querystring: z.object({ q: addressText }),
          response: { 200: geocodeSchema },
        },
      },
      async (request) => {
        requireAuthenticated(request.actor);
        return places.geocode(request.query.q);
      },
    );

    r.get(
      '/api/places/reverse',
      {
        schema: {
          tags,
          summary: 'Point → nearest door number, and the grid, village and township containing it',
          querystring: z.object({ lng, lat, maxMeters: z.coerce.number().min(1).max(5000).default(500) }),
          response: { 200: reverseSchema },
        },
      },
      async (request) => {
        requireAuthenticated(request.actor);
        return places.reverse(request.query.lng, request.query.lat, request.query.maxMeters);
      },
    );

    r.get(
      '/api/places/addresses/:id',
      {
        schema: {
          tags,
          summary: 'One library entry: path, children, aliases, entrances, doorplate code',
          params: z.object({ id: uuid }),
          response: { 200: placeDetailSchema },
        },
      },
      async (request) => places.get(request.actor, request.params.id),
    );

    r.get(
      '/api/places/map',
      {
        schema: {
          tags,
          summary: 'Library entries with a point inside a box (door numbers only when zoomed in)',
          querystring: z.object({ west: lng, south: lat, east: lng, north: lat }),
          response: {
            200: z.object({ truncated: z.boolean(), wide: z.boolean(), features: z.array(placeSchema) }),
          },
        },
      },
      async (request) => {
        const { west, south, east, north } = request.query;
        if (west >= east || south >= north)
          throw new InputError('places.box.invalid', 'west < east and south < north.');
        return places.inBox(request.actor, { west, south, east, north });
      },
    );

    r.get(
      '/api/places/areas',
      {
        schema: {
          tags,
          summary: 'Township, village or grid polygons (GeoJSON; approximate ones are marked)',
          querystring: z.object({ level: z.enum(['town', 'village', 'grid']) }),
          response: {
            200: z.object({
              type: z.literal('FeatureCollection'),
              features: z.array(
                z.object({
                  type: z.literal('Feature'),
                  properties: z.object({
                    code: z.string(),
                    name: z.string(),
                    level: z.string(),
                    approximate: z.boolean(),
                  }),
                  geometry: z.record(z.string(), z.unknown()),
                }),
              ),
            }),
          },
        },
      },
      async (request) => places.areasGeoJson(request.actor, request.query.level),
    );

    r.post(
      '/api/places/imports',
      {
        schema: {
          tags,
          summary:
            'Import departmental address records (the body is the CSV or XLSX file; name in x-file-name)',
          headers: z.object({ 'x-file-name': z.string().max(400).optional() }),
          querystring: z.object({
            sourceKind: z.enum(SOURCE_KINDS),
            sourceName: z.string().min(1).max(100),
            addressColumn: z.string().max(100).optional(),
          }),
          response: { 202: importSchema },
        },
      },
      async (request, reply) => {
        const content = request.body;
        if (!Buffer.isBuffer(content) || content.length === 0) {
          throw new InputError('places.import.empty', 'Send the CSV or XLSX file as the request body.');
        }
        const fileName = decodeURIComponent(request.headers['x-file-name'] ?? 'addresses.csv');
        const started = await places.imports.start(request.actor, { ...request.query, fileName, content });
        return reply.code(202).send(started);
      },
    );

    r.get(
      '/api/places/imports',
      { schema: { tags, summary: 'Recent imports', response: { 200: listOf(importSchema) } } },
      async (request) => ({ items: await places.imports.list(request.actor) }),
    );

    r.get(
      '/api/places/imports/:id',
      {
        schema: {
          tags,
          summary: 'Progress of an import',
          params: z.object({ id: uuid }),
          response: { 200: importSchema },
        },
      },
      async (request) => places.imports.get(request.actor, request.params.id),
    );

    r.get(
      '/api/places/imports/:id/records',
      {
        schema: {
          tags,
          summary: 'Records of an import with their outcome',
          params: z.object({ id: uuid }),
          querystring: z.object({
            outcome: z.enum(['matched', 'review', 'accepted', 'rejected', 'failed']).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.object({ total: z.number().int(), records: z.array(importRecordSchema) }) },
        },
      },
      async (request) => {
        const result = await places.imports.records(request.actor, request.params.id, request.query);
        return {
          total: result.total,
          records: result.records.map(
            ({ importId: _importId, explanation: _explanation, ...record }) => record,
          ),
        };
      },
    );

    r.get(
      '/api/places/reviews',
      {
        schema: {
          tags,
          summary: 'The review queue (地址审核): clusters of records needing a decision',
          querystring: z.object({ state: z.enum(['open', 'accepted', 'rejected']).default('open') }),
          response: { 200: listOf(reviewSummarySchema) },
        },
      },
      async (request) => ({
        items: await places.reviews.list(request.actor, { state: request.query.state }),
      }),
    );

    r.get(
      '/api/places/reviews/:id',
      {
        schema: {
          tags,
          summary: 'One review: the records, the candidate with its explanation, or the proposed entries',
          params: z.object({ id: uuid }),
          response: { 200: reviewSchema },
        },
      },
      async (request) => places.reviews.get(request.actor, request.params.id),
    );

    r.post(
      '/api/places/reviews/:id/decision',
      {
        schema: {
          tags,
          summary:
            'Accept (records join the entry, spellings become aliases, proposals are created) or reject',
          params: z.object({ id: uuid }),
          body: z.object({
            decision: z.enum(['accept', 'reject']),
            note: z.string().max(2000).optional(),
            expectedVersion: z.number().int().min(0),
          }),
          response: { 200: reviewSchema },
        },
      },
      async (request) => places.reviews.decide(request.actor, request.params.id, request.body),
    );

    r.post(
      '/api/places/doorplates/sheet',
      {
        schema: {
          tags,
          summary:
            'Issue (idempotently) and print doorplate codes: given entries, or every plate below one entry',
          body: z.object({
            addressIds: z.array(uuid).min(1).max(1000).optional(),
            parentId: uuid.optional(),
          }),
          response: { 200: sheetSchema },
        },
      },
      async (request) => {
        if (!request.body.addressIds && !request.body.parentId) {
          throw new InputError('places.doorplate.none', 'Give addressIds or a parentId.');
        }
        return places.doorplates.sheet(request.actor, { ...request.body, baseUrl: modules.publicUrl });
      },
    );

    r.get(
      '/api/public/doorplates/:token',
      {
        schema: {
          tags: ['public'],
          summary: 'A digital doorplate (public): address, grid, services nearby; never who lives there',
          params: z.object({ token: z.string().min(4).max(64) }),
          response: { 200: doorplatePublicSchema },
        },
      },
      async (request) => places.doorplates.publicView(request.params.token),
    );

    // The one public path every printed code points at: resolve, then open the kind's page.
    r.get(
      '/c/:token',
      {
        schema: {
          tags: ['public'],
          summary: 'Resolve a signed code and redirect to its public page',
          params: z.object({ token: z.string().min(4).max(64) }),
        },
      },
      async (request, reply) => {
        const code = await kernel.codes.resolve(request.params.token);
        const page = CODE_PAGES[code.kind];
        if (!page) throw new InputError('codes.kind.no_page', 'This code has no public page.');
        return reply.redirect(page(encodeURIComponent(request.params.token)), 302);
      },
    );
  };
}

/** Public pages of code kinds (the web app's routes). */
const CODE_PAGES: Record<string, (token: string) => string> = {
  'places.doorplate': (token) => `/doorplate/${token}`,
  'services.certificate': (token) => `/certificate/${token}`,
  'regulation.shop': (token) => `/shop/${token}`,
};
