// The playground's state in the URL fragment, so that a link reproduces a case:
// `#target=<id>&sql=<base64url of the UTF-8 text>`, plus `&lossy=1` when lossy fixes are on.
// `#rule=<id>` (alone or added) opens a rule's page.

export interface PageState {
  readonly target: string;
  readonly sql: string;
  readonly lossy: boolean;
}

export interface ParsedFragment {
  readonly target?: string;
  readonly sql?: string;
  readonly lossy: boolean;
  readonly rule?: string;
  /** What could not be read, for the page to say so (the rest of the fragment still applies). */
  readonly problems: string[];
}

/** base64url (RFC 4648 §5, no padding) of the UTF-8 bytes of `text`. */
export function encodeText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const CHUNK = 0x8000;
  for (let k = 0; k < bytes.length; k += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(k, k + CHUNK));
  }
  return trimPadding(btoa(binary).replace(/\+/g, '-').replace(/\//g, '_'));
}

function trimPadding(b64: string): string {
  let end = b64.length;
  while (end > 0 && b64[end - 1] === '=') end--;
  return b64.slice(0, end);
}

/** The text whose UTF-8 bytes `encoded` holds in base64url (padding optional); throws on bad input. */
export function decodeText(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded)) throw new Error('not base64url');
  const b64 = trimPadding(encoded).replace(/-/g, '+').replace(/_/g, '/');
  if (b64.length % 4 === 1) throw new Error('not base64url (bad length)');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  // fatal: invalid UTF-8 is an error, not U+FFFD; ignoreBOM: a BOM stays part of the text, as in the CLI.
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** The fragment (without `#`) for `state`. */
export function encodeFragment(state: PageState): string {
  let out = `target=${encodeURIComponent(state.target)}&sql=${encodeText(state.sql)}`;
  if (state.lossy) out += '&lossy=1';
  return out;
}

/** Reads a fragment (with or without `#`); unknown keys are ignored. */
export function parseFragment(fragment: string): ParsedFragment {
  const problems: string[] = [];
  let target: string | undefined;
  let sql: string | undefined;
  let lossy = false;
  let rule: string | undefined;
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      problems.push(`the link's ${key}= is not valid URL encoding`);
      continue;
    }
    if (key === 'target') target = value;
    else if (key === 'rule') rule = value;
    else if (key === 'lossy') lossy = value === '1' || value === 'true';
    else if (key === 'sql') {
      try {
        sql = decodeText(value);
      } catch (e) {
        const why = e instanceof TypeError ? 'is not valid UTF-8' : 'is not valid base64url';
        problems.push(`the link's sql= ${why}; the script was not loaded`);
      }
    }
  }
  return { target, sql, lossy, rule, problems };
}
