/**
 * `vscode.Uri` as the extension layer uses it: parsed into its parts, compared by `toString()`.
 * Simplification: `toString()` does not percent-encode (VS Code's `toString(true)`), which is what the
 * tests compare against.
 */
const URI_PARTS = /^(([^:/?#]+?):)?(\/\/([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?/;

export interface UriParts {
  scheme: string;
  authority: string;
  path: string;
  query: string;
  fragment: string;
}

export class Uri {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
  readonly query: string;
  readonly fragment: string;

  private constructor(parts: UriParts) {
    this.scheme = parts.scheme;
    this.authority = parts.authority;
    this.path = parts.path;
    this.query = parts.query;
    this.fragment = parts.fragment;
  }

  /** Like VS Code: a string without a scheme is an error when `strict`, a `file` URI otherwise. */
  static parse(value: string, strict = false): Uri {
    const match = URI_PARTS.exec(value);
    const scheme = match?.[2] ?? "";
    if (scheme === "" && strict)
      throw new Error(`[UriError]: Scheme is missing: {scheme: "", path: "${value}"}`);
    return new Uri({
      scheme: scheme || "file",
      authority: match?.[4] ?? "",
      path: match?.[5] ?? "",
      query: match?.[7] ?? "",
      fragment: match?.[9] ?? "",
    });
  }

  static file(path: string): Uri {
    return new Uri({ scheme: "file", authority: "", path, query: "", fragment: "" });
  }

  static from(parts: Partial<UriParts> & { scheme: string }): Uri {
    return new Uri({ authority: "", path: "", query: "", fragment: "", ...parts });
  }

  static joinPath(base: Uri, ...segments: string[]): Uri {
    const joined = [base.path.replace(/\/+$/, ""), ...segments.map((s) => s.replace(/^\/+|\/+$/g, ""))].join(
      "/",
    );
    return base.with({ path: joined });
  }

  get fsPath(): string {
    return this.path;
  }

  with(change: Partial<UriParts>): Uri {
    return new Uri({ ...this.parts(), ...change });
  }

  toString(): string {
    const { scheme, authority, path, query, fragment } = this;
    return `${scheme}:${authority || scheme === "file" ? `//${authority}` : ""}${path}${query ? `?${query}` : ""}${fragment ? `#${fragment}` : ""}`;
  }

  toJSON(): UriParts {
    return this.parts();
  }

  private parts(): UriParts {
    const { scheme, authority, path, query, fragment } = this;
    return { scheme, authority, path, query, fragment };
  }
}
