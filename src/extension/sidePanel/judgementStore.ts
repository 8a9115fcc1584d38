/**
 * Blind-mode judgements, kept locally as JSONL: in the workspace's storage (or the global storage
 * without a workspace), never sent anywhere. "AceMath: Export Judgements" copies them to a file the
 * user picks.
 */
import vscode = require("vscode");
import { judgementLine, parseJudgements, type JudgementRecord } from "./judgementRecord";

const FILE_NAME = "judgements.jsonl";

export class JudgementStore {
  private readonly file: vscode.Uri;
  /** Appends run one after another: two quick verdicts must not overwrite each other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(storage: vscode.Uri) {
    this.file = vscode.Uri.joinPath(storage, FILE_NAME);
  }

  static forContext(context: vscode.ExtensionContext): JudgementStore {
    return new JudgementStore(context.storageUri ?? context.globalStorageUri);
  }

  /** Appends one record; resolves to the number of records stored. */
  append(record: JudgementRecord): Promise<number> {
    const next = this.queue.then(async () => {
      const text = (await this.readText()) + judgementLine(record);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.file, ".."));
      await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(text));
      return parseJudgements(text).length;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async all(): Promise<JudgementRecord[]> {
    return parseJudgements(await this.readText());
  }

  private async readText(): Promise<string> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file));
    } catch {
      return ""; // nothing judged yet
    }
  }
}
