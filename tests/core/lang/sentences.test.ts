import { describe, expect, it } from 'vitest';
import { splitSentencesIn } from '../../../src/core/lang/sentences.js';

describe('splitSentencesIn', () => {
  it('German: ordinals, abbreviations and „ “ quotes do not end a sentence', () => {
    expect(
      splitSentencesIn(
        'de',
        'Am Samstag (7. September) trat Rudd zurück. Er sagte: „Ich gehe.“ Dann ging er, z. B. nach Hause. Dr. Weber kam am 3. Oktober 2019. Die 2. Runde begann.',
      ),
    ).toEqual([
      'Am Samstag (7. September) trat Rudd zurück.',
      'Er sagte: „Ich gehe.“',
      'Dann ging er, z. B. nach Hause.',
      'Dr. Weber kam am 3. Oktober 2019.',
      'Die 2. Runde begann.',
    ]);
  });

  it('French: « » with their inner spaces stay with the sentence; M. is a title', () => {
    expect(splitSentencesIn('fr', 'M. Dupont a déclaré : « Nous agirons. » La ministre a parlé.')).toEqual([
      'M. Dupont a déclaré : « Nous agirons. »',
      'La ministre a parlé.',
    ]);
  });

  it('French: a full stop after a closing » stays with the sentence, so the quote stays closed', () => {
    expect(
      splitSentencesIn('fr', 'Il a crié : « Assez de ces retards ! ». « Nous partirons demain ! ». Puis il est sorti.'),
    ).toEqual(['Il a crié : « Assez de ces retards ! ».', '« Nous partirons demain ! ».', 'Puis il est sorti.']);
  });
  it('Spanish: ¿ ¡ open sentences, Sr. and EE.UU. do not end them', () => {
    expect(splitSentencesIn('es', '¿Qué pasa? ¡Nada! El Sr. García viajó a EE.UU. ayer. Volvió hoy.')).toEqual([
      '¿Qué pasa?',
      '¡Nada!',
      'El Sr. García viajó a EE.UU. ayer.',
      'Volvió hoy.',
    ]);
  });

  it('Chinese: 。！？ end a sentence without a space; a closing quote stays with it', () => {
    expect(splitSentencesIn('zh', '总干事谭德塞表示：“疫情迅速蔓延。”他说，这很严重！美国呢？好的。')).toEqual([
      '总干事谭德塞表示：“疫情迅速蔓延。”',
      '他说，这很严重！',
      '美国呢？',
      '好的。',
    ]);
  });
});
