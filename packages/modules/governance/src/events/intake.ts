import { type Actor, systemActor } from '@zhizhi/kernel/access';
import { InputError } from '@zhizhi/kernel/errors';
import type { LngLat } from '@zhizhi/kernel/geo';
import { z } from 'zod';
import type { Channel } from './case-types';

// What a report brings in, however it arrives, and how reporters' details are shown masked.

/** What the module needs to know about the district's territory (the region pack provides it). */
export interface RegionGeo {
  /** The district's 12-digit code; every case lies under it. */
  districtCode: string;
  /** Inside the district boundary (points and boundary share one datum, GCJ-02 on Chinese maps). */
  contains(point: LngLat): boolean;
  /** The township a point belongs to (12-digit code), or null. */
  townOf(point: LngLat): { code: string; name: string } | null;
}

export interface IntakeInput {
  categoryCode: string;
  description: string;
  location?: LngLat | null;
  address?: string | null;
  photos?: string[];
  /** A village or township of the district; derived from the location when omitted. */
  divisionCode?: string | null;
  reporterName?: string | null;
  reporterPhone?: string | null;
  hotlineOrderNo?: string | null;
  externalId?: string | null;
  /** Module intakes only: the responsible department (its code); skips the dispatch catalogue. */
  departmentCode?: string | null;
  open311Token?: string | null;
  trackingHash?: string | null;
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** The platform acting for a channel (public page, 12345, Open311, module events). */
export function channelActor(channel: Channel): Actor {
  return { ...systemActor, name: `channel:${channel}` };
}

export const intakeSchema = z.object({
  categoryCode: z.string().min(1).max(96),
  description: z.string().trim().min(5).max(2000),
  location: z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).nullish(),
  address: z.string().trim().max(200).nullish(),
  photos: z.array(z.uuid()).max(9).optional(),
  divisionCode: z
    .string()
    .regex(/^\d{12}$/)
    .nullish(),
  reporterName: z.string().trim().max(40).nullish(),
  reporterPhone: z.string().trim().regex(PHONE).nullish(),
});

export function invalid(error: z.ZodError): InputError {
  const errors = error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
  return new InputError(
    'governance.report.invalid',
    `Invalid report: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
    { errors },
  );
}

/** Masks a phone number for display: 138****5678. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Masks a name: 张* / 欧阳** . */
export function maskName(name: string | null): string | null {
  if (!name) return null;
  return `${[...name][0]}${'*'.repeat(Math.max(1, [...name].length - 1))}`;
}
