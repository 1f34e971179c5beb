import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";
import { suggest } from "./suggest.js";

/** The option declarations a command passes to `parseArgs`. */
type Options = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

/** The parsed values of declared options: strings, booleans, or lists of them with `multiple`. */
export type OptionValues<O extends Options> = {
  [K in keyof O]?: O[K] extends { type: "string" }
    ? O[K] extends { multiple: true }
      ? string[]
      : string
    : O[K] extends { multiple: true }
      ? boolean[]
      : boolean;
};

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  debug: { type: "boolean" },
} as const satisfies Options;

/**
 * `node:util` `parseArgs`, strict, with its errors turned into usage errors that name the command
 * (exit status 2) and the `--help`/`--debug` flags every command has.
 */
export function parseCommandArgs<const O extends Options>(
  command: string,
  args: string[],
  options: O,
): { values: OptionValues<O & typeof COMMON_OPTIONS>; positionals: string[] } {
  try {
    return parseArgs({
      args,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    }) as { values: OptionValues<O & typeof COMMON_OPTIONS>; positionals: string[] };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(`unknown option ${flag}${didYouMean(flag, { ...COMMON_OPTIONS, ...options })}`, command);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new UsageError(message.replace(/\.$/, "").replace(/^Option /, "option "), command);
    }
    throw new UsageError(message, command);
  }
}

/**
 * ` (did you mean --format?)` for a mistyped option (`--fromat`, `--out-dir`, `-format`), or "" when
 * no declared option is close. Only long names are suggested.
 */
export function didYouMean(flag: string, options: Options): string {
  const name = flag.replace(/^-+/, "").split("=")[0] ?? "";
  const names = Object.keys(options);
  // `-format` (one dash) for `--format`: the same name.
  if (!flag.startsWith("--") && names.includes(name)) return ` (did you mean --${name}?)`;
  const hits = suggest(name, names, 1);
  return hits.length > 0 ? ` (did you mean --${hits[0]}?)` : "";
}

/** Splits `docx,md` and repeated flags into a clean list. */
export function splitList(values: string | string[] | undefined): string[] {
  const list = values === undefined ? [] : Array.isArray(values) ? values : [values];
  return list
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}
