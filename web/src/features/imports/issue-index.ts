import type { TImportIssue } from '../../../../src/modules/imports/imports.schemas.ts';

export type IssueIndex = {
  /** Issues of each line, in file order. */
  byLine: Map<number, TImportIssue[]>;
  /** Problems of the whole file (no line). */
  fileLevel: TImportIssue[];
};

export function indexIssues(issues: readonly TImportIssue[]): IssueIndex {
  const byLine = new Map<number, TImportIssue[]>();
  const fileLevel: TImportIssue[] = [];
  for (const issue of issues) {
    if (issue.line === null) {
      fileLevel.push(issue);
      continue;
    }
    const list = byLine.get(issue.line) ?? [];
    list.push(issue);
    byLine.set(issue.line, list);
  }
  return { byLine, fileLevel };
}
