import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { PlaceLevel } from './types';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Where an entry came from and how good it is (GB/T 35639 asks for source and quality). */
export interface PlaceQuality {
  /** seed | import | review | api */
  method: string;
  /** Match confidence when the entry was confirmed from a departmental record. */
  confidence?: number;
  /** Departmental records that confirm this entry. */
  confirmations?: number;
  verifiedAt?: string;
  verifiedBy?: string;
}

/**
 * A node of the standard address tree (GB/T 35639): road / estate / natural village / village
 * group / POI → door number → building → unit → floor → room. The id is permanent; renamed or
 * renumbered entries are retired (`valid_to`) and point to their successor (`replaced_by`).
 */
export const placesAddress = pgTable(
  'places_address',
  {
    id: uuid('id').primaryKey(),
    /** The full standard address string, unique among current and retired entries. */
    key: text('key').notNull(),
    parentId: uuid('parent_id'),
    level: varchar('level', { length: 20 }).$type<PlaceLevel>().notNull(),
    name: text('name').notNull(),
    /** Village-level (or township-level, for roads) division code. */
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    gridCode: varchar('grid_code', { length: 20 }),
    /** Main entrance, in the region map's frame (GCJ-02 for Fenghua). */
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    /** POIs: the service category shown on doorplate pages. */
    category: text('category'),
    validFrom: varchar('valid_from', { length: 10 }).notNull(),
    validTo: varchar('valid_to', { length: 10 }),
    replacedBy: uuid('replaced_by'),
    source: text('source').notNull(),
    quality: jsonb('quality').$type<PlaceQuality>().notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('places_address_key').on(t.key),
    index('places_address_parent').on(t.parentId),
    index('places_address_division').on(t.divisionCode),
    index('places_address_level').on(t.level),
  ],
);

/** Further entrances of a node (an estate's gates, a building's second door). */
export const placesEntrance = pgTable(
  'places_entrance',
  {
    id: uuid('id').primaryKey(),
    addressId: uuid('address_id').notNull(),
    label: text('label').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
  },
  (t) => [index('places_entrance_address').on(t.addressId)],
);

/**
 * Another name of a node: an old estate name, a short form, or a spelling a reviewer accepted.
 * Name aliases (`kind = 'name'`) are matched like the node's own name; address aliases
 * (`kind = 'address'`) are whole normalised addresses that mean this node.
 */
export const placesAlias = pgTable(
  'places_alias',
  {
    id: uuid('id').primaryKey(),
    addressId: uuid('address_id').notNull(),
    kind: varchar('kind', { length: 10 }).$type<'name' | 'address'>().notNull(),
    alias: text('alias').notNull(),
    source: text('source').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('places_alias_unique').on(t.kind, t.alias, t.addressId),
    index('places_alias_address').on(t.addressId),
  ],
);

/** An area polygon for reverse geocoding: township, village, grid. */
export const placesArea = pgTable(
  'places_area',
  {
    code: varchar('code', { length: 20 }).primaryKey(),
    level: varchar('level', { length: 10 }).$type<'town' | 'village' | 'grid'>().notNull(),
    name: text('name').notNull(),
    geometry: jsonb('geometry').$type<unknown>().notNull(),
    /** Derived (e.g. Voronoi) rather than surveyed; the map says so. */
    approximate: boolean('approximate').notNull(),
    west: doublePrecision('west').notNull(),
    south: doublePrecision('south').notNull(),
    east: doublePrecision('east').notNull(),
    north: doublePrecision('north').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('places_area_level').on(t.level)],
);

/** An import of departmental address records (police households, buildings, utility accounts). */
export const placesImport = pgTable('places_import', {
  id: uuid('id').primaryKey(),
  /** police | natural_resources | utility | other */
  sourceKind: varchar('source_kind', { length: 32 }).notNull(),
  sourceName: text('source_name').notNull(),
  fileName: text('file_name').notNull(),
  /** queued | running | done | failed */
  status: varchar('status', { length: 16 }).notNull(),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  matched: integer('matched').notNull().default(0),
  proposed: integer('proposed').notNull().default(0),
  review: integer('review').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  /** The uploaded file (kernel files), read by the job. */
  fileId: uuid('file_id').notNull(),
  /** Which column holds the address (name or 0-based index). */
  addressColumn: text('address_column').notNull(),
  error: text('error'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  finishedAt: ts('finished_at'),
});

/**
 * One record of an import: the address as the department wrote it, what it matched and how
 * sure, and the cluster of records that name the same place. No personal data is kept: only the
 * address column and the department's record id.
 */
export const placesImportRecord = pgTable(
  'places_import_record',
  {
    id: uuid('id').primaryKey(),
    importId: uuid('import_id').notNull(),
    rowNo: integer('row_no').notNull(),
    sourceRecordId: text('source_record_id'),
    raw: text('raw').notNull(),
    /** The normalised standard string: records with the same one form a cluster. */
    standard: text('standard').notNull(),
    /** matched | proposed | review | accepted | rejected | failed */
    outcome: varchar('outcome', { length: 16 }).notNull(),
    addressId: uuid('address_id'),
    confidence: real('confidence'),
    explanation: jsonb('explanation').$type<unknown>(),
    error: text('error'),
    caseId: uuid('case_id'),
  },
  (t) => [
    uniqueIndex('places_import_record_row').on(t.importId, t.rowNo),
    index('places_import_record_standard').on(t.standard),
    index('places_import_record_case').on(t.caseId),
  ],
);
