import type { Gazetteer } from '../parser/gazetteer';
import type { AddressElement, AddressLabel, ParsedAddress } from '../types';
import type { LibraryIndex, LibraryNode } from './library-index';
import { soundSimilarity } from './pinyin';

/** How one element of the query compared with the library entry. */
export type MatchOutcome = 'agree' | 'alias' | 'similar' | 'conflict' | 'not_in_library' | 'replaced';

export interface MatchExplanation {
  label: AddressLabel;
  /** What the query said (its normalised value), or null when the query did not say. */
  query: string | null;
  /** What the library entry says. */
  library: string | null;
  outcome: MatchOutcome;
  /** Contribution to the score (negative for conflicts). */
  weight: number;
}

export interface MatchCandidate {
  node: LibraryNode;
  confidence: number;
  /** False when the query names an element the library lacks (the node is the deepest found). */
  complete: boolean;
  explanation: MatchExplanation[];
}

export interface MatchResult {
  parsed: ParsedAddress;
  /** The accepted match: complete and the best, or null. */
  best: MatchCandidate | null;
  /** Up to five candidates, best first (partial ones included, for review and proposals). */
  candidates: MatchCandidate[];
}

const WEIGHT = { town: 1, community: 0.5, anchor: 3, element: 1 };
const SOUND_THRESHOLD = 0.7;
const AMBIGUOUS = 0.6;

type Anchor = { node: LibraryNode; how: 'agree' | 'alias' | 'similar'; similarity: number };

function findAnchors(index: LibraryIndex, element: AddressElement, communityCode: string | null): Anchor[] {
  const written = element.value;
  if (element.label === 'village_group') {
    if (!communityCode) return [];
    return index
      .anchorsNamed(`${communityCode}|${element.normalized}`)
      .map((a) => ({ node: a.node, how: 'agree', similarity: 1 }));
  }
  const named = index.anchorsNamed(element.normalized);
  if (named.length > 0) {
    return named.map((a) => {
      if (a.viaAlias) return { node: a.node, how: 'alias', similarity: 0.95 };
      // The parser already corrected a one-character typo against the gazetteer: say so.
      const folded = written.normalize('NFKC');
      // …or resolved a known alias (阳光小区 for 阳光花园) to the name: that is an alias, not a typo.
      if (folded !== a.node.name && a.node.aliases.includes(folded))
        return { node: a.node, how: 'alias', similarity: 0.95 };
      if (folded !== a.node.name)
        return { node: a.node, how: 'similar', similarity: soundSimilarity(folded, a.node.name) };
      return { node: a.node, how: 'agree', similarity: 1 };
    });
  }
  const out: Anchor[] = [];
  for (const node of index.anchorsOfLength(element.normalized.length)) {
    const similarity = soundSimilarity(element.normalized, node.name);
    if (similarity >= SOUND_THRESHOLD) out.push({ node, how: 'similar', similarity });
  }
  return out;
}

const DEEPER: readonly AddressLabel[] = ['roadno', 'houseno', 'cellno', 'floorno', 'roomno'];

/**
 * Matches a parsed address against the library: candidates by their anchor (road, estate,
 * natural village, village group or POI: by name, alias or sound), then element by element down
 * the tree, each element scored as agreeing, conflicting or missing from the library.
 */
export function matchAddress(parsed: ParsedAddress, index: LibraryIndex, gazetteer: Gazetteer): MatchResult {
  const first = (label: AddressLabel) => parsed.elements.find((e) => e.label === label);
  const town = first('town');
  const community = first('community');
  const townCode = town ? gazetteer.townOf(parsed.divisionCode ?? '') : null;
  const communityCode = community ? parsed.divisionCode : null;
  // The anchor is the element the deeper ones hang from: an estate or POI when the address names
  // buildings, else the road, natural village or group.
  const poi = first('poi');
  const road = first('road');
  const group = first('village_group');
  const anchorElement = poi && (first('houseno') || !road) ? poi : (road ?? group ?? poi);
  if (!anchorElement) return { parsed, best: null, candidates: [] };

  const scored: (MatchCandidate & { score: number })[] = [];
  for (const anchor of findAnchors(index, anchorElement, communityCode)) {
    scored.push(
      scoreCandidate(
        parsed,
        anchor,
        anchorElement,
        { townCode, communityCode, town, community },
        index,
        gazetteer,
      ),
    );
  }
  scored.sort((a, b) => b.score - a.score || Number(b.complete) - Number(a.complete));
  const top = scored[0];
  const second = scored[1];
  if (top && second?.complete && top.complete && Math.abs(top.score - second.score) < 1e-9) {
    // Two entries fit equally well (a road name used in two townships, no township given).
    top.confidence *= AMBIGUOUS;
    second.confidence *= AMBIGUOUS;
  }
  const candidates = scored.slice(0, 5).map(({ score: _score, ...candidate }) => candidate);
  const best =
    candidates[0]?.complete && (candidates[0]?.confidence ?? 0) >= 0.5
      ? (candidates[0] as MatchCandidate)
      : null;
  return { parsed, best, candidates };
}

interface Divisions {
  townCode: string | null;
  communityCode: string | null;
  town: AddressElement | undefined;
  community: AddressElement | undefined;
}

function scoreCandidate(
  parsed: ParsedAddress,
  anchor: Anchor,
  anchorElement: AddressElement,
  divisions: Divisions,
  index: LibraryIndex,
  gazetteer: Gazetteer,
): MatchCandidate & { score: number } {
  const explanation: MatchExplanation[] = [];
  let score = 0;
  let possible = 0;
  let node = anchor.node;
  // An old name (a renamed road) leads to the entry that replaced it.
  const replacement = node.validTo && node.replacedById ? index.byId(node.replacedById) : undefined;
  if (replacement) {
    explanation.push({
      label: anchorElement.label,
      query: node.name,
      library: replacement.name,
      outcome: 'replaced',
      weight: 0,
    });
    node = replacement;
  }
  const nodeTown = gazetteer.townOf(node.divisionCode);
  if (divisions.town) {
    possible += WEIGHT.town;
    const agree = nodeTown === divisions.townCode;
    const weight = agree ? WEIGHT.town : -1.5 * WEIGHT.town;
    score += weight;
    explanation.push({
      label: 'town',
      query: divisions.town.normalized,
      library: nodeTown ? gazetteer.nameOf(nodeTown) : null,
      outcome: agree ? 'agree' : 'conflict',
      weight,
    });
  }
  const anchorWeight =
    anchor.how === 'agree'
      ? WEIGHT.anchor
      : WEIGHT.anchor * (anchor.how === 'alias' ? 0.95 : 0.9 * anchor.similarity);
  possible += WEIGHT.anchor;
  score += anchorWeight;
  explanation.push({
    label: anchorElement.label,
    query: anchorElement.value,
    library: node.name,
    outcome: anchor.how,
    weight: anchorWeight,
  });

  let at = node;
  let complete = true;
  let unitForRooms: LibraryNode | null = null;
  const ambiguousUnit = false;
  const hasRoom = parsed.elements.some((e) => e.label === 'roomno');
  for (const element of parsed.elements) {
    if (!DEEPER.includes(element.label) || !complete) continue;
    if (element.label === 'roadno' && at.level === 'estate') continue;
    possible += WEIGHT.element;
    let next: LibraryNode | undefined;
    if (element.label === 'roomno' && unitForRooms)
      next = index.roomOfUnit(unitForRooms.id, element.normalized);
    else if (element.label === 'floorno' && hasRoom) continue;
    else next = index.child(at.id, element.normalized);
    if (!next) {
      complete = false;
      score -= WEIGHT.element;
      explanation.push({
        label: element.label,
        query: element.normalized,
        library: null,
        outcome: 'not_in_library',
        weight: -WEIGHT.element,
      });
      continue;
    }
    score += WEIGHT.element;
    explanation.push({
      label: element.label,
      query: element.normalized,
      library: next.name,
      outcome: 'agree',
      weight: WEIGHT.element,
    });
    if (next.level === 'unit') unitForRooms = next;
    at = next;
  }
  // The community: the deepest node's own village (roads run through several).
  if (divisions.community) {
    possible += WEIGHT.community;
    const agree =
      at.divisionCode === divisions.communityCode || node.divisionCode === divisions.communityCode;
    const weight = agree ? WEIGHT.community : -WEIGHT.community;
    score += weight;
    explanation.push({
      label: 'community',
      query: divisions.community.normalized,
      library: gazetteer.nameOf(at.divisionCode),
      outcome: agree ? 'agree' : 'conflict',
      weight,
    });
  }
  if (at.validTo && at.replacedById) {
    const current = index.byId(at.replacedById);
    if (current) {
      explanation.push({
        label: anchorElement.label,
        query: at.name,
        library: current.name,
        outcome: 'replaced',
        weight: 0,
      });
      at = current;
    }
  }
  let confidence = Math.max(0, Math.min(1, score / possible));
  // The room exists in several units and none was written: a person must say which.
  if (ambiguousUnit) confidence *= AMBIGUOUS;
  return { node: at, confidence: Math.round(confidence * 1000) / 1000, complete, explanation, score };
}
