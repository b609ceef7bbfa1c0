import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
  boolean,
} from 'drizzle-orm/pg-core';

/** Administrative divisions: district → 街道/镇/乡 → 社区/村. Codes change over time, so rows carry validity. */
export const orgDivision = pgTable(
  'org_division',
  {
    /** Surrogate key. */
    id: uuid('id').primaryKey(),
    /** 12-digit code (GB/T 2260 + township + village parts). */
    code: varchar('code', { length: 12 }).notNull(),
    /** Official name, e.g. 锦屏街道. */
    name: text('name').notNull(),
    /** district | town | village */
    level: varchar('level', { length: 16 }).$type<'district' | 'town' | 'village'>().notNull(),
    /** 区 | 县 | 街道 | 镇 | 乡 | 社区 | 村 */
    kind: varchar('kind', { length: 8 }).notNull(),
    /** Parent's 12-digit code; null for the top. */
    parentCode: varchar('parent_code', { length: 12 }),
    /** First day this code/name was in force. */
    validFrom: date('valid_from').notNull(),
    /** Last day in force; null while current. */
    validTo: date('valid_to'),
    /** Code that replaced this one (renames, 撤镇设街). */
    replacedBy: varchar('replaced_by', { length: 12 }),
    /** Seat longitude/latitude, WGS 84 (approximate where no survey data). */
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    /** Display order among siblings. */
    sort: integer('sort').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('org_division_code_from').on(t.code, t.validFrom),
    index('org_division_parent').on(t.parentCode),
  ],
);

/** Departments (委办局, 街道/镇 offices) in the 浙政钉 org structure. */
export const orgDepartment = pgTable('org_department', {
  id: uuid('id').primaryKey(),
  /** Stable short code, e.g. `rsj` for 人社局. */
  code: varchar('code', { length: 32 }).notNull().unique(),
  name: text('name').notNull(),
  /** English name for the en-US interface. */
  nameEn: text('name_en').notNull().default(''),
  /** The division whose government it belongs to. */
  divisionCode: varchar('division_code', { length: 12 }).notNull(),
  /** Parent department (sections inside a bureau). */
  parentId: uuid('parent_id'),
  /** bureau | town_office | centre | other */
  kind: varchar('kind', { length: 16 }).notNull().default('bureau'),
  active: boolean('active').notNull().default(true),
  sort: integer('sort').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Grids (网格) and micro-grids (微网格); every grid lies in one village/community. */
export const orgGrid = pgTable(
  'org_grid',
  {
    id: uuid('id').primaryKey(),
    /** Unique code: village code + 3-digit sequence (+ 2-digit micro-grid). */
    code: varchar('code', { length: 20 }).notNull().unique(),
    name: text('name').notNull(),
    /** The village/community division code. */
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    /** Parent grid for a micro-grid. */
    parentId: uuid('parent_id'),
    /** Responsible grid worker (staff id). */
    workerId: uuid('worker_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('org_grid_village').on(t.villageCode)],
);
