export interface CodeServerArgsOptions {
  configFile: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  trusted: boolean;
  folder: string;
}
export function codeServerArgs(options: CodeServerArgsOptions): string[];
