import { annotateSentence } from '../../src/core/nlp/annotate.js';
const texts = process.argv.slice(2);
for (const t of texts) {
  const s = annotateSentence(0, 0, t);
  console.log(s.tokens.map((k) => `${k.text}/${k.pos}${k.entity ? '[' + k.entity + ']' : ''}`).join(' '));
}
