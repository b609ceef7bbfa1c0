import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/** PostgreSQL full-text vector (written by `@zhizhi/kernel/search`). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A public data resource (数据资源) in the government information resource catalog, with the
 * national catalog guideline's fields. Its code is the classification code plus a sequence.
 */
export const dataResource = pgTable(
  'data_resource',
  {
    id: uuid('id').primaryKey(),
    /** 信息资源代码: 前段码 (类/项/目/细目) + '/' + 6-digit sequence, e.g. `301001001/000001`. */
    code: varchar('code', { length: 32 }).notNull().unique(),
    /** 前段码: 类 (1 digit) 项 (2) 目 (3) 细目 (3, optional), digits only. */
    classificationCode: varchar('classification_code', { length: 9 }).notNull(),
    sequence: integer('sequence').notNull(),
    name: text('name').notNull(),
    providerDepartmentId: uuid('provider_department_id').notNull(),
    abstract: text('abstract').notNull(),
    /** 电子表格 | 数据库 | 文件 | 接口 | 图形图像 | 流媒体 */
    format: varchar('format', { length: 16 })
      .$type<'电子表格' | '数据库' | '文件' | '接口' | '图形图像' | '流媒体'>()
      .notNull(),
    /** 实时 | 每日 | 每周 | 每月 | 每季度 | 每半年 | 每年 | 不定期 */
    updateCycle: varchar('update_cycle', { length: 16 })
      .$type<'实时' | '每日' | '每周' | '每月' | '每季度' | '每半年' | '每年' | '不定期'>()
      .notNull(),
    publishDate: date('publish_date'),
    /** unconditional (无条件共享) | conditional (受限共享) | none (不予共享) */
    sharingType: varchar('sharing_type', { length: 16 })
      .$type<'unconditional' | 'conditional' | 'none'>()
      .notNull(),
    sharingCondition: text('sharing_condition'),
    /** open (无条件开放) | restricted (受限开放) | closed (禁止开放) */
    openingType: varchar('opening_type', { length: 16 }).$type<'open' | 'restricted' | 'closed'>().notNull(),
    relatedCodes: jsonb('related_codes').$type<string[]>().notNull().default([]),
    /** Item codes that identify a row (e.g. `["id_number"]`); loads diff and share by this key. */
    keyItems: jsonb('key_items').$type<string[]>().notNull().default([]),
    /** active | retired (撤销: kept for history, hidden from sharing and opening). */
    status: varchar('status', { length: 16 }).$type<'active' | 'retired'>().notNull().default('active'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    /** The highest grade of its items (what it may be opened as), kept in step with the items. */
    topGrade: varchar('top_grade', { length: 2 }).$type<'L1' | 'L2' | 'L3' | 'L4'>().notNull().default('L1'),
    /** Name (A), item names (B), code and abstract (C), tokenised for Chinese search. */
    search: tsvector('search'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('data_resource_classification_sequence').on(t.classificationCode, t.sequence),
    index('data_resource_provider').on(t.providerDepartmentId),
    index('data_resource_top_grade').on(t.topGrade),
    index('data_resource_search').using('gin', t.search),
  ],
);

/** A data item (信息项) of a resource: its type, grade and whether this resource is its one source. */
export const dataItem = pgTable(
  'data_item',
  {
    id: uuid('id').primaryKey(),
    resourceId: uuid('resource_id').notNull(),
    /** Column key, e.g. `id_number`. */
    code: varchar('code', { length: 64 }).notNull(),
    /** 信息项名称, e.g. 公民身份号码. */
    name: text('name').notNull(),
    /** The normalised name the 一数一源 check compares across departments. */
    nameKey: varchar('name_key', { length: 128 }).notNull(),
    /** string | integer | decimal | date | datetime | boolean */
    type: varchar('type', { length: 16 }).notNull(),
    /** DB33/T 2350 grade: L1 不敏感 … L4 敏感. */
    grade: varchar('grade', { length: 2 }).$type<'L1' | 'L2' | 'L3' | 'L4'>().notNull(),
    /** Personal data kind, for masking: id_number | name | phone | address | bank_account | other. */
    personalKind: varchar('personal_kind', { length: 16 }).$type<
      'id_number' | 'name' | 'phone' | 'address' | 'bank_account' | 'other'
    >(),
    /** This resource is the authoritative source of the item (一数一源). */
    authoritative: boolean('authoritative').notNull().default(false),
    /** Quality rules on this item (see `quality/rules.ts`), checked on every load. */
    rules: jsonb('rules').$type<unknown[]>().notNull().default([]),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    uniqueIndex('data_item_resource_code').on(t.resourceId, t.code),
    index('data_item_name_key').on(t.nameKey),
  ],
);

/** The census of departments' information systems (信息系统普查). */
export const dataSystem = pgTable(
  'data_system',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull().unique(),
    departmentId: uuid('department_id').notNull(),
    /** planned | in_use | retiring | retired */
    status: varchar('status', { length: 16 })
      .$type<'planned' | 'in_use' | 'retiring' | 'retired'>()
      .notNull(),
    resourceIds: jsonb('resource_ids').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('data_system_department').on(t.departmentId)],
);
