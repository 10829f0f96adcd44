// The option reader of `eks-lens check` and `eks-lens map`, on Node's own `util.parseArgs`: it
// splits `--opt=value`, `--opt value`, `-o value` and `--` (everything after it is a PATH, even
// `-x.yaml`); `-` is a PATH (standard input). What this module adds is the checking and the
// messages: parseArgs runs non-strict so that every mistake is reported here in the CLI's own
// words (the same on every Node version) and a value may start with `-` as before
// (`--config -my.yaml`); the checks below are the ones strict mode would make.
import { parseArgs } from 'node:util';

/** Bad usage: main() prints the message and the usage, and exits with status 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once (`--rule a=off --rule b=hint`); the values in order. */
  multiple?: boolean;
  short?: string;
}

export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K]['type'] extends 'string' ? (O[K]['multiple'] extends true ? string[] : string) : boolean;
};

/**
 * Reads `args` against `options` (a later value of an option given twice wins, unless it is
 * `multiple`). `prefix` starts every message (`map: `). The caller checks the values, then
 * `requirePaths`, in that order (as the CLI always has).
 */
export function readArgs<O extends Record<string, OptionSpec>>(args: readonly string[], options: O, prefix = ''): { values: OptionValues<O>; paths: string[] } {
  const { values, positionals, tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) throw new UsageError(`${prefix}unknown option ${token.rawName}`);
    if (spec.type === 'string' && token.value === undefined) throw new UsageError(`${prefix}${token.rawName} needs a value`);
    if (spec.type === 'boolean' && token.inlineValue) throw new UsageError(`${prefix}${token.rawName} takes no value`);
  }
  return { values: values as OptionValues<O>, paths: positionals };
}

/** True when `args` ask for help before any `--`: help wins over every other mistake. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  return options.includes('-h') || options.includes('--help');
}

/** At least one PATH. */
export function requirePaths(paths: readonly string[], prefix = ''): void {
  if (paths.length === 0) throw new UsageError(`${prefix}no PATH given`);
}
