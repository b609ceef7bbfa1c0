import type { Rng } from '../places/random';

/*
 * Licences of the demo market subjects, with numbers in the usual layouts (营业执照 carries the
 * credit code; 食品经营许可证 JY + 14 digits; 药品经营许可证 浙CB…; 食品生产许可证 SC + 14 digits).
 * The numbers are invented; the check digits of JY and SC numbers here are not the official ones.
 */

export interface DemoLicence {
  type: string;
  number: string;
  validFrom: string;
  validTo: string | null;
}

export interface LicenceContext {
  uscc: string;
  since: string;
  seq: number;
  rng: Rng;
  today: string;
  /** The licence should have lapsed (a few do). */
  lapsed: boolean;
}

function addYears(day: string, years: number, minusOneDay = true) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  if (minusOneDay) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function daysBefore(day: string, days: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export const businessLicence = (c: LicenceContext, years: number | null): DemoLicence => ({
  type: '营业执照',
  number: c.uscc,
  validFrom: c.since,
  validTo: years === null ? null : addYears(c.since, years),
});

/** A licence valid for `years` issued within that span before today, or lapsed up to a year ago. */
function term(c: LicenceContext, years: number): { validFrom: string; validTo: string } {
  const validFrom = c.lapsed
    ? daysBefore(c.today, years * 365 + c.rng.int(20, 300))
    : daysBefore(c.today, c.rng.int(30, years * 365 - 60));
  // Not before the subject itself was registered (then it has not lapsed either).
  let from = validFrom;
  if (from < c.since) from = c.since;
  return { validFrom: from, validTo: addYears(from, years) };
}

/** 食品经营许可证: JY + 主体业态 (1 销售, 2 餐饮) + 330213 + 6-digit sequence + check digit (14 digits). */
export function foodLicence(c: LicenceContext, form: 1 | 2): DemoLicence {
  const body = `${form}330213${String(10_000 + c.seq * 37).padStart(6, '0')}`;
  const check = [...body].reduce((s, d, i) => s + Number(d) * (i + 1), 0) % 10;
  return { type: '食品经营许可证', number: `JY${body}${check}`, ...term(c, 5) };
}

export const drugLicence = (c: LicenceContext): DemoLicence => ({
  type: '药品经营许可证',
  number: `浙CB574${String(1000 + c.seq).padStart(4, '0')}`,
  ...term(c, 5),
});

export const hygieneLicence = (c: LicenceContext): DemoLicence => {
  const t = term(c, 4);
  return {
    type: '公共场所卫生许可证',
    number: `甬奉卫公证字〔${t.validFrom.slice(0, 4)}〕第${String(100 + c.seq).padStart(4, '0')}号`,
    ...t,
  };
};

export const tobaccoLicence = (c: LicenceContext): DemoLicence => ({
  type: '烟草专卖零售许可证',
  number: `330213${String(200_000 + c.seq * 13).padStart(6, '0')}`,
  ...term(c, 5),
});

/** 食品生产许可证: SC + category (124 糕点) + 330213 + 4-digit sequence + check digit. */
export function productionLicence(c: LicenceContext): DemoLicence {
  const body = `124330213${String(c.seq % 10_000).padStart(4, '0')}`;
  const check = [...body].reduce((s, d, i) => s + Number(d) * (i + 2), 0) % 10;
  return { type: '食品生产许可证', number: `SC${body}${check}`, ...term(c, 5) };
}
