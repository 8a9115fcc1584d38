/** The `acemath` command line: the same core as the extension, for terminals and scripts. */
import { CHECK_USAGE, runCheck } from "./check";
import { DOCTOR_USAGE, runDoctor } from "./doctor";
import { EVAL_USAGE, runEval } from "./eval";
import { FETCH_MODEL_USAGE, runFetchModel } from "./fetchModel";
import { runGrade } from "./grade";
import { UsageError, type CliIo } from "./io";
import { runSolve, SOLVE_USAGE } from "./solve";

const USAGE = `usage: acemath <command> [options]

commands:
  ${SOLVE_USAGE.replace(/\n/g, "\n  ")}

  ${DOCTOR_USAGE.replace(/\n/g, "\n  ")}

  ${EVAL_USAGE.replace(/\n/g, "\n  ")}

  acemath grade [FILE|-]   grade JSONL lines {gold, pred|solution}; writes JSONL with extracted, equal, reason

  ${CHECK_USAGE}

  ${FETCH_MODEL_USAGE.replace(/\n/g, "\n  ")}
`;

export async function main(argv: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "solve":
        return await runSolve(rest, io, signal);
      case "doctor":
        return await runDoctor(rest, io, signal);
      case "eval":
        return await runEval(rest, io, signal);
      case "grade":
        return await runGrade(rest, io);
      case "check":
        return await runCheck(rest, io, signal);
      case "fetch-model":
        return await runFetchModel(rest, io, signal);
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : "no command given");
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`acemath: ${error.message}\n\n${USAGE}`);
    return 2;
  }
}

if (require.main === module) {
  const abort = new AbortController();
  // Ctrl-C stops the requests; the candidates that arrived are still printed.
  process.once("SIGINT", () => abort.abort());
  main(
    process.argv.slice(2),
    { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env },
    abort.signal,
  )
    .then((code) => (process.exitCode = code))
    .catch((error: unknown) => {
      process.stderr.write(`acemath: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
