/**
 * ../shared/data: real model outputs and benchmarks that some tests measure against, kept beside this
 * repository rather than in it (see its README). A test that needs a file there fails when the file is
 * missing, naming it, so a headline figure can never pass by being skipped. Someone without the data
 * can opt out with ACEMATH_SKIP_SHARED_DATA=1: then those tests are skipped and the run's summary
 * counts them ("N skipped").
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

export const SHARED_DATA = join(__dirname, "../../../shared/data");

/** The absolute path of `relative` under ../shared/data; fails the test (or skips it, when opted out) if missing. */
export function sharedDataFile(test: Mocha.Context, relative: string): string {
  const file = join(SHARED_DATA, relative);
  if (existsSync(file)) return file;
  if (process.env.ACEMATH_SKIP_SHARED_DATA === "1") test.skip();
  throw new Error(
    `${file} is missing: this test measures against ../shared/data. Check it out beside the repository, or set ACEMATH_SKIP_SHARED_DATA=1 to skip such tests.`,
  );
}
