import { eq } from 'drizzle-orm';
import { type Actor, requirePermission } from '../access';
import { recordAudit } from '../audit';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { ConflictError, InputError, NotFoundError } from '../errors';
import { newId } from '../ids';
import { identityCitizen, identityEnterprise } from './schema';
import {
  maskIdNumber,
  maskName,
  maskPhone,
  validateIdNumber,
  validateMobile,
  validateUscc,
} from './validators';

export interface RegisterCitizenInput {
  idNumber: string;
  name: string;
  phone?: string | null;
  /** The check character failed, and the operator checked the physical ID card: accept it (audited). */
  acceptCheckWarning?: boolean;
}

export interface RegisterEnterpriseInput {
  uscc: string;
  name: string;
  legalRepresentative?: string | null;
  divisionCode?: string | null;
  acceptCheckWarning?: boolean;
}

export interface RegistryServiceDeps {
  db: Db;
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
}

/** A failed validation as an InputError; `overridable` tells the client it may confirm and resend. */
function rejected(result: { code: string; message: string; overridable: boolean }): InputError {
  return new InputError(
    result.code,
    result.overridable
      ? `${result.message} Check the document; if it is right, resend with acceptCheckWarning.`
      : result.message,
    { overridable: result.overridable },
  );
}

/** Citizens and enterprises with verified identifiers. Responses carry masked personal data only. */
export function createRegistryService(deps: RegistryServiceDeps) {
  const { db, clock } = deps;

  function presentCitizen(c: typeof identityCitizen.$inferSelect) {
    return {
      id: c.id,
      idNumber: maskIdNumber(c.idNumber),
      name: maskName(c.name),
      phone: c.phone ? maskPhone(c.phone) : null,
      checkOverridden: c.checkOverridden,
      createdAt: c.createdAt,
    };
  }

  async function registerCitizen(actor: Actor, input: RegisterCitizenInput) {
    requirePermission(actor, 'identity.register');
    const id = validateIdNumber(input.idNumber, {
      today: clock.now(),
      acceptBadCheckDigit: input.acceptCheckWarning === true,
    });
    if (!id.ok) throw rejected(id);
    const phone = input.phone ? validateMobile(input.phone) : null;
    if (phone && !phone.ok) throw rejected(phone);
    const name = input.name.trim();
    if (!name || name.length > 60)
      throw new InputError('identity.citizen.invalid_name', 'A name of 1–60 characters is required.');
    return deps.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: identityCitizen.id })
        .from(identityCitizen)
        .where(eq(identityCitizen.idNumber, id.value));
      if (existing)
        throw new ConflictError('identity.citizen.exists', 'This ID number is already registered.', {
          id: existing.id,
        });
      const [row] = await tx
        .insert(identityCitizen)
        .values({
          id: newId(),
          idNumber: id.value,
          name,
          phone: phone?.value ?? null,
          checkOverridden: !id.checkDigitValid,
          createdAt: clock.now(),
        })
        .returning();
      await recordAudit(tx, clock, {
        actor,
        action: id.checkDigitValid
          ? 'identity.citizen.registered'
          : 'identity.citizen.registered_check_overridden',
        subjectType: 'citizen',
        subjectId: row.id,
        data: { idNumber: maskIdNumber(id.value), checkOverridden: !id.checkDigitValid },
      });
      return presentCitizen(row);
    });
  }

  async function findCitizen(actor: Actor, idNumber: string) {
    requirePermission(actor, 'identity.register');
    const normalised = idNumber.trim().toUpperCase();
    const [row] = await db.select().from(identityCitizen).where(eq(identityCitizen.idNumber, normalised));
    if (!row) throw new NotFoundError('identity.citizen.not_found', 'No citizen with this ID number.');
    return presentCitizen(row);
  }

  function presentEnterprise(e: typeof identityEnterprise.$inferSelect) {
    return {
      id: e.id,
      uscc: e.uscc,
      name: e.name,
      legalRepresentative: e.legalRepresentative ? maskName(e.legalRepresentative) : null,
      divisionCode: e.divisionCode,
      checkOverridden: e.checkOverridden,
      createdAt: e.createdAt,
    };
  }

  async function registerEnterprise(actor: Actor, input: RegisterEnterpriseInput) {
    requirePermission(actor, 'identity.register', { divisionCode: input.divisionCode ?? undefined });
    const code = validateUscc(input.uscc, { acceptBadCheckDigit: input.acceptCheckWarning === true });
    if (!code.ok) throw rejected(code);
    const name = input.name.trim();
    if (!name || name.length > 200)
      throw new InputError('identity.enterprise.invalid_name', 'A name of 1–200 characters is required.');
    return deps.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: identityEnterprise.id })
        .from(identityEnterprise)
        .where(eq(identityEnterprise.uscc, code.value));
      if (existing)
        throw new ConflictError('identity.enterprise.exists', 'This credit code is already registered.', {
          id: existing.id,
        });
      const [row] = await tx
        .insert(identityEnterprise)
        .values({
          id: newId(),
          uscc: code.value,
          name,
          legalRepresentative: input.legalRepresentative?.trim() || null,
          divisionCode: input.divisionCode ?? null,
          checkOverridden: !code.checkDigitValid,
          createdAt: clock.now(),
        })
        .returning();
      await recordAudit(tx, clock, {
        actor,
        action: code.checkDigitValid
          ? 'identity.enterprise.registered'
          : 'identity.enterprise.registered_check_overridden',
        subjectType: 'enterprise',
        subjectId: row.id,
        data: { uscc: code.value, checkOverridden: !code.checkDigitValid },
      });
      return presentEnterprise(row);
    });
  }

  async function findEnterprise(actor: Actor, uscc: string) {
    requirePermission(actor, 'identity.register');
    const [row] = await db
      .select()
      .from(identityEnterprise)
      .where(eq(identityEnterprise.uscc, uscc.trim().toUpperCase()));
    if (!row)
      throw new NotFoundError('identity.enterprise.not_found', 'No enterprise with this credit code.');
    return presentEnterprise(row);
  }

  return { registerCitizen, findCitizen, registerEnterprise, findEnterprise };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
