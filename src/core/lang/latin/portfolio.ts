/**
 * A government portfolio as a person's role, in the words cabinet news uses: "Panos Kalogeros
 * reçoit la Défense", "X récupère le portefeuille de la Marine marchande", "Le ministère des
 * Affaires étrangères revient au conservateur X", "Y reçoit celui de la Justice". The table's
 * `portfolio` words say which verbs give a portfolio and which nouns name one.
 */
import type { LatinTable } from './table.js';
import { isCapitalised, type WordToken } from './tokens.js';

/** Longest portfolio phrase, in words: "portefeuille de la Réforme de l'administration". */
const MAX_PORTFOLIO = 8;

/** The portfolio phrase starting at `at`: determiners skipped, "celui de" skipped, up to a comma or clause word. */
function portfolioAt(text: string, tokens: readonly WordToken[], at: number, table: LatinTable): string | null {
  const words = table.portfolio!;
  let i = at;
  while (tokens[i] && table.determiners.has(tokens[i]!.lower)) i += 1;
  // "celui de la Justice": the portfolio named before.
  if (words.pronouns.has(tokens[i]?.lower ?? '')) {
    i += 1;
    while (tokens[i] && (table.connectors.has(tokens[i]!.lower) || table.determiners.has(tokens[i]!.lower))) i += 1;
  }
  const from = i;
  const named = words.nouns.has(tokens[i]?.lower ?? '');
  if (!named && !(isCapitalised(tokens[i] ?? tokens[0]!) || words.pronouns.has(tokens[at]?.lower ?? ''))) return null;
  let end = i;
  while (tokens[end + 1] && end - from < MAX_PORTFOLIO) {
    const next = tokens[end + 1]!;
    if (next.punct && !["'", '’', '-'].includes(next.text)) break;
    // "Sanidad y Consumo": a conjunction between capitalised words stays in the portfolio.
    const joins =
      table.conjunctions.has(next.lower) && isCapitalised(tokens[end + 2] ?? next) && isCapitalised(tokens[end]!);
    if (table.clauseWords.has(next.lower) && !table.connectors.has(next.lower) && !joins) break;
    // Lower-case words only inside the phrase: "Marine marchande", "Réforme de l'administration".
    if (
      !isCapitalised(next) &&
      !next.punct &&
      !table.connectors.has(next.lower) &&
      !table.determiners.has(next.lower)
    ) {
      if (
        !isCapitalised(tokens[end]!) &&
        !table.determiners.has(tokens[end]!.lower) &&
        !/['’]$/u.test(tokens[end]!.text)
      )
        break;
    }
    end += 1;
  }
  while (end > from && (table.connectors.has(tokens[end]!.lower) || table.determiners.has(tokens[end]!.lower)))
    end -= 1;
  if (named && end === from) return null;
  return text.slice(tokens[from]!.start, tokens[end]!.end);
}

/**
 * "X reçoit la Défense": the portfolio after a name and a verb that gives one, in a sentence
 * about portfolios ("reçoit Angela Merkel", "reçoit le Prix Nobel" are none).
 */
export function portfolioAfter(
  text: string,
  tokens: readonly WordToken[],
  last: number,
  table: LatinTable,
): string | null {
  const words = table.portfolio;
  if (!words?.receives.has(tokens[last + 1]?.lower ?? '')) return null;
  if (!tokens.some((t) => words.nouns.has(t.lower))) return null;
  return portfolioAt(text, tokens, last + 2, table);
}

/** "Le ministère des Affaires étrangères revient au conservateur X": the portfolio that opens the clause. */
export function portfolioBefore(
  text: string,
  tokens: readonly WordToken[],
  first: number,
  table: LatinTable,
): string | null {
  const words = table.portfolio;
  if (!words) return null;
  // Back over the name's role words and "à", "au", to the verb.
  let v = first - 1;
  while (v >= 0 && first - v <= 4 && !words.givenTo.has(tokens[v]!.lower)) v -= 1;
  if (v < 0 || first - v > 4 || !words.givenTo.has(tokens[v]!.lower)) return null;
  // Only "à", "au" and the name's role between: "revient à X et Y reçoit …" gives nothing to Y.
  if (tokens.slice(v + 1, first).some((t) => t.punct || isCapitalised(t))) return null;
  // Back from the verb (and its auxiliaries) to the clause start: a noun that names a portfolio.
  let s = v - 1;
  while (
    s >= 0 &&
    !(tokens[s]!.punct && tokens[s]!.text !== "'" && tokens[s]!.text !== '’') &&
    v - s <= MAX_PORTFOLIO + 3
  )
    s -= 1;
  const noun = tokens.findIndex((t, i) => i > s && i < v && words.nouns.has(t.lower));
  if (noun < 0) return null;
  let end = v - 1;
  while (end > noun && (table.clauseWords.has(tokens[end]!.lower) || table.copulas.has(tokens[end]!.lower))) end -= 1;
  return text.slice(tokens[noun]!.start, tokens[end]!.end);
}
