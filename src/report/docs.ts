// What the report takes from a rule's page (rules/<id>.md) rather than repeating it: the first
// paragraph of "Why", and the passage that names the vendor source and says whether the fact is
// sourced or inferred. test/meta.test.ts holds every rule's page to the shape read here.

export type Evidence = 'sourced' | 'inferred' | 'sourced, partly inferred';

export interface RuleDocFacts {
  /** The first paragraph of the Why section (markdown). */
  readonly why: string;
  /** The paragraph or list item of Why that links the rule's source (markdown). */
  readonly sourceText: string;
  /** What that passage (or, if it says neither, the Why section) says of the fact. */
  readonly evidence: Evidence;
}

/** The text under `## heading` up to the next `## `, or null. */
function section(doc: string, heading: string): string | null {
  const parts = doc.split(/^## /m);
  const found = parts.find((p) => p.startsWith(heading + '\n'));
  return found === undefined ? null : found.slice(heading.length + 1);
}

/** Paragraphs and top-level list items, each joined into one line of markdown. */
function blocks(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) out.push(current.join(' ').replace(/\s+/g, ' ').trim());
    current = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') flush();
    else if (/^- /.test(line)) {
      flush();
      current.push(line.slice(2));
    } else current.push(line.trim());
  }
  flush();
  return out.filter((b) => b !== '');
}

function evidenceIn(text: string): Evidence | null {
  const sourced = /\bsourced\b/.test(text);
  const inferred = /\binferred\b/.test(text);
  if (sourced && inferred) return 'sourced, partly inferred';
  if (sourced) return 'sourced';
  if (inferred) return 'inferred';
  return null;
}

/** The facts above from a rule page, or null when the page lacks a Why section naming `sourceUrl`. */
export function ruleDocFacts(doc: string, sourceUrl: string): RuleDocFacts | null {
  const why = section(doc, 'Why');
  if (why === null) return null;
  const all = blocks(why);
  const source = all.find((b) => b.includes(sourceUrl));
  if (all.length === 0 || source === undefined) return null;
  const evidence = evidenceIn(source) ?? evidenceIn(why);
  if (evidence === null) return null;
  return { why: all[0]!, sourceText: source, evidence };
}
