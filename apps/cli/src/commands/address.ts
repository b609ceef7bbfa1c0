import { createInterface } from 'node:readline';
import { unwrap } from '@zhizhi/api-client';
import { createPlaces, MAX_ADDRESS_LENGTH, type ParsedAddress, parseAddress } from '@zhizhi/places';
import type { Command } from 'commander';
import { withKernel } from '../context';
import { remoteClient } from '../remote';

const BATCH = 1000;

/** One address per line from a stream; blank lines are skipped (they still count for line numbers). */
async function* lines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of reader) yield line.replace(/^\uFEFF/, '');
}

/** `锦屏街道(town→锦屏街道) 中山东路(road) 26号(roadno)` — for people at a terminal. */
export function humanLine(parsed: ParsedAddress): string {
  const parts = parsed.elements.map(
    (e) => `${e.value}[${e.label}${e.normalized !== e.value ? `→${e.normalized}` : ''}]`,
  );
  return `${parts.join(' ')}\n  = ${parsed.standard}${parsed.divisionCode ? ` (${parsed.divisionCode})` : ''}`;
}

function writer(json: boolean) {
  return (parsed: ParsedAddress) => {
    process.stdout.write(json ? `${JSON.stringify(parsed)}\n` : `${humanLine(parsed)}\n`);
  };
}

/** An over-long line is reported, not parsed (the API refuses it too). */
function tooLong(input: string) {
  return {
    input: input.slice(0, 40),
    error: { code: 'places.address.too_long', message: `longer than ${MAX_ADDRESS_LENGTH} characters` },
  };
}

export function registerAddressCommands(program: Command) {
  const address = program.command('address').description('standard addresses (智慧地名)');
  address
    .command('parse')
    .description(
      'parse addresses, one per line on stdin, into labelled elements (CCKS labels) and the standard form; ' +
        'JSON lines when piped or with --json',
    )
    .action(async () => {
      const json = program.opts().json === true || !process.stdout.isTTY;
      const write = writer(json);
      const server = remoteClient(program);
      if (server) {
        let batch: string[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const { items } = await unwrap(server.POST('/api/places/parse', { body: { addresses: batch } }));
          for (const parsed of items) write(parsed as ParsedAddress);
          batch = [];
        };
        for await (const line of lines(process.stdin)) {
          if (line.trim() === '') continue;
          if (line.length > MAX_ADDRESS_LENGTH) {
            await flush();
            process.stdout.write(`${JSON.stringify(tooLong(line))}\n`);
            continue;
          }
          batch.push(line);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        return;
      }
      await withKernel(
        async (kernel) => {
          // The gazetteer is the local library: divisions, roads, estates, POIs and their aliases.
          const { gazetteer } = await createPlaces(kernel).engine();
          if (!gazetteer.prefix.district) {
            process.stderr.write(
              'zhizhi: this database has no region loaded, so only suffixes and numbers are recognised ' +
                '(start the server once with DEMO=1, or use --server).\n',
            );
          }
          for await (const line of lines(process.stdin)) {
            if (line.trim() === '') continue;
            if (line.length > MAX_ADDRESS_LENGTH) process.stdout.write(`${JSON.stringify(tooLong(line))}\n`);
            else write(parseAddress(line, gazetteer));
          }
        },
        { remote: true },
      );
    });
}
