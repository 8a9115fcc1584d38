// @ts-check
import js from "@eslint/js";
import { builtinModules } from "node:module";
import tseslint from "typescript-eslint";
import { LAZY_ONLY, LAZY_ONLY_EXCEPT } from "./scripts/bundles.mjs";

// The layers' import boundaries (ARCHITECTURE.md, "Invariants"). ESLint's `no-restricted-imports` takes one
// configuration per file, so each layer below lists everything it must not import in one place.

/** `fs`, `node:fs`, `fs/promises`, `worker_threads`, …: every Node built-in, however it is spelt. */
const nodeBuiltins = (message) => ({
  paths: builtinModules.map((name) => ({ name, message })),
  patterns: [{ group: ["node:*"], message }],
});
const noVscode = (message) => ({ name: "vscode", message });
/** A relative import of another layer's folder (`../backends/http/transport`, `../../webview`). */
const layer = (name, message) => ({ group: [`**/${name}`, `**/${name}/**`], message });

/** Packages that only the Node side runs (HTTP SDK, embedded engine, CAS in the grading worker). */
const NODE_ONLY_PACKAGES = ["openai", "node-llama-cpp", "@cortex-js/compute-engine"];

/** The product never reaches into tests: the simulated backend in test/sim is a fixture, never a fallback. */
const noTests = layer("test", "Product code never imports tests or test fixtures (the simulator is one).");

function restrict(files, { paths = [], patterns = [], builtins = null }) {
  const fromBuiltins = builtins === null ? { paths: [], patterns: [] } : nodeBuiltins(builtins);
  return {
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...paths, ...fromBuiltins.paths],
          patterns: [...patterns, noTests, ...fromBuiltins.patterns],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "dist-*/**", // dist-vsix, dist-platform: packaged builds
      "out/**",
      "node_modules/**",
      ".vscode-test/**",
      "test-artifacts/**",
      "media/katex/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
      "no-console": "off",
    },
  },
  {
    // Type-aware rules for the product's code: a promise nobody awaits loses its error (an unhandled
    // rejection in the extension host) and its ordering. `void` marks the few intended fire-and-forgets.
    files: ["src/**/*.ts"],
    ignores: ["**/*.d.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  restrict(["src/core/**/*.ts"], {
    paths: [
      noVscode(
        "src/core must not depend on the VS Code API; declare a port in core and adapt it in src/extension.",
      ),
      ...NODE_ONLY_PACKAGES.filter((name) => name !== "@cortex-js/compute-engine").map((name) => ({
        name,
        message: "src/core is pure: I/O adapters live in src/backends.",
      })),
    ],
    patterns: [
      layer(
        "backends",
        "src/core declares ports; the adapters in src/backends implement them, never the reverse.",
      ),
      layer("extension", "src/core must not import the layers above it."),
      layer("webview", "src/core must not import the layers above it."),
      layer("cli", "src/core must not import the layers above it."),
    ],
    builtins: "src/core is pure TypeScript (no I/O): Node built-ins belong in src/backends.",
  }),
  restrict(["src/contract/**/*.ts"], {
    paths: [noVscode("The message contract is plain data, shared with the webview.")],
    patterns: ["backends", "extension", "webview", "cli"].map((name) =>
      layer(name, "The message contract depends on nothing but core types."),
    ),
    builtins: "The message contract is shared with the webview, which has no Node.",
  }),
  restrict(["src/webview/**/*.ts"], {
    paths: [
      noVscode("The webview cannot use the VS Code API; post a message instead."),
      ...NODE_ONLY_PACKAGES.map((name) => ({
        name,
        message: "The webview runs in a browser sandbox; Node-side work stays in the extension.",
      })),
    ],
    patterns: [
      layer("extension", "The webview shares only src/contract with the extension."),
      layer("cli", "The webview shares only src/contract with the extension."),
      layer("backends", "The webview never does I/O: src/backends is for the extension and the CLI."),
    ],
    builtins: "The webview runs in a browser sandbox: no Node built-ins.",
  }),
  restrict(["src/backends/**/*.ts"], {
    paths: [noVscode("src/backends is shared by the extension and the CLI: no VS Code API.")],
    patterns: ["extension", "webview", "cli"].map((name) =>
      layer(name, "src/backends serves the extension and the CLI; it must not import them."),
    ),
  }),
  restrict(["src/extension/**/*.ts"], {
    patterns: [
      layer("webview", "The extension shares only src/contract with the webview."),
      layer("cli", "The extension and the CLI share src/core and src/backends, not each other."),
    ],
  }),
  {
    // Activation loads only the thin layer: the heavy modules (scripts/bundles.mjs LAZY_ONLY) are a second
    // bundle, reached for values only through src/extension/lazy.ts (`lazy().name`); types are free.
    // A rule of its own (the typescript-eslint variant, which knows type imports), so it adds to the
    // layer block above instead of replacing it.
    files: ["src/extension/**/*.ts"],
    ignores: ["src/extension/lazyModules.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                ...LAZY_ONLY.flatMap((path) => {
                  const module = path.replace(/^src\//, "**/").replace(/\.ts$/, "");
                  if (!path.endsWith("/")) return [module];
                  // The folder itself (its index) too, unless an exception lies inside: a pattern that
                  // matches a folder would keep the exception's "!" from taking effect (gitignore rules).
                  const index = LAZY_ONLY_EXCEPT.some((e) => e.startsWith(path)) ? [] : [module.slice(0, -1)];
                  return [...index, `${module}**`];
                }),
                ...LAZY_ONLY_EXCEPT.map((path) => `!${path.replace(/^src\//, "**/").replace(/\.ts$/, "")}`),
              ],
              allowTypeImports: true,
              message:
                "Activation must not load this: import its types here and its values through lazy() (src/extension/lazy.ts), re-exported by lazyModules.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // The VS Code API as a plain require: esbuild wraps a namespace or named import of an external
    // CommonJS module in `__toESM`, which copies the module's ~300 names onto a new object once per
    // importing module, at activation (17 ms for the 33 modules of the activation bundle; bench/README.md).
    // test/unit/scripts/activationBundle.test.ts checks the built bundle.
    files: ["src/extension/**/*.ts"],
    rules: {
      "@typescript-eslint/no-require-imports": ["error", { allowAsImport: true }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value='vscode'][importKind!='type']",
          message:
            'Write `import vscode = require("vscode");` (types: `import type * as vscode`): esbuild copies a namespace import\'s names once per module at activation.',
        },
      ],
    },
  },
  restrict(["src/cli/**/*.ts"], {
    paths: [noVscode("The CLI runs without VS Code.")],
    patterns: [
      layer("extension", "The extension and the CLI share src/core and src/backends, not each other."),
      layer("webview", "The CLI has no webview."),
    ],
  }),
  {
    files: ["**/*.mjs", "**/*.js", "**/*.cjs"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        Buffer: "readonly",
        __dirname: "readonly",
        module: "writable",
        require: "readonly",
      },
    },
  },
);
