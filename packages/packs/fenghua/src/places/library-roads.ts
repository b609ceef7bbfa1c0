import type { LngLat } from '@zhizhi/kernel/geo';
import { insideFenghua } from '../geo';
import { locateInTown, type PlaceAreaIndex, type PlaceLocation } from './areas';
import { dateFor, nextDay, type PlaceBuilder, placeKey } from './builder';
import type { RoadSpec } from './names';
import { type IndexedArea, inArea, offsetMeters, type Rng, rngFor, roundPoint } from './random';
import { scatterPoint } from './voronoi';

/** Length range (m), door spacing along one side (m) and distance of doors from the centre line (m). */
type RoadShape = { minLength: number; maxLength: number; spacing: number; setback: number };

function shapeOf(name: string): RoadShape {
  if (name.endsWith('大道')) return { minLength: 2200, maxLength: 3200, spacing: 70, setback: 30 };
  if (name.endsWith('路')) return { minLength: 1000, maxLength: 1900, spacing: 45, setback: 20 };
  if (name.endsWith('街')) return { minLength: 600, maxLength: 1000, spacing: 28, setback: 12 };
  if (name.endsWith('巷')) return { minLength: 250, maxLength: 450, spacing: 18, setback: 6 };
  return { minLength: 150, maxLength: 300, spacing: 14, setback: 5 };
}

/** Direction in radians from east: 东/西 pairs run east–west, 南/北 pairs north–south, others any way. */
function directionOf(spec: RoadSpec, rng: Rng): number {
  const jitter = ((rng.next() - 0.5) * Math.PI) / 6;
  const joined = spec.names.join('');
  if (spec.names.length > 1 && /[东西]路/.test(joined)) return jitter;
  if (spec.names.length > 1 && /[南北]路/.test(joined)) return Math.PI / 2 + jitter;
  return rng.next() * Math.PI;
}

type Door = { number: string; point: LngLat; location: PlaceLocation };

/** A located door point, or null when it falls outside the township (or the district). */
function locate(point: LngLat, townCode: string): { point: LngLat; location: PlaceLocation } | null {
  const rounded = roundPoint(point);
  if (!insideFenghua(rounded)) return null;
  const location = locateInTown(rounded, townCode);
  return location ? { point: rounded, location } : null;
}

/** Doors along one segment [from, to] (metres along the line): odd numbers left, even right. */
function doorsAlong(
  start: LngLat,
  angle: number,
  from: number,
  to: number,
  shape: RoadShape,
  townCode: string,
  rng: Rng,
): Door[] {
  const along = (t: number, side: number): LngLat =>
    offsetMeters(
      start,
      t * Math.cos(angle) - side * Math.sin(angle),
      t * Math.sin(angle) + side * Math.cos(angle),
    );
  const doors: Door[] = [];
  const count = Math.floor((to - from) / shape.spacing);
  for (let k = 0; k < count; k++) {
    for (const [offset, side] of [
      [1, shape.setback],
      [2, -shape.setback],
    ]) {
      const t = from + (k + 0.5 + (rng.next() - 0.5) * 0.4) * shape.spacing;
      // Some numbers are never issued (a plot merged, a gate without a plate).
      if (rng.chance(0.05)) continue;
      const number = 2 * k + offset;
      const main = locate(along(t, side), townCode);
      if (!main) continue;
      doors.push({ number: String(number), ...main });
      // 附/之 plates: 26-1号, sometimes 26-2号, a few metres further along.
      if (rng.chance(0.06)) {
        const subs = rng.chance(0.3) ? 2 : 1;
        for (let s = 1; s <= subs; s++) {
          const sub = locate(along(t + s * 5, side), townCode);
          if (sub) doors.push({ number: `${number}-${s}`, ...sub });
        }
      }
    }
  }
  return doors;
}

type Line = { anchor: LngLat; angle: number; lengths: number[]; start: LngLat };

/** Share of the weakest segment's sample points that lie in the township: 1 when the line stays inside. */
function lineScore(line: Line, town: IndexedArea): number {
  let from = 0;
  let worst = 1;
  for (const length of line.lengths) {
    let inside = 0;
    for (let i = 0; i < 10; i++) {
      const t = from + ((i + 0.5) / 10) * length;
      if (inArea(offsetMeters(line.start, t * Math.cos(line.angle), t * Math.sin(line.angle)), town))
        inside++;
    }
    worst = Math.min(worst, inside / 10);
    from += length;
  }
  return worst;
}

/** The best of a few candidate lines (anchor near the seat, direction, segment lengths) for a road. */
function bestLine(
  spec: RoadSpec,
  town: IndexedArea,
  seat: LngLat,
  anchors: readonly LngLat[],
  rng: Rng,
): Line {
  let best: Line | undefined;
  let bestScore = -1;
  for (let c = 0; c < 8 && bestScore < 1; c++) {
    const anchor = scatterPoint(town, anchors, rng, { centre: seat, radius: 1400, spacing: 350, margin: 40 });
    const angle = directionOf(spec, rng);
    const lengths = spec.names.map((name) => {
      const shape = shapeOf(name);
      return shape.minLength + rng.next() * (shape.maxLength - shape.minLength);
    });
    const half = lengths.reduce((sum, length) => sum + length, 0) / 2;
    const line = {
      anchor,
      angle,
      lengths,
      start: offsetMeters(anchor, -half * Math.cos(angle), -half * Math.sin(angle)),
    };
    const score = lineScore(line, town);
    if (score > bestScore) {
      best = line;
      bestScore = score;
    }
  }
  return best!;
}

/** The door nearest the middle of a segment: a located point to stand for the road. */
function middleDoor(doors: readonly Door[]): Door | undefined {
  return doors[Math.floor(doors.length / 2)];
}

/**
 * Roads of one township as township-level nodes, with door numbers whose division and grid are the
 * village/community and grid polygons each door lies in. Renamed roads keep their old node (with a
 * few old door numbers) closed and pointing at the new one.
 */
export function addTownRoads(
  builder: PlaceBuilder,
  index: PlaceAreaIndex,
  town: { code: string; name: string; seat: LngLat },
  specs: readonly RoadSpec[],
): void {
  const townArea = index.towns.get(town.code)!;
  const anchors: LngLat[] = [];
  for (const spec of specs) {
    const rng = rngFor(`places:road:${town.code}:${spec.names.join('/')}`);
    const line = bestLine(spec, townArea, town.seat, anchors, rng);
    anchors.push(line.anchor);
    const { anchor, angle, lengths, start } = line;
    let from = 0;
    spec.names.forEach((name, s) => {
      const to = from + lengths[s];
      const shape = shapeOf(name);
      const doors = doorsAlong(start, angle, from, to, shape, town.code, rng);
      from = to;
      // A single road is centred on its anchor (inside the township); a segment stands on a door.
      const point = spec.names.length === 1 ? anchor : middleDoor(doors)?.point;
      if (!point) return;
      const roadFrom = spec.formerly ? nextDay(spec.formerly.until) : dateFor(`road:${name}`, 1985, 2012);
      const roadKey = placeKey(town.name, null, name);
      builder.add({
        key: roadKey,
        parentKey: null,
        level: 'road',
        name,
        divisionCode: town.code,
        gridCode: null,
        point,
        validFrom: roadFrom,
      });
      for (const door of doors) {
        builder.add({
          key: placeKey(town.name, null, `${name}${door.number}号`),
          parentKey: roadKey,
          level: 'doorplate',
          name: `${door.number}号`,
          divisionCode: door.location.villageCode,
          gridCode: door.location.gridCode,
          point: door.point,
          validFrom: roadFrom,
        });
      }
      if (spec.formerly) addFormerRoad(builder, town, spec.formerly, name, point, doors);
    });
  }
}

/** The closed old node of a renamed road and its first few door numbers, each replaced by the new one. */
function addFormerRoad(
  builder: PlaceBuilder,
  town: { code: string; name: string },
  formerly: { name: string; until: string },
  newName: string,
  point: LngLat,
  doors: readonly Door[],
): void {
  const oldKey = placeKey(town.name, null, formerly.name);
  const oldFrom = dateFor(`road:${formerly.name}`, 1985, 2005);
  builder.add({
    key: oldKey,
    parentKey: null,
    level: 'road',
    name: formerly.name,
    divisionCode: town.code,
    gridCode: null,
    point,
    validFrom: oldFrom,
    validTo: formerly.until,
    replacedByKey: placeKey(town.name, null, newName),
  });
  for (const door of doors.filter((door) => !door.number.includes('-')).slice(0, 8)) {
    builder.add({
      key: placeKey(town.name, null, `${formerly.name}${door.number}号`),
      parentKey: oldKey,
      level: 'doorplate',
      name: `${door.number}号`,
      divisionCode: door.location.villageCode,
      gridCode: door.location.gridCode,
      point: door.point,
      validFrom: oldFrom,
      validTo: formerly.until,
      replacedByKey: placeKey(town.name, null, `${newName}${door.number}号`),
    });
  }
}
