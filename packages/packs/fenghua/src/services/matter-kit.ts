import type { Material, MatterInput } from '@zhizhi/services';
import { FENGHUA_DISTRICT_CODE } from '../divisions';
import { fenghuaCertificateTypes } from './dictionary';

type CertificateType = (typeof fenghuaCertificateTypes)[number]['code'];

const DOCUMENTS = ['application/pdf', 'image/jpeg', 'image/png'];

/** A material supplied by an e-certificate: the certificate's own name, no upload. */
export function cert(type: CertificateType, required = true): Material {
  const found = fenghuaCertificateTypes.find((t) => t.code === type)!;
  return {
    code: type,
    name: { zh: found.zh, en: found.en },
    required,
    copies: 0,
    source: { kind: 'certificate', certificateType: type },
  };
}

/** A material the applicant uploads (PDF or a photo). */
export function upload(code: string, zh: string, en: string, required = true, copies = 1): Material {
  return { code, name: { zh, en }, required, copies, source: { kind: 'upload', accept: DOCUMENTS } };
}

/** Required form fields, then optional ones (`?` suffix). */
export function fields(...codes: string[]): MatterInput['fields'] {
  return codes.map((c) =>
    c.endsWith('?') ? { field: c.slice(0, -1), required: false } : { field: c, required: true },
  );
}

type Spec = Omit<
  MatterInput,
  | 'version'
  | 'name'
  | 'guide'
  | 'divisionCodes'
  | 'legalLimit'
  | 'promisedLimit'
  | 'kind'
  | 'channels'
  | 'fees'
> & {
  name: [zh: string, en: string];
  guide: [zh: string, en: string];
  /** Legal and promised limits; working days unless `unit` says otherwise. 0/0 is 即办件. */
  limits: [legal: number, promised: number];
  unit?: 'working_days' | 'days' | 'months';
  divisionCodes?: string[];
  channels?: MatterInput['channels'];
  fees?: MatterInput['fees'];
};

/** Version 1 of a district matter: 即办件 when both limits are 0, otherwise 承诺件. */
export function matter(spec: Spec): MatterInput {
  const { name, guide, limits, unit = 'working_days', divisionCodes, channels, fees, ...rest } = spec;
  return {
    ...rest,
    version: 1,
    name: { zh: name[0], en: name[1] },
    guide: { zh: guide[0], en: guide[1] },
    divisionCodes: divisionCodes ?? [FENGHUA_DISTRICT_CODE],
    legalLimit: { value: limits[0], unit },
    promisedLimit: { value: limits[1], unit },
    kind: limits[1] === 0 ? 'immediate' : 'promised',
    channels: channels ?? (rest.visits === 0 ? ['window', 'web', 'mobile'] : ['window']),
    fees: fees ?? [],
  };
}

/** 不动产登记费 for a dwelling (发改价格规〔2016〕2559号: 住宅类 80 元/件). */
export const REAL_ESTATE_FEE: MatterInput['fees'][number] = {
  name: { zh: '不动产登记费', en: 'Real estate registration fee' },
  amountYuan: 80,
  basis:
    '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）住宅类每件80元',
};
