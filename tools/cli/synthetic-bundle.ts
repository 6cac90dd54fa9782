/**
 * `npm run bundle:synthetic -- <count> [out.json] [--no-positions]`: writes a synthetic bundle of
 * `count` concepts, to open in the app with `?bundle=` or to measure with `npm run bench`.
 * Without `out.json` the bundle goes to standard output.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { makeSyntheticBundle } from '../synthetic-bundle.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [countArg, out] = args.filter((a) => !a.startsWith('--'));
const count = Number(countArg);
const unknown = [...flags].filter((f) => f !== '--no-positions');
if (!Number.isInteger(count) || count < 1 || unknown.length > 0) {
  console.error('usage: npm run bundle:synthetic -- <count> [out.json] [--no-positions]');
  process.exit(2);
}

const bundle = makeSyntheticBundle(count, { positions: !flags.has('--no-positions') });
const json = JSON.stringify(bundle);
if (out) {
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, json);
  console.error(
    `${out}: ${bundle.graph.concepts.length} concepts, ${bundle.graph.relations.length} relations, ` +
      `${bundle.graph.sections.length} sections, ${(json.length / 1024 / 1024).toFixed(1)} MB`,
  );
} else {
  process.stdout.write(`${json}\n`);
}
