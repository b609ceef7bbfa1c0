import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A Drizzle database on either driver (PGlite or node-postgres). */
// biome-ignore lint/suspicious/noExplicitAny: the schema generic is erased; we use the query builder, not db.query.
export type Db = PgDatabase<PgQueryResultHKT, any>;
/** A transaction handle; anything that takes a Db also takes a Tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either a database or a transaction. */
export type Executor = Db | Tx;

export type Dialect = 'pglite' | 'postgres';
