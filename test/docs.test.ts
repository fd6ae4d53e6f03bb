// The documentation as a whole: the README is a front door (short, with an Install section, linking
// the pages under docs/), and every relative link in the README, CONTRIBUTING.md, docs/*.md and
// rules/*.md reaches a file that exists, and a heading there when it names one (`page.md#anchor`,
// with GitHub's heading ids). The examples the pages hold are run where they are tested:
// test/meta.test.ts (configuration.md, rules.md), test/report.test.ts (report.md).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(ROOT, 'docs');

/** The markdown files whose links are checked, as absolute paths. */
function pages(): string[] {
  const inDir = (dir: string): string[] =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(dir, f));
  return [join(ROOT, 'README.md'), join(ROOT, 'CONTRIBUTING.md'), ...inDir(DOCS), ...inDir(join(ROOT, 'rules'))];
}

/**
 * A page's text without fenced code blocks, and without inline code spans unless `keepSpans` (a
 * heading's id keeps their text); `[x](y)` in either is not a link, `# x` in a block not a heading.
 */
function prose(text: string, keepSpans = false): string {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence === null && m) fence = m[1]!;
    else if (fence !== null && m && m[1]!.startsWith(fence) && line.trim() === m[1]) fence = null;
    else if (fence === null) lines.push(keepSpans ? line : line.replace(/(`+)[^`]*?\1/g, ''));
  }
  return lines.join('\n');
}

/** The relative link targets of a page (images included), without absolute URLs. */
function relativeLinks(text: string): string[] {
  return [...prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href));
}

/** GitHub's id of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The ids of a page's headings, with GitHub's -1, -2 … for repeats. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const ids = new Set<string>();
  for (const m of prose(text, true).matchAll(/^#{1,6} +(.+?) *#* *$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.add(n === 0 ? base : `${base}-${n}`);
  }
  return ids;
}

describe('docs', () => {
  it('README is a front door: at most 25,000 bytes, an Install section, at least 5 docs/ pages linked', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(25_000);
    expect(readme).toMatch(/^## Install$/m);
    const linked = new Set(
      relativeLinks(readme)
        .filter((l) => l.startsWith('docs/'))
        .map((l) => l.split('#')[0]),
    );
    expect(linked.size).toBeGreaterThanOrEqual(5);
  });

  it('every page under docs/ is linked from the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const linked = relativeLinks(readme).map((l) => l.split('#')[0]);
    const unlinked = readdirSync(DOCS)
      .filter((f) => f.endsWith('.md'))
      .filter((f) => !linked.includes(`docs/${f}`));
    expect(unlinked).toEqual([]);
  });

  it('every relative link reaches a file, and a heading of it when it names one', () => {
    const broken: string[] = [];
    for (const page of pages()) {
      const text = readFileSync(page, 'utf8');
      for (const href of relativeLinks(text)) {
        const [path, anchor] = href.split('#') as [string, string | undefined];
        const target = path === '' ? page : resolve(dirname(page), decodeURIComponent(path));
        const where = `${relative(ROOT, page)}: ${href}`;
        if (!existsSync(target)) broken.push(`${where} (no such file)`);
        else if (anchor !== undefined && anchor !== '') {
          if (statSync(target).isDirectory() || !target.endsWith('.md')) broken.push(`${where} (anchor on a non-page)`);
          else if (!anchors(readFileSync(target, 'utf8')).has(anchor)) broken.push(`${where} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('the link checker sees links and headings as GitHub does', () => {
    expect(relativeLinks('[a](docs/x.md) `[b](no.md)` [c](https://x.org) ![d](img.png)\n```\n[e](no.md)\n```')).toEqual(
      ['docs/x.md', 'img.png'],
    );
    expect([...anchors('# Proving it: `verify` on a real server\n## husky + lint-staged\n## A\n## A\n')]).toEqual([
      'proving-it-verify-on-a-real-server',
      'husky--lint-staged',
      'a',
      'a-1',
    ]);
  });
});
