// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["node_modules", "dist", "coverage", "**/*.png"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    // Plain Node scripts (CI helpers): Node's globals.
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": "off",
    },
  },
  {
    // The engine and the operations layer know nothing of Discord (DESIGN.md: layers); what
    // needs discord.js belongs in src/bot, src/http or the renderers.
    files: [
      "src/ops/**",
      "src/dataset/**",
      "src/search/**",
      "src/answers/**",
      "src/conversation/**",
      "src/model/**",
      "src/text/**",
      "src/engine*.ts",
      "src/create-engine.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["discord.js", "@discordjs/*", "discord-api-types", "discord-api-types/*"],
              message: "Only src/bot, src/http, the renderers and commands import Discord.",
            },
          ],
        },
      ],
    },
  },
);
