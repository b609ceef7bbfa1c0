// Browser tests drive Debian's Chromium (never a downloaded browser) with CJK fonts, so
// screenshots show Chinese text; the MQTT tests publish with Mosquitto's own client (mosquitto_pub);
// the report tests read PDFs back with poppler's pdftotext.
// Installs what is missing with apt-get.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function installed(pkg) {
  return spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;
}

export function ensureBrowser() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!installed('fonts-noto-cjk')) missing.push('fonts-noto-cjk');
  if (!existsSync('/usr/bin/mosquitto_pub')) missing.push('mosquitto-clients');
  // The weekly report tests read the PDFs back as text with pdftotext.
  if (!existsSync('/usr/bin/pdftotext')) missing.push('poppler-utils');
  if (!installed('poppler-data')) missing.push('poppler-data'); // Adobe-GB1 maps for STSong-Light
  if (!missing.length) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  process.stdout.write(`Installing ${missing.join(', ')} for the browser and MQTT tests (apt-get)…\n`);
  const run = (args) =>
    execFileSync(sudo.length ? sudo[0] : args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);
}
