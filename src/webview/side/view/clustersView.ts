/**
 * The answer clusters: one row per distinct final answer, with votes, mean and max reward score,
 * and which cluster each policy picks. When the policies disagree a plain sentence says so above
 * the table: that is the signal a user needs before trusting the top answer.
 */
import type { SidePolicy, SideProblem } from "../../../contract/sidePanelMessages";
import { SIDE_POLICIES } from "../../../contract/sidePanelMessages";
import { candidateLabel } from "../../../core/solve/candidateLabel";
import { showAnswerMath } from "../../view/answerMath";
import { el } from "../../view/dom";
import { POLICY_DESCRIPTIONS, POLICY_NAMES, scoreLabel } from "./labels";

function scoreCell(score: number | null, className: string): HTMLElement {
  const label = scoreLabel(score);
  return el("td", { className: `num ${className}`, text: label.text, attrs: { "aria-label": label.aria } });
}

function policyBadge(policy: SidePolicy, inEffect: boolean): HTMLElement {
  const description = `Picked by ${POLICY_NAMES[policy]}: ${POLICY_DESCRIPTIONS[policy]}${inEffect ? " (orders the solve panel)" : ""}`;
  return el("span", {
    className: `badge policy-badge policy-${policy}${inEffect ? " in-effect" : ""}`,
    text: POLICY_NAMES[policy],
    attrs: { title: description, "aria-label": description, "data-policy": policy },
  });
}

function clusterRow(problem: SideProblem, position: number): HTMLTableRowElement {
  const cluster = problem.clusters[position]!;
  const answer = el("div", { className: "cluster-answer-text" });
  showAnswerMath(answer, cluster.answer);
  const pickedBy = SIDE_POLICIES.filter((policy) => problem.picks[policy] === position);
  const members = cluster.members.map(candidateLabel).join(", ");
  return el(
    "tr",
    {
      className: "cluster",
      attrs: {
        "data-answer": cluster.answer,
        "data-votes": String(cluster.votes),
        title: `Candidates ${members}`,
      },
    },
    [
      // The policies' picks sit under the answer: a fifth column would not fit a narrow side bar.
      el("td", { className: "cluster-answer" }, [
        answer,
        pickedBy.length > 0
          ? el(
              "div",
              { className: "picked-by" },
              pickedBy.map((policy) => policyBadge(policy, policy === problem.policy)),
            )
          : null,
      ]),
      el("td", {
        className: "num votes",
        text: String(cluster.votes),
        attrs: { "aria-label": `${cluster.votes} of ${problem.candidates.length} votes` },
      }),
      scoreCell(cluster.meanScore, "mean-score"),
      scoreCell(cluster.maxScore, "max-score"),
    ],
  );
}

/**
 * What the policies pick, with the answers typeset like everywhere else in the panel (KaTeX with the
 * untrusted-LaTeX options, via `showAnswerMath`); the plain sentence, answers as source, is the tooltip.
 * A page restored from an older saved state may lack the parts: it shows the plain sentence.
 */
function policiesSentence(problem: SideProblem): HTMLElement {
  const parts = problem.sentenceParts ?? [{ kind: "text", text: problem.sentence }];
  return el(
    "p",
    {
      className: problem.disagree ? "disagreement" : "agreement",
      attrs: { title: problem.sentence, ...(problem.disagree ? { role: "status" } : {}) },
    },
    parts.map((part) => {
      if (part.kind === "text") return document.createTextNode(part.text);
      const answer = el("span", { className: "sentence-answer" });
      showAnswerMath(answer, part.answer);
      return answer;
    }),
  );
}

export function clustersView(problem: SideProblem): HTMLElement {
  const head = el("thead", {}, [
    el("tr", {}, [
      el("th", { text: "Answer · picked by", attrs: { scope: "col" } }),
      el("th", { className: "num", text: "Votes", attrs: { scope: "col" } }),
      el("th", { className: "num", text: "Mean", attrs: { scope: "col", title: "Mean reward score" } }),
      el("th", { className: "num", text: "Max", attrs: { scope: "col", title: "Highest reward score" } }),
    ]),
  ]);
  const body = el(
    "tbody",
    {},
    problem.clusters.map((_, position) => clusterRow(problem, position)),
  );
  const sentence = policiesSentence(problem);
  return el("section", { className: "clusters-section", attrs: { "aria-label": "Answer clusters" } }, [
    sentence,
    problem.clusters.length > 0
      ? el("table", { className: "clusters" }, [head, body])
      : el("p", { className: "empty", text: "No final answers yet." }),
  ]);
}
