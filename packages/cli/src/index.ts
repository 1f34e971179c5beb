/**
 * @packageDocumentation
 * `@fairtender/cli`: the `fairtender` command. `main(argv, io?)` runs it in-process (for tests and
 * for tools that embed it); the `fairtender` bin calls it with the process's arguments and streams.
 */
import { readFileSync } from "node:fs";
import { EXIT, type InputError, UsageError } from "./errors.js";
import { type Context, type Io, type Output, println, processIo } from "./io.js";
import { problemLines } from "./problems.js";

export { EXIT } from "./errors.js";
export type { Context, Io, Output } from "./io.js";

/** A command module: its help text and what it does. Each lives in `src/commands/<name>.ts`. */
export interface CommandModule {
  /** Full `--help` text, with usage, options and an example. */
  help: string;
  /** Runs the command with its own arguments; resolves to the exit status. */
  run(args: string[], context: Context): Promise<number>;
}

/** The commands, loaded only when run, so `fairtender --version` loads none of them. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  init: { summary: "write a commented example tender profile", load: () => import("./commands/init.js") },
  validate: { summary: "check tender profiles and list every problem", load: () => import("./commands/validate.js") },
  select: {
    summary: "show which regimes, clauses and obligations apply, and why",
    load: () => import("./commands/select.js"),
  },
  generate: {
    summary: "write tender packs (.docx, .md, .html), the selection (.json), the obligations calendar (.csv, .ics)",
    load: () => import("./commands/generate.js"),
  },
  clauses: { summary: "list the clause library or show one clause", load: () => import("./commands/clauses.js") },
  import: {
    summary: "read an eForms notice or an OCDS release into a tender profile, with where every field came from",
    load: () => import("./commands/import.js"),
  },
  schema: {
    summary: "print the JSON Schema of a profile, clause, obligation, selection or library",
    load: () => import("./commands/schema.js"),
  },
  serve: {
    summary: "run the HTTP service: select, pack, import and export as JSON, with an OpenAPI document",
    load: () => import("./commands/serve.js"),
  },
};

/** The version of this package (read from its package.json, one level above src/ and dist/). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

const HELP = `fairtender: anti-trafficking and forced-labour clauses for public tenders

Usage: fairtender <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join("\n")}

Options:
  -h, --help     show help (also after a command: fairtender generate --help)
  -V, --version  print the version
      --debug    print stack traces of unexpected errors

Example:
  fairtender init tender.yaml
  fairtender validate tender.yaml
  fairtender generate tender.yaml --out out --format docx,md,html

Exit status: 0 success, 1 invalid input (or a profile failed), 2 usage error.`;

/** Same test as core's `isFairtenderError`, without loading core (and zod) for `--version`. */
function isFairtenderError(value: unknown): value is Error & { code: string; issues: readonly { message: string }[] } {
  return (
    value instanceof Error &&
    value.name === "FairtenderError" &&
    typeof (value as { code?: unknown }).code === "string" &&
    Array.isArray((value as { issues?: unknown }).issues)
  );
}

function reportError(error: unknown, err: Output, debug: boolean): number {
  // By name, not instanceof: a second copy of this module (bundling, test module resets) stays recognised.
  if (error instanceof Error && error.name === "UsageError") {
    const usage = error as UsageError;
    println(err, `fairtender: ${usage.message}`);
    println(err, `Run 'fairtender ${usage.command ? `${usage.command} ` : ""}--help' for usage.`);
    return EXIT.usage;
  }
  if (error instanceof Error && error.name === "InputError") {
    const input = error as InputError;
    println(err, `error: ${input.message}`);
    if (input.file !== undefined && input.issues.length > 0) {
      for (const line of problemLines(input.file, input.problems, input.issues)) println(err, line);
    } else for (const p of input.problems) println(err, `  - ${p}`);
    return EXIT.invalid;
  }
  if (isFairtenderError(error)) {
    const lines = error.message.split("\n");
    println(err, `error: ${lines[0]}`);
    if (error.issues.length > 0) for (const i of error.issues) println(err, `  - ${i.message}`);
    else for (const l of lines.slice(1)) println(err, l);
    if (debug && error.stack) println(err, error.stack);
    return EXIT.invalid;
  }
  const message = error instanceof Error ? error.message : String(error);
  println(err, `error: unexpected: ${message}`);
  if (debug && error instanceof Error && error.stack) println(err, error.stack);
  else println(err, "(run again with --debug for details)");
  return EXIT.invalid;
}

/**
 * Runs `fairtender` with `argv` (the arguments after the program name) and resolves to the exit
 * status: 0 success, 1 invalid input, 2 usage error. Never throws and never exits the process;
 * output goes to `io` (the process's streams by default).
 *
 * @example
 * ```ts
 * const status = await main(["validate", "tender.yaml"]);
 * ```
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const args = [...argv];
  const end = args.indexOf("--");
  const globalPart = end === -1 ? args : args.slice(0, end);
  const debug = globalPart.includes("--debug");
  const context: Context = { io, debug };
  try {
    const command = args.find((a) => !a.startsWith("-"));
    const commandAt = command === undefined ? -1 : args.indexOf(command);
    const before = commandAt === -1 ? args : args.slice(0, commandAt);
    for (const flag of before) {
      if (flag === "--debug") continue;
      if (flag === "--version" || flag === "-V") {
        println(io.stdout, version());
        return EXIT.ok;
      }
      if (flag === "--help" || flag === "-h") {
        println(io.stdout, HELP);
        return EXIT.ok;
      }
      const { suggest } = await import("./suggest.js");
      const hit = suggest(flag.replace(/^-+/, ""), ["help", "version", "debug"], 1)[0];
      throw new UsageError(`unknown option ${flag}${hit ? ` (did you mean --${hit}?)` : ""}`);
    }
    if (command === undefined) {
      println(io.stderr, HELP);
      return EXIT.usage;
    }
    if (command === "help") {
      const topic = args[commandAt + 1];
      if (topic && Object.hasOwn(COMMANDS, topic)) {
        println(io.stdout, (await COMMANDS[topic]!.load()).help);
      } else println(io.stdout, HELP);
      return EXIT.ok;
    }
    const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!entry) {
      const { suggest } = await import("./suggest.js");
      const hits = suggest(command, Object.keys(COMMANDS));
      throw new UsageError(
        `unknown command ${JSON.stringify(command)}${hits.length ? ` (did you mean ${hits.map((h) => `'${h}'`).join(" or ")}?)` : ""}`,
      );
    }
    const module = await entry.load();
    const rest = args.slice(commandAt + 1);
    const restGlobal = rest.indexOf("--") === -1 ? rest : rest.slice(0, rest.indexOf("--"));
    if (restGlobal.includes("--help") || restGlobal.includes("-h")) {
      println(io.stdout, module.help);
      return EXIT.ok;
    }
    return await module.run(rest, context);
  } catch (error) {
    return reportError(error, io.stderr, debug);
  }
}
