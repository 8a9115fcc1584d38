/**
 * One numbering of candidates everywhere (the panel's cards and answer table, the side panel, the
 * CLI): #1…#N by the candidate's index in its solve, which never changes, unlike its rank.
 */
export function candidateLabel(index: number): string {
  return `#${index + 1}`;
}
