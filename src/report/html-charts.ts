// The HTML page's charts: inline SVG, each with a text alternative and a legend.
import { num, share } from './text.js';
import { esc } from './html-kit.js';

/** A horizontal stacked bar chart: one row per label, segments by key. */
export function barChart<K extends string>(
  id: string,
  title: string,
  desc: string,
  rows: ReadonlyArray<{ label: string; values: Record<K, number> }>,
  keys: readonly K[],
  colors: Record<K, string>,
  names: Record<K, string>,
): string {
  const labelWidth = Math.min(260, 12 + 7 * Math.max(8, ...rows.map((r) => r.label.length)));
  const barWidth = 560;
  const rowHeight = 22;
  const max = Math.max(1, ...rows.map((r) => keys.reduce((n, k) => n + r.values[k], 0)));
  const height = rows.length * rowHeight + 6;
  const width = labelWidth + barWidth + 70;
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y = 3 + i * rowHeight;
    const total = keys.reduce((n, k) => n + r.values[k], 0);
    parts.push(`<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${esc(r.label)}</text>`);
    let x = labelWidth;
    for (const k of keys) {
      const v = r.values[k];
      if (v === 0) continue;
      const w = Math.max(1, (v / max) * barWidth);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${colors[k]}"><title>${esc(`${r.label}: ${num(v)} ${names[k]}`)}</title></rect>`,
      );
      x += w;
    }
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + 15}">${num(total)}</text>`);
  });
  const legend = keys
    .map(
      (k) =>
        `<li data-fx="${k}"><span class="dot" style="background:${colors[k]}" aria-hidden="true"></span>${esc(names[k])}</li>`,
    )
    .join('');
  return `<figure><figcaption id="${id}-t">${esc(title)}</figcaption><div class="scroll" tabindex="0" role="region" aria-label="${esc(title)} (scrolls sideways)"><svg role="img" aria-labelledby="${id}-t ${id}-d" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><desc id="${id}-d">${esc(desc)}</desc>${parts.join('')}</svg></div><ul class="legend">${legend}</ul></figure>`;
}

/** One stacked bar with a legend that carries the numbers (for the statement statuses). */
export function shareBar<K extends string>(
  label: string,
  values: Record<K, number>,
  keys: readonly K[],
  colors: Record<K, string>,
  names: Record<K, string>,
  dataName: string,
): string {
  const total = keys.reduce((n, k) => n + values[k], 0);
  const width = 300;
  let x = 0;
  const rects: string[] = [];
  for (const k of keys) {
    if (values[k] === 0 || total === 0) continue;
    const w = Math.max(1, (values[k] / total) * width);
    rects.push(`<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="14" fill="${colors[k]}"></rect>`);
    x += w;
  }
  const desc = keys.map((k) => `${names[k]} ${num(values[k])}`).join(', ');
  const list = keys
    .map(
      (k) =>
        `<li><span><span class="dot" style="background:${colors[k]}" aria-hidden="true"></span>${esc(names[k])}</span><span><span data-${dataName}="${k}">${num(values[k])}</span> <span class="muted">${share(values[k], total)}</span></span></li>`,
    )
    .join('');
  return `<svg role="img" aria-label="${esc(`${label}: ${desc}`)}" width="100%" height="14" viewBox="0 0 ${width} 14" preserveAspectRatio="none">${rects.join('')}</svg><ul>${list}</ul>`;
}
