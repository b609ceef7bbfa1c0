/**
 * A read-only view of a standard address library and of the Fenghua divisions: parent chains,
 * townships and villages of a node, and the key rule (community in the key only for village places).
 */
import type { DivisionSeed } from '../../src/divisions';
import { STANDARD_PREFIX } from './segments';

/** The fields of `PlaceSeed` (`@zhizhi/places`) the test set needs; structurally compatible. */
export interface LibraryNode {
  key: string;
  parentKey: string | null;
  level: string;
  name: string;
  divisionCode: string;
  validTo?: string | null;
}

export interface TownInfo {
  code: string;
  name: string;
  /** Name without 街道/镇: 锦屏, 溪口. */
  shortName: string;
  /** Pre-2019 town name for 尚田/莼湖 (尚田镇, 莼湖镇), else null. */
  historicName: string | null;
}

export interface VillageInfo {
  code: string;
  name: string;
  townCode: string;
}

export const DISTRICT_CODE = '330213000000';

export class LibraryView {
  readonly byKey = new Map<string, LibraryNode>();
  readonly childCount = new Map<string, number>();
  readonly towns = new Map<string, TownInfo>();
  readonly villages = new Map<string, VillageInfo>();
  private readonly renamed = new Map<string, string>();

  constructor(
    readonly nodes: readonly LibraryNode[],
    divisions: readonly DivisionSeed[],
  ) {
    for (const node of nodes) {
      this.byKey.set(node.key, node);
      if (node.parentKey) this.childCount.set(node.parentKey, (this.childCount.get(node.parentKey) ?? 0) + 1);
    }
    for (const d of divisions) {
      if (d.level === 'town' && d.validTo && d.replacedBy) this.renamed.set(d.code, d.replacedBy);
    }
    for (const d of divisions) {
      if (d.level === 'town' && !d.validTo) {
        const historic = divisions.find((h) => h.level === 'town' && h.replacedBy === d.code);
        this.towns.set(d.code, {
          code: d.code,
          name: d.name,
          shortName: d.name.replace(/(街道|镇|乡)$/, ''),
          historicName: historic?.name ?? null,
        });
      }
      if (d.level === 'village' && d.parentCode) {
        this.villages.set(d.code, { code: d.code, name: d.name, townCode: d.parentCode });
      }
    }
  }

  /** The node and its ancestors, top-level element first. */
  chain(node: LibraryNode): LibraryNode[] {
    const out: LibraryNode[] = [];
    let cur: LibraryNode | undefined = node;
    while (cur) {
      out.unshift(cur);
      cur = cur.parentKey ? this.byKey.get(cur.parentKey) : undefined;
      if (out.length > 20) throw new Error(`parent cycle at ${node.key}`);
    }
    return out;
  }

  townOf(node: LibraryNode): TownInfo {
    const raw = `${node.divisionCode.slice(0, 9)}000`;
    const town = this.towns.get(this.renamed.get(raw) ?? raw);
    if (!town) throw new Error(`no township for ${node.key} (${node.divisionCode})`);
    return town;
  }

  villageOf(node: LibraryNode): VillageInfo | null {
    return node.divisionCode.endsWith('000') ? null : (this.villages.get(node.divisionCode) ?? null);
  }

  /** The village name the key of the node's top element carries, if any (the key rule). */
  keyCommunity(node: LibraryNode): string | null {
    const top = this.chain(node)[0];
    const town = this.townOf(top);
    const rest = top.key.slice(STANDARD_PREFIX.length + town.name.length);
    if (!top.key.startsWith(STANDARD_PREFIX + town.name)) throw new Error(`key without prefix: ${top.key}`);
    const village = this.villageOf(top);
    if (village && rest.startsWith(village.name) && rest !== top.name) return village.name;
    // Fall back to any village of the township named at the head of the key.
    for (const v of this.villages.values()) {
      if (v.townCode === town.code && rest.startsWith(v.name) && rest.length > v.name.length) return v.name;
    }
    return null;
  }

  /** Finds a village of a township by name (for hand-written cases). */
  villageByName(townCode: string, name: string): VillageInfo {
    for (const v of this.villages.values()) if (v.townCode === townCode && v.name === name) return v;
    throw new Error(`no village ${name} in ${townCode}`);
  }

  townByName(name: string): TownInfo {
    for (const t of this.towns.values()) if (t.name === name) return t;
    throw new Error(`no township ${name}`);
  }
}
