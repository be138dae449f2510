import { annotateSentence } from '../src/core/nlp/annotate.js';
const s = annotateSentence(0, 0, '“In the complex field, it will be $4.6 billion on July 23, 2020,” Hedman said. ');
console.log(s.tokens.map(t => `${t.text}/${t.pos}/${t.start}-${t.end}/${t.entity ?? ''}`).join(' '));
