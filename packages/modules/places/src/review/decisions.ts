import type { Kernel } from '@zhizhi/kernel';
import type { Actor } from '@zhizhi/kernel/access';
import type { Executor } from '@zhizhi/kernel/db';
import { InputError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { and, eq } from 'drizzle-orm';
import type { Engine } from '../library/store';
import type { LibraryIndex, LibraryNode } from '../matcher/library-index';
import { type MatchExplanation, matchAddress } from '../matcher/match';
import type { Gazetteer } from '../parser/gazetteer';
import { parseAddress } from '../parser/parse';
import { placesAddress, placesAlias } from '../schema';
import type { AddressLabel, PlaceLevel } from '../types';

const LEVEL_OF: Partial<Record<AddressLabel, PlaceLevel>> = {
  roadno: 'doorplate',
  houseno: 'building',
  cellno: 'unit',
  floorno: 'floor',
  roomno: 'room',
};

/** Entries to create under the deepest entry the library has. */
export interface Proposal {
  parentId: string;
  parentKey: string;
  create: { level: PlaceLevel; name: string; key: string }[];
}

/** What accepting a "not in the library" record would add: the missing levels, floors derived from rooms. */
export function proposalOf(raw: string, gazetteer: Gazetteer, index: LibraryIndex): Proposal | null {
  const result = matchAddress(parseAddress(raw, gazetteer), index, gazetteer);
  const top = result.candidates[0];
  if (!top || top.complete) return null;
  const missing = top.explanation.filter((e) => e.outcome === 'not_in_library');
  const given = new Map(result.parsed.elements.map((e) => [e.label, e.normalized]));
  const labels = ['roadno', 'houseno', 'cellno', 'floorno', 'roomno'] as const;
  const firstMissing = missing[0]?.label;
  // A missing room may need its floor too (rooms hang from floors): start the walk there.
  const walkFrom = firstMissing === 'roomno' ? 'floorno' : firstMissing;
  const from = walkFrom ? (labels as readonly string[]).indexOf(walkFrom) : -1;
  if (from < 0) return null;
  const create: Proposal['create'] = [];
  // Room keys leave the floor out (阳光花园3幢2单元502室): keys hang off the unit.
  let keyBase = top.node.key;
  for (const label of labels.slice(from)) {
    let name = given.get(label);
    if (label === 'floorno' && !name) {
      const room = given.get('roomno');
      const floor = room ? /^(\d+)\d\d室$/.exec(room)?.[1] : undefined;
      if (!floor || top.node.level !== 'unit' || index.child(top.node.id, `${floor}层`)) continue;
      name = `${floor}层`;
    }
    if (!name) continue;
    if (label === 'roadno' && top.node.level === 'estate') continue;
    const level = LEVEL_OF[label] as PlaceLevel;
    const key = `${keyBase}${name}`;
    create.push({ level, name, key });
    if (label !== 'floorno') keyBase = key;
  }
  return create.length > 0 ? { parentId: top.node.id, parentKey: top.node.key, create } : null;
}

interface ReviewView {
  data: Record<string, unknown>;
  explanation: readonly MatchExplanation[];
  proposal: Proposal | null;
  records: readonly { raw: string }[];
}

/**
 * Applies an accepted review: the written spelling of a name that matched only by sound becomes an
 * alias of the entry it meant (so the next import and search find it directly), the normalised
 * address becomes an address alias, and a proposal's entries are created. Returns the entry id.
 */
export async function applyAcceptance(
  tx: Executor,
  kernel: Kernel,
  engine: Engine,
  review: ReviewView,
  actor: Actor,
) {
  const { index } = engine;
  const now = kernel.clock.now();
  let target: LibraryNode | undefined =
    typeof review.data.candidate_id === 'string' ? index.byId(review.data.candidate_id) : undefined;
  if (!target)
    throw new InputError('places.review.no_candidate', 'This review has no candidate entry to accept.');
  const source = `review:${actor.name ?? actor.id}`.slice(0, 100);

  if (review.data.kind === 'proposal') {
    const proposal = review.proposal;
    if (!proposal)
      throw new InputError('places.review.no_proposal', 'Nothing is missing from the library any more.');
    let parent = index.byId(proposal.parentId) as LibraryNode;
    for (const entry of proposal.create) {
      if (entry.level === 'room' && parent.level === 'unit') {
        // The room's floor may exist already (502室 on an existing 5层).
        const floorName = /^(\d+)\d\d室$/.exec(entry.name)?.[1];
        const floor = floorName ? index.child(parent.id, `${floorName}层`) : undefined;
        if (floor) parent = floor;
      }
      const [existing] = await tx
        .select({ id: placesAddress.id })
        .from(placesAddress)
        .where(eq(placesAddress.key, entry.key));
      const id = existing?.id ?? newId();
      if (!existing) {
        await tx.insert(placesAddress).values({
          id,
          key: entry.key,
          parentId: parent.id,
          level: entry.level,
          name: entry.name,
          divisionCode: parent.divisionCode,
          gridCode: parent.gridCode,
          // Door numbers and buildings start at their parent's point until surveyed.
          lng: entry.level === 'floor' || entry.level === 'room' ? null : parent.lng,
          lat: entry.level === 'floor' || entry.level === 'room' ? null : parent.lat,
          validFrom: now.toISOString().slice(0, 10),
          source,
          quality: {
            method: 'review',
            confirmations: review.records.length,
            verifiedAt: now.toISOString(),
            verifiedBy: actor.id ?? undefined,
          },
          createdAt: now,
          updatedAt: now,
        });
      }
      parent = {
        ...parent,
        id,
        key: entry.key,
        level: entry.level,
        name: entry.name,
        parentId: parent.id,
        aliases: [],
      };
    }
    target = parent;
  }

  // Spellings that matched by sound or by one wrong character become aliases of the name they meant.
  const anchor = index.path(index.byId(review.data.candidate_id as string) as LibraryNode)[0];
  for (const element of review.explanation) {
    if (element.outcome !== 'similar' || !element.query || !anchor) continue;
    const alias = element.query.normalize('NFKC').trim();
    if (alias && alias !== anchor.name) await addAlias(tx, anchor.id, 'name', alias, source, now);
  }
  const standard = typeof review.data.standard === 'string' ? review.data.standard : null;
  if (standard && standard !== target.key) await addAlias(tx, target.id, 'address', standard, source, now);
  // Touch the entry so every node's library stamp changes and rebuilds its index.
  await tx.update(placesAddress).set({ updatedAt: now }).where(eq(placesAddress.id, target.id));
  return target.id;
}

async function addAlias(
  tx: Executor,
  addressId: string,
  kind: 'name' | 'address',
  alias: string,
  source: string,
  now: Date,
) {
  const [seen] = await tx
    .select({ id: placesAlias.id })
    .from(placesAlias)
    .where(
      and(eq(placesAlias.addressId, addressId), eq(placesAlias.kind, kind), eq(placesAlias.alias, alias)),
    );
  if (seen) return;
  await tx
    .insert(placesAlias)
    .values({ id: newId(), addressId, kind, alias: alias.slice(0, 200), source, createdAt: now });
}
