import type { Kernel } from '@zhizhi/kernel';
import type { Actor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { AuthenticationError, InputError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { maskPhone, randomToken, tokenDigest, validateMobile, validateUscc } from '@zhizhi/kernel/identity';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { dataOpenDeveloper } from './schema';

export type OpenDeveloper = typeof dataOpenDeveloper.$inferSelect;

const registrationSchema = z.object({
  name: z.string().trim().min(2).max(40),
  organisation: z.string().trim().min(2).max(100),
  mobile: z.string().max(20),
  email: z.email().max(120),
  uscc: z.string().trim().max(18).nullish(),
});

export type DeveloperRegistration = z.input<typeof registrationSchema>;

/** A new developer key: `zzo_` + 256 random bits. */
function newKey() {
  const key = `zzo_${randomToken(32)}`;
  return { key, digest: tokenDigest(key), prefix: key.slice(0, 8) };
}

/** The actor a developer's writes are audited as (no personal data in the name). */
export function developerActor(developer: Pick<OpenDeveloper, 'id' | 'keyPrefix'>): Actor {
  return {
    type: 'api_key',
    id: developer.id,
    name: `open-data developer ${developer.keyPrefix}…`,
    departmentId: null,
    grants: [],
  };
}

/** What a developer sees of themselves: contact details masked. */
export function developerView(d: OpenDeveloper) {
  const [local, domain] = d.email.split('@');
  return {
    id: d.id,
    name: d.name,
    organisation: d.organisation,
    uscc: d.uscc,
    mobile: maskPhone(d.mobile),
    email: `${local.slice(0, 1)}***@${domain}`,
    keyPrefix: d.keyPrefix,
    createdAt: d.createdAt,
    keyRotatedAt: d.keyRotatedAt,
  };
}

/** Developers (开发者) of the open-data portal: registration, keys shown once, rotation. */
export function createOpenDevelopers(kernel: Kernel) {
  const { db, clock } = kernel;

  /** Registers a developer (mobile and 统一社会信用代码 checked); the key is returned once. */
  async function register(input: unknown) {
    const parsed = registrationSchema.safeParse(input);
    const errors = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
    const raw = (input ?? {}) as Record<string, unknown>;
    const mobile = validateMobile(raw.mobile);
    if (!mobile.ok) errors.push({ path: '/mobile', message: mobile.message });
    const usccGiven = typeof raw.uscc === 'string' && raw.uscc.trim() !== '';
    const uscc = usccGiven ? validateUscc(raw.uscc) : null;
    if (uscc && !uscc.ok) errors.push({ path: '/uscc', message: uscc.message });
    if (!parsed.success || errors.length)
      throw new InputError(
        'data.open.developer_invalid',
        `Invalid registration: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        { errors },
      );
    const now = clock.now();
    const { key, digest, prefix } = newKey();
    const row = {
      id: newId(),
      name: parsed.data.name,
      organisation: parsed.data.organisation,
      uscc: uscc?.ok ? uscc.value : null,
      mobile: mobile.ok ? mobile.value : '',
      email: parsed.data.email.toLowerCase(),
      keyDigest: digest,
      keyPrefix: prefix,
      status: 'active' as const,
      createdAt: now,
      keyRotatedAt: now,
    };
    await kernel.transaction(async (tx) => {
      await tx.insert(dataOpenDeveloper).values(row);
      await recordAudit(tx, clock, {
        actor: developerActor(row),
        action: 'data.open.developer_registered',
        subjectType: 'data_open_developer',
        subjectId: row.id,
        data: { organisation: row.organisation, keyPrefix: prefix },
      });
    });
    return { developer: developerView(row), apiKey: key };
  }

  /** The developer holding this key, or `data.open.key_invalid` (401). */
  async function authenticate(key: string | undefined | null): Promise<OpenDeveloper> {
    const [row] =
      key && /^zzo_[A-Za-z0-9_-]{20,100}$/.test(key)
        ? await db
            .select()
            .from(dataOpenDeveloper)
            .where(eq(dataOpenDeveloper.keyDigest, tokenDigest(key)))
        : [];
    if (row?.status !== 'active')
      throw new AuthenticationError(
        'data.open.key_invalid',
        'A valid developer key is required in the X-API-Key header.',
      );
    return row;
  }

  /** Replaces the developer's key; the old one stops working at once. The new key is returned once. */
  async function rotateKey(developer: OpenDeveloper) {
    const { key, digest, prefix } = newKey();
    const now = clock.now();
    await kernel.transaction(async (tx) => {
      await tx
        .update(dataOpenDeveloper)
        .set({ keyDigest: digest, keyPrefix: prefix, keyRotatedAt: now })
        .where(eq(dataOpenDeveloper.id, developer.id));
      await recordAudit(tx, clock, {
        actor: developerActor(developer),
        action: 'data.open.key_rotated',
        subjectType: 'data_open_developer',
        subjectId: developer.id,
        data: { from: developer.keyPrefix, to: prefix },
      });
    });
    return { developer: developerView({ ...developer, keyPrefix: prefix, keyRotatedAt: now }), apiKey: key };
  }

  return { register, authenticate, rotateKey };
}
