import type { DemoCredential } from '@zhizhi/pack-fenghua';

/** Printed once, on the first start of a demo install; the passwords are not stored in clear anywhere. */
export function printCredentials(credentials: DemoCredential[]) {
  if (!credentials.length) return;
  const width = Math.max(...credentials.map((c) => c.username.length));
  const lines = credentials.map((c) => `    ${c.username.padEnd(width)}  ${c.password}  ${c.title}`);
  process.stdout.write(
    [
      '',
      '  Fenghua demo region loaded. Demo accounts (shown only this once — note them down):',
      ...lines,
      '  Lost one? `npm run zhizhi -- user reset-password <username>` (with the server stopped).',
      '',
    ].join('\n'),
  );
}
