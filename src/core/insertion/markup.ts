/** Which markup a document speaks; one table of language ids (the problem extractor's) decides. */
import { dialectOf } from "../problem/extract";

export type Markup = "latex" | "markdown" | "plain";

export function markupFor(languageId: string): Markup {
  switch (dialectOf(languageId)) {
    case "latex":
      return "latex";
    case "markdown":
      return "markdown";
    case "plaintext":
      return "plain";
  }
}
