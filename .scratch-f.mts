import { readFileSync } from 'node:fs';
import { ingestText } from './src/core/ingest/text.js';
const r = ingestText(readFileSync('/work/shared/fixtures/articles/xinhua-space-partnership.txt','utf8'));
if (r.ok) for (const i of [0,11,15,16]) console.log(r.value.sentences[i]!.text);
