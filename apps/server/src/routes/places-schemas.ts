import { ADDRESS_LABELS, PLACE_LEVELS } from '@zhizhi/places';
import { z } from 'zod';
import { dateTime, uuid } from '../schemas';

export const addressText = z.string().min(1).max(500);

export const elementSchema = z
  .object({
    label: z.enum(ADDRESS_LABELS),
    value: z.string(),
    normalized: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  })
  .meta({ id: 'AddressElement' });

export const parsedSchema = z
  .object({
    input: z.string(),
    elements: z.array(elementSchema),
    divisionCode: z.string().nullable(),
    standard: z.string(),
  })
  .meta({ id: 'ParsedAddress' });

export const placeSchema = z
  .object({
    id: uuid,
    key: z.string().describe('The full standard address'),
    level: z.enum(PLACE_LEVELS),
    name: z.string(),
    parentId: uuid.nullable(),
    divisionCode: z.string(),
    divisionName: z.string().nullable(),
    townName: z.string().nullable(),
    gridCode: z.string().nullable(),
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'Place' });

export const explanationSchema = z
  .object({
    label: z.enum(ADDRESS_LABELS),
    query: z.string().nullable(),
    library: z.string().nullable(),
    outcome: z.enum(['agree', 'alias', 'similar', 'conflict', 'not_in_library', 'replaced']),
    weight: z.number(),
  })
  .meta({ id: 'MatchExplanation' });

export const candidateSchema = z
  .object({
    place: placeSchema,
    confidence: z.number(),
    complete: z.boolean(),
    explanation: z.array(explanationSchema),
  })
  .meta({ id: 'MatchCandidate' });

export const matchSchema = z
  .object({ parsed: parsedSchema, best: candidateSchema.nullable(), candidates: z.array(candidateSchema) })
  .meta({ id: 'MatchResult' });

export const placeDetailSchema = placeSchema
  .extend({
    category: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    replacedBy: uuid.nullable(),
    source: z.string().nullable(),
    quality: z.record(z.string(), z.unknown()).nullable(),
    path: z.array(placeSchema),
    children: z.array(placeSchema),
    childCount: z.number().int(),
    aliases: z.array(z.object({ kind: z.enum(['name', 'address']), alias: z.string(), source: z.string() })),
    entrances: z.array(z.object({ label: z.string(), lng: z.number(), lat: z.number() })),
    doorplateCode: z.string().nullable().describe('Signed doorplate code, when one was issued'),
  })
  .meta({ id: 'PlaceDetail' });

const areaHit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['town', 'village', 'grid']),
  approximate: z.boolean(),
});

export const reverseSchema = z
  .object({
    point: z.object({ lng: z.number(), lat: z.number() }),
    nearest: placeSchema.extend({ distanceMeters: z.number() }).nullable(),
    town: areaHit.nullable(),
    village: areaHit.nullable(),
    grid: areaHit.nullable(),
  })
  .meta({ id: 'ReverseGeocode' });

export const geocodeSchema = z
  .object({
    standard: z.string(),
    match: placeSchema.extend({ confidence: z.number(), complete: z.boolean() }).nullable(),
    point: z.object({ lng: z.number(), lat: z.number() }).nullable(),
    precision: z.enum(PLACE_LEVELS).nullable().describe('The level whose point was used'),
  })
  .meta({ id: 'Geocode' });

export const importSchema = z
  .object({
    id: uuid,
    sourceKind: z.string(),
    sourceName: z.string(),
    fileName: z.string(),
    status: z.string(),
    total: z.number().int(),
    processed: z.number().int(),
    matched: z.number().int(),
    proposed: z.number().int().describe('Review cases (clusters) opened'),
    review: z.number().int(),
    failed: z.number().int(),
    addressColumn: z.string(),
    error: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: dateTime,
    finishedAt: dateTime.nullable(),
  })
  .meta({ id: 'PlacesImport' });

export const importRecordSchema = z
  .object({
    id: uuid,
    rowNo: z.number().int(),
    sourceRecordId: z.string().nullable(),
    raw: z.string(),
    standard: z.string(),
    outcome: z.string(),
    addressId: uuid.nullable(),
    confidence: z.number().nullable(),
    error: z.string().nullable(),
    caseId: uuid.nullable(),
  })
  .meta({ id: 'PlacesImportRecord' });

export const reviewSummarySchema = z
  .object({
    id: uuid,
    number: z.string(),
    state: z.string(),
    title: z.string(),
    data: z.record(z.string(), z.unknown()),
    openedAt: dateTime,
    records: z.number().int(),
  })
  .meta({ id: 'PlacesReviewSummary' });

export const reviewSchema = z
  .object({
    id: uuid,
    number: z.string(),
    state: z.string(),
    version: z.number().int(),
    title: z.string(),
    data: z.record(z.string(), z.unknown()),
    candidate: z
      .object({
        id: uuid,
        key: z.string(),
        level: z.string(),
        lng: z.number().nullable(),
        lat: z.number().nullable(),
      })
      .nullable(),
    explanation: z.array(explanationSchema),
    proposal: z
      .object({
        parentId: uuid,
        parentKey: z.string(),
        create: z.array(z.object({ level: z.string(), name: z.string(), key: z.string() })),
      })
      .nullable(),
    records: z.array(
      z.object({
        id: uuid,
        importId: uuid,
        rowNo: z.number().int(),
        sourceRecordId: z.string().nullable(),
        raw: z.string(),
        outcome: z.string(),
      }),
    ),
    addressId: uuid.nullable().optional(),
  })
  .meta({ id: 'PlacesReview' });

export const sheetSchema = z
  .object({
    count: z.number().int(),
    plates: z.array(
      z.object({
        addressId: uuid,
        address: z.string(),
        name: z.string(),
        level: z.string(),
        token: z.string(),
        url: z.string(),
        qrSvg: z.string(),
      }),
    ),
  })
  .meta({ id: 'DoorplateSheet' });

export const doorplatePublicSchema = z
  .object({
    address: z.string(),
    name: z.string(),
    level: z.string(),
    current: z.boolean(),
    replacedBy: z.string().nullable(),
    town: z.string().nullable(),
    village: z.string().nullable(),
    grid: z.object({ code: z.string(), name: z.string() }).nullable(),
    point: z.object({ lng: z.number(), lat: z.number() }).nullable(),
    services: z.array(
      z.object({
        name: z.string(),
        category: z.string().nullable(),
        distanceMeters: z.number(),
        lng: z.number(),
        lat: z.number(),
      }),
    ),
    issuedAt: dateTime,
  })
  .meta({ id: 'DoorplatePublic' });
