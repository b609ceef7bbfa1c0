import fc from 'fast-check';
import { desc, type SQL, sql } from 'drizzle-orm';
import { customType, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Executor, rows } from '../db';
import { createTestDatabase } from '../testing';
import { nastyInput } from './nasty-input';
import { quoteLexeme } from './quote-lexeme';
import { rankExpression, searchQuery } from './search-query';
import { toSearchText, toSearchVector, toWeightedVector } from './search-vector';
import { type CorpusDoc, corpus } from './test-corpus';
import { tokenize } from './tokenize';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const searchTestDoc = pgTable('search_test_doc', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  vector: tsvector('vector').notNull(),
});

// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set: the expectations are the same on both.
describe('Chinese full-text search in the database', () => {
  let database: Database;
  const docs = corpus();
  const containing = (...parts: string[]) =>
    docs
      .filter((doc) => parts.every((part) => `${doc.title} ${doc.body}`.includes(part)))
      .map((doc) => doc.id)
      .sort();

  async function search(input: string, executor: Executor = database.db): Promise<string[]> {
    const query = searchQuery(input);
    if (!query) return [];
    const found = await rows<{ id: string }>(
      executor,
      sql`select id from search_test_doc where vector @@ ${query}
          order by ${rankExpression(sql`vector`, query)} desc, id`,
    );
    return found.map((row) => row.id);
  }
  const searchSorted = async (input: string) => (await search(input)).sort();

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`
      create table search_test_doc (id text primary key, title text not null, body text not null,
                                    vector tsvector not null)`);
    await database.db.execute(sql`create index search_test_doc_vector on search_test_doc using gin (vector)`);
    const values = docs.map(
      (doc: CorpusDoc) =>
        sql`(${doc.id}, ${doc.title}, ${doc.body}, ${toWeightedVector([
          { text: doc.title, weight: 'A' },
          { text: doc.body, weight: 'D' },
        ])})`,
    );
    await database.db.execute(
      sql`insert into search_test_doc (id, title, body, vector) values ${sql.join(values, sql`, `)}`,
    );
  });
  afterAll(() => database.close());

  it('finds every record holding a word, and only those', async () => {
    expect(docs.length).toBeGreaterThanOrEqual(200);
    for (const word of ['坑洼', '路灯', '溪口', '街道', '奉化', '漂浮物', '综合执法队', '社会保险']) {
      expect(await searchSorted(word), word).toEqual(containing(word));
    }
    expect(containing('坑洼')).toHaveLength(26);
  });

  it('finds a place inside a longer name: 奉化 → 奉化区, 岩头 → 岩头村, 街道 → 萧王庙街道', async () => {
    expect(await searchSorted('奉化')).toEqual(['estate', 'rsj', 'shebao']);
    expect(await searchSorted('岩头')).toEqual(containing('岩头村'));
    // jieba cuts 萧王庙街道 as 萧/王/庙街/道; the character pairs still hold 街道
    expect(await search('街道')).toEqual(expect.arrayContaining(['e4-0-a', 'e4-0-b']));
  });

  it('finds 社会保障 inside 人力资源和社会保障局 but not an abbreviation for it', async () => {
    expect(await search('社会保障')).toEqual(['rsj']);
    expect(await search('社保')).toEqual(['shebao']); // 社保 is its own word, not 社会保障
    expect(await search('低保')).toEqual([]); // nor 最低生活保障
    expect(await search('最低生活保障 申请')).toEqual(['dibao']);
  });

  it('finds a record by any stretch of 2 to 4 Chinese characters in it', async () => {
    const named = docs.filter((doc) => !doc.id.startsWith('e'));
    for (const doc of named) {
      for (const [run] of `${doc.title}，${doc.body}`.matchAll(/\p{Script=Han}+/gu)) {
        for (let start = 0; start < run.length - 1; start++) {
          for (let end = start + 2; end <= Math.min(run.length, start + 4); end++) {
            const stretch = run.slice(start, end);
            if (!searchQuery(stretch)) continue; // only stop words, e.g. 的了
            expect(await search(stretch), stretch).toContain(doc.id);
          }
        }
      }
    }
  });

  it('requires every word (AND), in any order and distance', async () => {
    expect(await searchSorted('溪口 坑洼')).toEqual(containing('溪口', '坑洼'));
    expect(await searchSorted('坑洼 溪口')).toEqual(containing('溪口', '坑洼'));
    expect(await searchSorted('萧王庙 违章搭建')).toEqual(containing('萧王庙', '违章搭建'));
    // not a phrase: the words of 道路坑洼 may stand apart (道路，情况说明……，有坑洼)
    expect(await searchSorted('道路坑洼')).toEqual(containing('道路', '坑洼'));
    expect(await searchSorted('道路 坑洼')).toEqual(containing('道路', '坑洼'));
    expect(await search('溪口 社保')).toEqual([]);
  });

  it('treats the last word as a prefix while the user is still typing', async () => {
    expect(await search('不动')).toEqual(['estate']);
    expect(await search('不动产登')).toEqual(['estate']);
    expect(await search('91330283')).toEqual(['credit']);
    expect(await search('91330283ma2a')).toEqual(['credit']);
    expect(await search('91330283MA2A')).toEqual(['credit']);
    expect(await searchSorted('宁波市奉化区人')).toEqual(['rsj']);
    expect(await searchSorted('垃圾清')).toEqual(containing('垃圾清运'));
  });

  it('ranks a title match above a body match, and close words above distant ones', async () => {
    expect(await search('路灯维修')).toEqual(['lamp-title', 'lamp-body']);
    const ranked = await search('道路 坑洼');
    expect(ranked.indexOf('near')).toBeLessThan(ranked.indexOf('far'));
    const [top] = await rows<{ rank: number }>(
      database.db,
      sql`select ${rankExpression(sql`vector`, searchQuery('路灯维修')!, 1)} as rank
          from search_test_doc where id = 'lamp-title'`,
    );
    expect(typeof top.rank).toBe('number');
    expect(top.rank).toBeGreaterThan(0);
  });

  it('works through the Drizzle query builder on a tsvector column', async () => {
    const row = (id: string, title: string, body: string) => ({
      id,
      title,
      body,
      vector: toWeightedVector([
        { text: title, weight: 'A' },
        { text: body, weight: 'D' },
      ]),
    });
    await database.db
      .insert(searchTestDoc)
      .values([
        row('hydrant-body', '市政设施报修', '消防栓漏水'),
        row('hydrant-title', '消防栓漏水', '路口'),
      ]);
    const query = searchQuery('消防栓')!;
    const found = await database.db
      .select({ id: searchTestDoc.id, rank: rankExpression(searchTestDoc.vector, query) })
      .from(searchTestDoc)
      .where(sql`${searchTestDoc.vector} @@ ${query}`)
      .orderBy(desc(rankExpression(searchTestDoc.vector, query)));
    expect(found.map((r) => r.id)).toEqual(['hydrant-title', 'hydrant-body']);
    expect(found[0].rank).toBeGreaterThan(found[1].rank);
    await database.db.delete(searchTestDoc).where(sql`${searchTestDoc.id} like 'hydrant-%'`);
  });

  it('answers the same through the GIN index', async () => {
    for (const input of ['坑洼', '奉化', '不动', '溪口 坑洼', '社会保障']) {
      const expected = await search(input);
      const indexed = await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return search(input, tx);
      });
      expect(indexed, input).toEqual(expected);
    }
  });

  it("stores the same vector through to_tsvector('simple', toSearchText(…)) for ordinary text", async () => {
    const pairs = docs.map((doc) => {
      const viaText: SQL = sql`to_tsvector('simple', ${toSearchText(doc.title, doc.body)})::text`;
      return sql`(${viaText} = ${toSearchVector(doc.title, doc.body)}::text)`;
    });
    const [row] = await rows<{ same: boolean }>(
      database.db,
      sql`select (${sql.join(pairs, sql` and `)}) as same`,
    );
    expect(row.same).toBe(true);
  });

  it("stores exactly the tokens, even characters the server's own text parser would split", async () => {
    // U+A7CD and U+4DB6 are letters newer than the Unicode tables of PostgreSQL 15's glibc and of PGlite
    const text = '中\ua7cd文 \u4db6\u4db7 奉化区';
    const [row] = await rows<{ lexemes: string[] }>(
      database.db,
      sql`select tsvector_to_array(${toSearchVector(text)}) as lexemes`,
    );
    expect([...row.lexemes].sort()).toEqual([...new Set(tokenize(text))].sort());
    const [match] = await rows<{ found: boolean }>(
      database.db,
      sql`select ${toSearchVector(text)} @@ ${searchQuery('中\ua7cd文')!} as found`,
    );
    expect(match.found).toBe(true);
  });

  it('quotes any lexeme so that PostgreSQL reads it back verbatim', async () => {
    const lexeme = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 60 })
      .filter((l) => !l.includes('\0'));
    await fc.assert(
      fc.asyncProperty(lexeme, async (l) => {
        const [row] = await rows<{ lexemes: string[] }>(
          database.db,
          sql`select tsvector_to_array(${quoteLexeme(l)}::tsvector) as lexemes,
                     ${`${quoteLexeme(l)}:*`}::tsquery as query`,
        );
        expect(row.lexemes).toEqual([l]);
      }),
      { numRuns: 200 },
    );
  });

  it('never fails in SQL on any input, and always finds a text by itself', async () => {
    await fc.assert(
      fc.asyncProperty(nastyInput, async (input) => {
        await rows(
          database.db,
          sql`select ${toSearchVector(input)} as v, ${toWeightedVector([{ text: input, weight: 'B' }])} as w`,
        );
        const query = searchQuery(input);
        if (!query) return;
        await search(input);
        const [row] = await rows<{ found: boolean }>(
          database.db,
          sql`select ${toSearchVector(input)} @@ ${query} as found`,
        );
        expect(row.found).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('indexes a very long text within PostgreSQL tsvector limits', async () => {
    const long = corpus()
      .map((doc) => `${doc.title}，${doc.body}`)
      .join('。')
      .repeat(20);
    const [row] = await rows<{ found: boolean }>(
      database.db,
      sql`select ${toSearchVector(long, 'x'.repeat(5000))} @@ ${searchQuery('岩头村')!} as found`,
    );
    expect(row.found).toBe(true);
  });
});
