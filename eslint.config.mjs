// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
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
    // Architecture invariant: the core is pure TypeScript that any host can run.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "vscode",
              message:
                "src/core must not depend on the VS Code API; add an interface in core and an adapter in src/extension.",
            },
          ],
          patterns: [
            {
              group: ["**/extension/**", "**/webview/**", "**/cli/**"],
              message: "src/core must not import the layers above it.",
            },
          ],
        },
      ],
    },
  },
  {
    // The webview runs in a browser sandbox: it talks to the extension only through the typed contract.
    files: ["src/webview/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "vscode", message: "The webview cannot use the VS Code API; post a message instead." },
          ],
          patterns: [
            {
              group: ["**/extension/**", "**/cli/**"],
              message: "The webview shares only src/contract with the extension.",
            },
          ],
        },
      ],
    },
  },
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
