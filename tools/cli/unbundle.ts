/** `npm run unbundle -- file.json [--out folder]`: writes a bundle back to data/ (see README). */
import { runUnbundle } from '../unbundle.ts';
import { dataPath } from './content.ts';

process.exitCode = await runUnbundle(process.argv.slice(2), dataPath(''));
