import { type ApiClient, createApiClient, type Problem } from '@zhizhi/api-client';
import { InputError } from '@zhizhi/kernel';
import { type Command, Option } from 'commander';

/** The global options that send a command through a running server. */
interface RemoteOptions {
  server?: string;
  apiKey?: string;
}

/** Commands that have a remote branch; every other command refuses `--server`. */
const REMOTE_COMMANDS = new Set([
  'audit verify',
  'user add',
  'user reset-password',
  'device list',
  'simulate sensors',
  'address parse',
]);

/** Commands that read only public data from --server: no API key needed. */
const PUBLIC_REMOTE_COMMANDS = new Set(['inspection verify-draw']);

export const HOW_TO_GET_A_KEY =
  'A logged-in staff member creates one with POST /api/me/api-keys (the key is shown once).';

/** `user add` for the `add` subcommand of `user`. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Adds `--server` and `--api-key`, and checks before any action that they fit the command. */
export function registerRemoteOptions(program: Command) {
  program
    .addOption(
      new Option('--server <url>', 'run through a running server’s API, e.g. http://localhost:8080').env(
        'ZHIZHI_SERVER',
      ),
    )
    .addOption(new Option('--api-key <key>', 'API key (zz_…) for --server').env('ZHIZHI_API_KEY'))
    .hook('preAction', (_root, action) => {
      const { server, apiKey } = program.opts<RemoteOptions>();
      const name = commandPath(action);
      if (server && !REMOTE_COMMANDS.has(name) && !PUBLIC_REMOTE_COMMANDS.has(name)) {
        const given =
          program.getOptionValueSource('server') === 'env' ? 'ZHIZHI_SERVER is set' : '--server was given';
        throw new InputError(
          'cli.server.unsupported',
          `\`${name}\` works on the local database only and cannot go through a server, but ${given}. ` +
            `Run it without --server (unset ZHIZHI_SERVER), where the database is; in embedded mode stop the server first.`,
        );
      }
      if (server && !apiKey && !PUBLIC_REMOTE_COMMANDS.has(name))
        throw new InputError(
          'cli.api_key.missing',
          `--server needs an API key: pass --api-key zz_… or set ZHIZHI_API_KEY. ${HOW_TO_GET_A_KEY}`,
        );
      if (!server && apiKey && program.getOptionValueSource('apiKey') === 'cli')
        throw new InputError('cli.api_key.without_server', '--api-key only applies with --server <url>.');
    });
}

function serverUrl(server: string): string {
  let url: URL | null = null;
  try {
    url = new URL(server);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new InputError(
      'cli.server.invalid',
      `--server must be an http(s) URL such as http://localhost:8080, got "${server}".`,
    );
  return url.href.replace(/\/+$/, '');
}

/** Says where the request was going when it never got an answer (server down, wrong port). */
function fetchReaching(baseUrl: string) {
  return async (request: Request) => {
    try {
      return await fetch(request);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new Error(`Cannot reach the server at ${baseUrl} (${reason}). Is it running?`);
    }
  };
}

/** The API client when `--server` is set (the command then must not open the database), else null. */
export function remoteClient(program: Command): ApiClient | null {
  const { server, apiKey } = program.opts<RemoteOptions>();
  if (!server) return null;
  const baseUrl = serverUrl(server);
  return createApiClient({
    baseUrl,
    fetch: fetchReaching(baseUrl),
    // An API key needs no CSRF token: the server only checks that for cookie sessions.
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : undefined,
  });
}

/** The line shown for a failed API call; a 401 always names the API key as the cause. */
export function problemMessage(problem: Problem): string {
  const detail = problem.detail || problem.title || `HTTP ${problem.status}`;
  if (problem.status !== 401) return detail;
  return `The API key is missing or invalid (${detail.replace(/\.$/, '')}). Pass a valid key with --api-key or ZHIZHI_API_KEY. ${HOW_TO_GET_A_KEY}`;
}
