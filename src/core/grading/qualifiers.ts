/** Qualifiers of a general answer, which are not part of its value. */
import { isProse } from "./answerText";

/**
 * `\frac{\pi}{2}+k\pi, k \in \mathbb{Z}`, `f(x) = x \text{ for all } x`, "where k is an integer":
 * the qualifier of a general answer is not part of its value.
 */
export function dropIntegerQualifier(s: string): string {
  let t = s;
  if (/for|where|\\forall/.test(t))
    t = t.replace(QUALIFYING_CLAUSE, (all, offset: number) =>
      offset > 0 && !isProse(t.slice(0, offset), 1) ? "" : all,
    );
  if (!t.includes("\\mathbb")) return t;
  return t.replace(INTEGER_QUALIFIER, (all, _k, offset: number) => (offset > 0 ? "" : all));
}

const QUALIFYING_CLAUSE =
  /(?:\s|,|\\[,;: ]|\\q?quad)*(?:\\text\s*\{\s*|\()?(?<![a-zA-Z])(?:for\s+(?:all|any|every|each|some)|where|\\forall)(?![a-zA-Z])[^]*$/;

const INTEGER_QUALIFIER =
  /\s*(?:,|\\[,;: ]|\\q?quad|\()*\s*(?:\\text\s*\{[^{}]*\})?\s*(?<![\\a-zA-Z])([a-zA-Z](?:\s*,\s*[a-zA-Z])*)\s*\\in\s*\\mathbb\s*\{?[ZN]\}?\s*\)?\s*$/;
