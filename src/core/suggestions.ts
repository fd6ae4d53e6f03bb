// The library's `suggestions` option checked against the rules, for fix and fixStream alike.
import { ConfigError } from './errors.js';
import type { Rule } from './rule.js';

/** Throws ConfigError when `suggestions` names a rule that does not exist or never suggests. */
export function checkSuggestionRules(
  rules: readonly Rule[],
  options: { readonly suggestions?: boolean | readonly string[] },
): void {
  if (!Array.isArray(options.suggestions)) return;
  for (const id of options.suggestions as readonly string[]) {
    const rule = rules.find((r) => r.meta.id === id);
    if (rule === undefined) throw new ConfigError(`suggestions: unknown rule "${id}"`);
    if (!rule.meta.fixable.includes('suggestion')) {
      throw new ConfigError(`suggestions: rule "${id}" makes no suggestions`);
    }
  }
}
