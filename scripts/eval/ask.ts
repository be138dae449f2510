/**
 * The /ask gauge: asks every question of the development set through the real app (registry,
 * dispatcher, `/ask` command, JSON renderer), in ONE process, and prints the four figures of
 * `../shared/eval/score_ask.py` computed the same way: top1, cited, refused_right, false_refusals.
 *
 *   npm run eval -- ask [DIR]     or     node bin/run-ts.mjs scripts/eval/ask.ts [DIR] [--verbose] [--json]
 *
 * Ablations and the refusal curve: scripts/eval/ask/calibrate.ts.
 *
 * DIR holds questions.json and articles/ (default: tests/fixtures/eval-dev, else ../shared/fixtures/eval-dev).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { answerLine } from '../../src/adapters/shell/shell.js';
import { renderJson } from '../../src/adapters/text/render-text.js';
import { loadConfig } from '../../src/config/load.js';
import { BUNDLED_SAMPLE_PATH, createHerald } from '../../src/main.js';

/** One development question and every sentence that answers it (questions.json). */
export interface Question {
  readonly q: string;
  readonly answers: readonly string[];
  readonly type?: string;
}
interface QaSet {
  readonly articles: readonly { readonly file: string; readonly questions: readonly Question[] }[];
}

/** The scorer's normalisation: NFKC, curly quotes straightened, spaces collapsed, lower case. */
function norm(s: string): string {
  return s.normalize('NFKC').replace(/’/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Whether a cited sentence is an answer sentence, as the scorer judges it: sentence splitting
 * may differ a little, so containment either way, at least 20 characters. Shared by the
 * diagnostic scripts in scripts/eval/ask/ so they count exactly what the eval counts.
 */
export function same(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x)) && Math.min(x.length, y.length) >= 20;
}

function citedTexts(reply: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      const cite = o['cite'] as { text?: unknown } | undefined;
      if (o['type'] === 'citation' && cite && typeof cite === 'object' && Array.isArray(cite.text))
        out.push(...cite.text.filter((t): t is string => typeof t === 'string'));
      Object.values(o).forEach(walk);
    }
  };
  walk((reply as { blocks?: unknown }).blocks ?? []);
  return out;
}

export interface AskFigures {
  readonly top1: number;
  readonly cited: number;
  readonly refused_right: number;
  readonly false_refusals: number;
  readonly n: string;
}

/** One question's outcome, for the verbose listing and calibration. */
export interface AskOutcome {
  readonly file: string;
  readonly question: Question;
  readonly cited: readonly string[];
}

/** `--set DIR` or a bare folder argument (as `npm run eval -- DIR` passes it), else the default. */
export function setDirOf(argv: readonly string[]): string {
  const at = argv.indexOf('--set');
  if (at >= 0 && argv[at + 1]) return resolve(argv[at + 1]!);
  const bare = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--set');
  return bare ? resolve(bare) : defaultSetDir();
}

export function defaultSetDir(): string {
  const inRepo = resolve('tests/fixtures/eval-dev');
  return existsSync(join(inRepo, 'questions.json')) ? inRepo : resolve('../shared/fixtures/eval-dev');
}

/** Asks every question through the same code path as `herald run "/ask <q>" --article <file> --json`. */
export async function askAll(dir: string): Promise<AskOutcome[]> {
  const qa = JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8')) as QaSet;
  const outcomes: AskOutcome[] = [];
  const config = await loadConfig({ env: { HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH }, file: {} });
  if (!config.ok) throw new Error(config.error.message);
  for (const a of qa.articles) {
    // A fresh app per article, as each `herald run --article` is: the article is the current one.
    const built = await createHerald(config.value, { logger: pino({ level: 'silent' }), store: 'memory' });
    if (!built.ok) throw new Error(built.error.message);
    const app = built.value;
    const loaded = await app.load(join(dir, a.file));
    if (!loaded.ok) {
      await app.close();
      throw new Error(`${a.file}: ${loaded.error.message}`);
    }
    for (const q of a.questions) {
      const reply = await answerLine(`/ask ${q.q}`, {
        dispatcher: app.dispatcher,
        registry: app.registry,
        invoker: { userId: 'eval', platformLevel: 'member' },
      });
      outcomes.push({ file: a.file, question: q, cited: citedTexts(JSON.parse(renderJson(reply))) });
    }
    await app.close();
  }
  return outcomes;
}

export function figures(outcomes: readonly AskOutcome[]): AskFigures {
  let ans = 0,
    top1 = 0,
    cited = 0,
    unans = 0,
    refusedRight = 0,
    falseRef = 0;
  for (const { question: q, cited: c } of outcomes) {
    if (q.answers.length > 0) {
      ans += 1;
      if (c.length === 0) falseRef += 1;
      if (c.length > 0 && q.answers.some((a) => same(c[0]!, a))) top1 += 1;
      if (c.slice(0, 3).some((x) => q.answers.some((a) => same(x, a)))) cited += 1;
    } else {
      unans += 1;
      if (c.length === 0) refusedRight += 1;
    }
  }
  const r = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return {
    top1: r(top1, ans),
    cited: r(cited, ans),
    refused_right: r(refusedRight, unans),
    false_refusals: r(falseRef, ans),
    n: `${ans}+${unans}`,
  };
}

export function figuresLine(f: AskFigures): string {
  const x = (v: number): string => v.toFixed(2);
  return `top1=${x(f.top1)} cited=${x(f.cited)} refused_right=${x(f.refused_right)} false_refusals=${x(f.false_refusals)} n=${f.n}`;
}

async function cli(argv: readonly string[]): Promise<void> {
  const dir = setDirOf(argv);
  const outcomes = await askAll(dir);
  if (argv.includes('--verbose')) {
    for (const o of outcomes) {
      const ok =
        o.question.answers.length === 0
          ? o.cited.length === 0
          : o.cited.length > 0 && o.question.answers.some((a) => same(o.cited[0]!, a));
      const short = (s: string): string => (s.length > 110 ? `${s.slice(0, 107)}...` : s);
      console.log(
        `${ok ? 'ok  ' : 'MISS'} [${o.question.type ?? '?'}] ${o.file.replace(/^articles\//, '')}: ${o.question.q}`,
      );
      if (!ok) {
        console.log(`       got: ${o.cited.length ? short(o.cited[0]!) : '(refused)'}`);
        for (const a of o.question.answers.slice(0, 2)) console.log(`       want: ${short(a)}`);
      }
    }
  }
  const f = figures(outcomes);
  console.log(argv.includes('--json') ? JSON.stringify(f) : `ask ${figuresLine(f)}`);
}

if (process.argv[1] && /scripts[\\/]eval[\\/]ask\.ts$/.test(process.argv[1])) await cli(process.argv.slice(2));
