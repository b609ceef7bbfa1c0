import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

let jieba: Jieba | undefined;

// Loaded on first use, not at import: the 5 MB dictionary takes ~0.3 s and ~45 MB of memory.
// Read dict.txt directly rather than `@node-rs/jieba/dict`, which also reads the 6 MB idf.txt we never use.
export function segmenter(): Jieba {
  if (!jieba) {
    const path = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
    jieba = Jieba.withDict(readFileSync(path));
  }
  return jieba;
}
