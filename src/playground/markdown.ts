// A small Markdown renderer for the rule pages (rules/<id>.md), which use headings, paragraphs,
// `-` lists (with wrapped lines), fenced code, inline code, **bold**, *emphasis* and [links](url).
// It builds DOM nodes with textContent, never HTML strings, so nothing in a page can inject markup.

/** The DOM nodes of `markdown` (a rule page), built in `doc` and ready to append. */
export function markdownToDom(markdown: string, doc: Document = document): DocumentFragment {
  const out = doc.createDocumentFragment();
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let k = 0;
  while (k < lines.length) {
    const line = lines[k]!;
    if (line.trim() === '') {
      k++;
      continue;
    }
    const fence = /^```(\w*)\s*$/.exec(line);
    if (fence) {
      const code: string[] = [];
      k++;
      while (k < lines.length && !/^```\s*$/.test(lines[k]!)) code.push(lines[k++]!);
      k++;
      const pre = doc.createElement('pre');
      const el = doc.createElement('code');
      if (fence[1]) el.className = `language-${fence[1]}`;
      el.textContent = code.join('\n');
      pre.append(el);
      out.append(pre);
      continue;
    }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      // The page's own title is an h2 in the dialog; its sections are h3 and below.
      const level = Math.min(6, heading[1]!.length + 1);
      const h = doc.createElement(`h${level}`);
      appendInline(h, heading[2]!, doc);
      out.append(h);
      k++;
      continue;
    }
    if (/^\s*[-*]\s+/.test(line)) {
      const list = doc.createElement('ul');
      while (k < lines.length && /^\s*[-*]\s+/.test(lines[k]!)) {
        const item: string[] = [lines[k]!.replace(/^\s*[-*]\s+/, '')];
        k++;
        while (k < lines.length && /^\s{2,}\S/.test(lines[k]!) && !/^\s*[-*]\s+/.test(lines[k]!)) {
          item.push(lines[k]!.trim());
          k++;
        }
        const li = doc.createElement('li');
        appendInline(li, item.join(' '), doc);
        list.append(li);
      }
      out.append(list);
      continue;
    }
    const para: string[] = [];
    while (
      k < lines.length &&
      lines[k]!.trim() !== '' &&
      !/^```/.test(lines[k]!) &&
      !/^#{1,6}\s/.test(lines[k]!) &&
      !/^\s*[-*]\s+/.test(lines[k]!)
    ) {
      para.push(lines[k]!.trim());
      k++;
    }
    const p = doc.createElement('p');
    appendInline(p, para.join(' '), doc);
    out.append(p);
  }
  return out;
}

/** Inline markup, scanned by hand (no backtracking regular expression over a whole paragraph). */
function appendInline(parent: HTMLElement, text: string, doc: Document): void {
  let plain = '';
  const flush = () => {
    if (plain !== '') parent.append(plain);
    plain = '';
  };
  let k = 0;
  while (k < text.length) {
    const c = text[k]!;
    if (c === '`') {
      const end = text.indexOf('`', k + 1);
      if (end > k + 1) {
        flush();
        const code = doc.createElement('code');
        code.textContent = text.slice(k + 1, end);
        parent.append(code);
        k = end + 1;
        continue;
      }
    } else if (c === '*' && text[k + 1] === '*') {
      const end = text.indexOf('**', k + 2);
      if (end > k + 2) {
        flush();
        const b = doc.createElement('strong');
        appendInline(b, text.slice(k + 2, end), doc);
        parent.append(b);
        k = end + 2;
        continue;
      }
    } else if (c === '*' && text[k + 1] !== undefined && text[k + 1] !== ' ') {
      const end = text.indexOf('*', k + 1);
      if (end > k + 1) {
        flush();
        const em = doc.createElement('em');
        appendInline(em, text.slice(k + 1, end), doc);
        parent.append(em);
        k = end + 1;
        continue;
      }
    } else if (c === '[') {
      const close = text.indexOf('](', k + 1);
      const end = close < 0 ? -1 : text.indexOf(')', close + 2);
      if (close > k + 1 && end > close + 2 && !text.slice(k + 1, close).includes(']')) {
        flush();
        const a = doc.createElement('a');
        const href = text.slice(close + 2, end);
        // Only web links leave the page (in a new tab, when the user clicks); anything else stays text.
        if (href.startsWith('https://') || href.startsWith('http://')) {
          a.href = href;
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
        }
        appendInline(a, text.slice(k + 1, close), doc);
        parent.append(a);
        k = end + 1;
        continue;
      }
    }
    plain += c;
    k++;
  }
  flush();
}
