import { describe, expect, it } from 'vitest';
import { assessTownships, type StationReading } from './warning';

const XIKOU = '330213100000';
const SONGAO = '330213108000';
const reservoir = (level: number): StationReading => ({
  townshipCode: XIKOU,
  name: '亭下水库',
  attributes: { flood_limit_level: 78, warning_level: 83, guarantee_level: 86 },
  values: { water_level: level },
});

describe('multi-hazard warning levels', () => {
  it('grades water by the station’s own levels: 汛限 blue, near 警戒 yellow, 警戒 orange, 保证 red', () => {
    expect(assessTownships([reservoir(77)]).get(XIKOU)).toBeUndefined();
    expect(assessTownships([reservoir(79)]).get(XIKOU)?.level).toBe(4);
    expect(assessTownships([reservoir(82.8)]).get(XIKOU)?.level).toBe(3);
    expect(assessTownships([reservoir(83.5)]).get(XIKOU)?.level).toBe(2);
    const red = assessTownships([reservoir(86.2)]).get(XIKOU)!;
    expect(red.level).toBe(1);
    expect(red.factors[0]!.reason).toContain('超保证水位');
  });

  it('grades rain and wind by their limits, and takes the worst station of a township', () => {
    const gauge = (rain: number): StationReading => ({
      townshipCode: SONGAO,
      name: '松岙雨量站',
      attributes: {},
      values: { rain_1h: rain },
    });
    expect(assessTownships([gauge(10)]).get(SONGAO)).toBeUndefined();
    expect(assessTownships([gauge(25)]).get(SONGAO)?.level).toBe(4);
    expect(assessTownships([gauge(55), gauge(31)]).get(SONGAO)?.level).toBe(2);
    const wind = { townshipCode: SONGAO, name: '松岙气象站', attributes: {}, values: { wind_speed: 33 } };
    expect(assessTownships([wind]).get(SONGAO)?.level).toBe(1);
  });

  it('raises a township one level when two hazards are at yellow or above (compound risk), never past red', () => {
    const rain = { townshipCode: XIKOU, name: '溪口雨量站', attributes: {}, values: { rain_1h: 35 } }; // yellow
    const both = assessTownships([reservoir(83.5), rain]).get(XIKOU)!; // orange + yellow
    expect(both.level).toBe(1);
    expect(both.factors.map((f) => f.hazard).sort()).toEqual(['rain', 'water']);
    const blueAndYellow = assessTownships([reservoir(79), rain]).get(XIKOU)!; // blue + yellow: no compound
    expect(blueAndYellow.level).toBe(3);
    const reds = assessTownships([reservoir(87), { ...rain, values: { rain_1h: 90 } }]).get(XIKOU)!;
    expect(reds.level).toBe(1);
  });
});
