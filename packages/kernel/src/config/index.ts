import { z } from 'zod';

const bool = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'yes' || v === 'on');

/**
 * Every setting, validated once. Only apps read `process.env`; they pass it to `loadConfig`.
 * Each field documents its default; the README table is generated from the same descriptions.
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080).describe('HTTP port'),
  HOST: z.string().default('::').describe('Listen address; `::` is dual-stack IPv6 + IPv4'),
  DATA_DIR: z.string().default('./data').describe('Embedded database and uploaded files'),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .describe('PostgreSQL URL; when set, used instead of the embedded PGlite database'),
  MQTT_URL: z
    .string()
    .optional()
    .describe(
      'External MQTT broker (Mosquitto, EMQX), e.g. mqtt://127.0.0.1:1883; when set, devices publish there (token in the topic) instead of to the embedded broker',
    ),
  MQTT_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(1883)
    .describe(
      'Port of the embedded MQTT broker (aedes); if taken, one log line says so and HTTP telemetry still works',
    ),
  HJ212_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe('Opt-in: TCP port for HJ 212-2017 environment monitors (frames matched to devices by MN)'),
  SL651_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe(
      'Opt-in: TCP port for SL 651-2014 hydrology stations (HEX/binary frames, matched by station address)',
    ),
  SIMULATE_SENSORS: bool
    .optional()
    .describe(
      'Feed the demo stations with simulated readings every minute (through the real ingestion); default on with DEMO',
    ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level'),
  DEMO: bool.default(false).describe('Seed the Fenghua demo region on first start (`npm start` sets 1)'),
  PG_SOCKET_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe('Opt-in: expose the embedded database to psql on this port (127.0.0.1 only)'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12).describe('Staff session lifetime'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5).describe('Failed logins before lockout'),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15).describe('Lockout length'),
  TRUST_PROXY: bool.default(false).describe('Trust X-Forwarded-* from a load balancer'),
  DATA_LOAD_ALLOWED_HOSTS: z
    .string()
    .optional()
    .describe(
      'Hosts that HTTP and PostgreSQL data loads may reach, comma-separated (`*.suffix` allowed); unset: any host',
    ),
  SERVICES_SMS_URL: z
    .url()
    .optional()
    .describe('SMS gateway for applicants’ notices (POST JSON { channel, phone, text }); unset: in-app only'),
  SERVICES_SMS_TOKEN: z.string().optional().describe('Bearer token for SERVICES_SMS_URL'),
  SERVICES_EMAIL_URL: z
    .url()
    .optional()
    .describe('Email gateway for applicants’ notices (POST JSON { channel, email, text }); unset: no email'),
  SERVICES_EMAIL_TOKEN: z.string().optional().describe('Bearer token for SERVICES_EMAIL_URL'),
  PUBLIC_URL: z
    .url()
    .optional()
    .describe(
      'The public base URL, e.g. https://zz.fenghua.gov.cn (Open311 discovery); default http://localhost:PORT',
    ),
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment (or any record) into a Config; throws a readable error naming each bad key. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
