import { describe, expect, it } from "vitest";
import { validateCommandDefinition } from "./command-rules.ts";
import { checkWellFormedStrings, FormErrors } from "./form-errors.ts";
import { validateAutocompleteChoices, validateMessageBody } from "./message-rules.ts";
import { isEmptyMessage, mergeMessage } from "./message-state.ts";
import type { UploadedFile } from "./http-body.ts";
import { resolvePings } from "./message-view.ts";

/**
 * The test server is only as good as its rules: each limit accepts a payload exactly at the limit
 * and rejects one past it, naming the path discord.js would print. Lengths count code points,
 * as Discord's API does (discord/discord-api-docs#1315).
 */

function messageProblems(body: Record<string, unknown>, creating = true): string[] {
  const errors = new FormErrors();
  const { empty } = validateMessageBody(errors, [], body, {
    creating,
    fileCount: 0,
    allowEphemeral: true,
  });
  return [
    ...errors.problems.map((problem) => `${problem.path}:${problem.code}`),
    ...(creating && empty ? ["EMPTY"] : []),
  ];
}

const text = (length: number): string => "a".repeat(length);
const button = (id: string, label = "Go"): Record<string, unknown> => ({
  type: 2,
  style: 1,
  custom_id: id,
  label,
});
const row = (...components: Record<string, unknown>[]): Record<string, unknown> => ({
  type: 1,
  components,
});
const select = (options: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 3,
  custom_id: "menu",
  options: Array.from({ length: options }, (_, index) => ({
    label: `o${index}`,
    value: `v${index}`,
  })),
  ...extra,
});

describe("message limits", () => {
  const cases: [string, (n: number) => Record<string, unknown>, number, string][] = [
    ["content", (n) => ({ content: text(n) }), 2000, "content:BASE_TYPE_MAX_LENGTH"],
    [
      "embeds",
      (n) => ({ embeds: Array.from({ length: n }, () => ({ title: "t" })) }),
      10,
      "embeds:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "title",
      (n) => ({ embeds: [{ title: text(n) }] }),
      256,
      "embeds.0.title:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "description",
      (n) => ({ embeds: [{ description: text(n) }] }),
      4096,
      "embeds.0.description:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "fields",
      (n) => ({
        embeds: [{ fields: Array.from({ length: n }, () => ({ name: "n", value: "v" })) }],
      }),
      25,
      "embeds.0.fields:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "field name",
      (n) => ({ embeds: [{ fields: [{ name: text(n), value: "v" }] }] }),
      256,
      "embeds.0.fields.0.name:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "field value",
      (n) => ({ embeds: [{ fields: [{ name: "n", value: text(n) }] }] }),
      1024,
      "embeds.0.fields.0.value:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "footer",
      (n) => ({ embeds: [{ footer: { text: text(n) } }] }),
      2048,
      "embeds.0.footer.text:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "author",
      (n) => ({ embeds: [{ author: { name: text(n) } }] }),
      256,
      "embeds.0.author.name:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "6000 across embeds",
      (n) => ({ embeds: [{ description: text(4000) }, { description: text(n - 4000) }] }),
      6000,
      "embeds:MAX_EMBED_SIZE_EXCEEDED",
    ],
    [
      "action rows",
      (n) => ({ components: Array.from({ length: n }, (_, i) => row(button(`b${i}`))) }),
      5,
      "components:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "buttons per row",
      (n) => ({ components: [row(...Array.from({ length: n }, (_, i) => button(`b${i}`)))] }),
      5,
      "components.0.components:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "custom id",
      (n) => ({ components: [row(button(text(n)))] }),
      100,
      "components.0.components.0.custom_id:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "button label",
      (n) => ({ components: [row(button("b", text(n)))] }),
      80,
      "components.0.components.0.label:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "select options",
      (n) => ({ components: [row(select(n))] }),
      25,
      "components.0.components.0.options:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "option label",
      (n) => ({
        components: [row({ type: 3, custom_id: "m", options: [{ label: text(n), value: "v" }] })],
      }),
      100,
      "components.0.components.0.options.0.label:BASE_TYPE_MAX_LENGTH",
    ],
    [
      "option description",
      (n) => ({
        components: [
          row({
            type: 3,
            custom_id: "m",
            options: [{ label: "l", value: "v", description: text(n) }],
          }),
        ],
      }),
      100,
      "components.0.components.0.options.0.description:BASE_TYPE_MAX_LENGTH",
    ],
  ];

  it.each(cases)(
    "%s: accepted at the limit, rejected one past it",
    (_name, build, limit, problem) => {
      expect(messageProblems(build(limit))).toEqual([]);
      expect(messageProblems(build(limit + 1))).toContain(problem);
    },
  );

  it("counts code points, not UTF-16 units", () => {
    expect(messageProblems({ content: "🦞".repeat(2000) })).toEqual([]);
    expect(messageProblems({ content: "🦞".repeat(2001) })).toEqual([
      "content:BASE_TYPE_MAX_LENGTH",
    ]);
  });

  it("rejects blank field names and values, a select sharing its row, duplicate custom ids", () => {
    expect(messageProblems({ embeds: [{ fields: [{ name: " ", value: "" }] }] })).toEqual([
      "embeds.0.fields.0.name:BASE_TYPE_REQUIRED",
      "embeds.0.fields.0.value:BASE_TYPE_REQUIRED",
    ]);
    expect(messageProblems({ components: [row(select(2), button("b"))] })).toContain(
      "components.0.components:COMPONENT_LAYOUT_WIDTH_EXCEEDED",
    );
    expect(messageProblems({ components: [row(button("same")), row(button("same"))] })).toContain(
      "components.1.components.0.custom_id:COMPONENT_CUSTOM_ID_DUPLICATED",
    );
  });

  it("rejects an empty message, but not an edit that only changes components", () => {
    expect(messageProblems({ content: "   " })).toEqual(["EMPTY"]);
    expect(messageProblems({ components: [] }, false)).toEqual([]);
  });

  it("strips what Python strips: the ASCII separators and U+0085, not U+FEFF", () => {
    expect(messageProblems({ content: "\u001f\u0085 " })).toEqual(["EMPTY"]);
    expect(messageProblems({ embeds: [{ fields: [{ name: "\u001c", value: "v" }] }] })).toEqual([
      "embeds.0.fields.0.name:BASE_TYPE_REQUIRED",
    ]);
    expect(messageProblems({ content: "\ufeff" })).toEqual([]);
  });

  it("counts an embed that shows nothing (only a colour) as no content", () => {
    expect(messageProblems({ embeds: [{ color: 0x2f6fb0 }] })).toEqual(["EMPTY"]);
    expect(messageProblems({ embeds: [{}] })).toEqual(["EMPTY"]);
    expect(messageProblems({ embeds: [{ color: 1, footer: { text: "source" } }] })).toEqual([]);
    expect(messageProblems({ embeds: [{ image: { url: "attachment://a.png" } }] })).toEqual([]);
    expect(messageProblems({ content: "x", embeds: [{ color: 1 }] })).toEqual([]);
    expect(isEmptyMessage({ content: "", embeds: [{ type: "rich", color: 1 }] })).toBe(true);
  });

  it("lets a single-choice menu preselect one option, not two", () => {
    const preselect = (count: number, extra: Record<string, unknown> = {}) => {
      const menu = select(3, extra);
      const options = menu.options as Record<string, unknown>[];
      options.forEach((option, index) => (option.default = index < count));
      return { components: [row(menu)] };
    };
    expect(messageProblems(preselect(1))).toEqual([]);
    expect(messageProblems(preselect(2))).toEqual([
      "components.0.components.0.options:SELECT_COMPONENT_TOO_MANY_DEFAULT_OPTIONS",
    ]);
    expect(messageProblems(preselect(2, { max_values: 2 }))).toEqual([]);
  });

  it("rejects contradictory allowed_mentions", () => {
    expect(
      messageProblems({ content: "x", allowed_mentions: { parse: ["users"], users: ["123"] } }),
    ).toContain("allowed_mentions.users:ALLOWED_MENTIONS_PARSE_EXCLUSIVE");
  });
});

describe("unicode", () => {
  const problems = (body: unknown): string[] => {
    const errors = new FormErrors();
    checkWellFormedStrings(errors, [], body);
    return errors.problems.map((problem) => `${problem.path}:${problem.code}`);
  };

  it("rejects half an emoji anywhere in a body, and accepts whole ones", () => {
    expect(problems({ content: "🦞 e\u0301 \u200b", embeds: [{ title: "中国" }] })).toEqual([]);
    expect(
      problems({
        content: "cut \ud83e",
        components: [row(button("ask:\udd9e"))],
        choices: [{ name: "x", value: "\ud83e\ud83e\udd9e" }],
      }),
    ).toEqual([
      "content:STRING_TYPE_INVALID_UNICODE",
      "components.0.components.0.custom_id:STRING_TYPE_INVALID_UNICODE",
      "choices.0.value:STRING_TYPE_INVALID_UNICODE",
    ]);
  });
});

describe("attachments on edits (API v10)", () => {
  const upload = (index: number, name: string): UploadedFile => ({
    field: `files[${index}]`,
    name,
    contentType: "image/png",
    size: 3,
    data: Buffer.from("png"),
  });
  const old = {
    content: "",
    embeds: [{ title: "t" }],
    attachments: [{ id: "900", filename: "old.png" }],
  };
  const names = (message: Record<string, unknown>): unknown[] =>
    (message.attachments as Record<string, unknown>[]).map((item) => item.filename);

  it("keeps exactly the attachments the list names, new uploads by their index", () => {
    const base = "http://x";
    const edit = (body: Record<string, unknown>, files: UploadedFile[]) =>
      names(mergeMessage(old, body, files, base, { editing: true }));
    expect(edit({}, [upload(0, "new.png")])).toEqual(["old.png", "new.png"]);
    expect(edit({ attachments: [] }, [upload(0, "new.png")])).toEqual([]);
    expect(edit({ attachments: [{ id: "0" }] }, [upload(0, "new.png")])).toEqual(["new.png"]);
    expect(edit({ attachments: [{ id: "900" }] }, [])).toEqual(["old.png"]);
    // A new message keeps every upload.
    expect(names(mergeMessage({}, { attachments: [] }, [upload(0, "a.png")], base))).toEqual([
      "a.png",
    ]);
  });
});

describe("autocomplete choices", () => {
  const problems = (choices: unknown[]): string[] => {
    const errors = new FormErrors();
    validateAutocompleteChoices(errors, ["data"], { choices }, 3);
    return errors.problems.map((problem) => `${problem.path}:${problem.code}`);
  };

  it("accepts 25 choices of 100 characters, rejects 26, empty names and long values", () => {
    const choice = { name: text(100), value: text(100) };
    expect(problems(Array.from({ length: 25 }, () => choice))).toEqual([]);
    expect(problems(Array.from({ length: 26 }, () => choice))).toEqual([
      "data.choices:BASE_TYPE_MAX_LENGTH",
    ]);
    expect(problems([{ name: "", value: "v" }])).toEqual([
      "data.choices.0.name:BASE_TYPE_REQUIRED",
    ]);
    expect(problems([{ name: "n", value: text(101) }])).toEqual([
      "data.choices.0.value:BASE_TYPE_MAX_LENGTH",
    ]);
  });
});

describe("command definitions", () => {
  const problems = (command: Record<string, unknown>): string[] => {
    const errors = new FormErrors();
    validateCommandDefinition(errors, [], command);
    return errors.problems.map((problem) => `${problem.path}:${problem.code}`);
  };
  const option = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    type: 3,
    name,
    description: "d",
    ...extra,
  });

  it("accepts localised names in any script, and a context-menu name with spaces", () => {
    expect(
      problems({
        name: "policy",
        name_localizations: { "zh-CN": "政策", "zh-TW": "政策" },
        description: "x",
        description_localizations: { "zh-CN": "集群政策概览" },
        options: [
          option("name", {
            required: true,
            name_localizations: { "zh-CN": "名称" },
            description_localizations: { "zh-CN": "政策" },
          }),
          option("section", {
            choices: [{ name: "Budget", value: "budget", name_localizations: { "zh-CN": "预算" } }],
          }),
        ],
      }),
    ).toEqual([]);
    expect(
      problems({
        type: 3,
        name: "Ask policybot",
        name_localizations: { "zh-CN": "询问 policybot" },
      }),
    ).toEqual([]);
  });

  it("accepts a well-formed command", () => {
    expect(
      problems({
        name: "policy",
        description: "x",
        options: [option("name", { required: true }), option("section")],
      }),
    ).toEqual([]);
  });

  it.each([
    [{ name: "Policy", description: "x" }, "name:APPLICATION_COMMAND_INVALID_NAME"],
    [{ name: "has space", description: "x" }, "name:APPLICATION_COMMAND_INVALID_NAME"],
    [{ name: text(33), description: "x" }, "name:BASE_TYPE_MAX_LENGTH"],
    [{ name: "ok", description: "" }, "description:BASE_TYPE_REQUIRED"],
    [{ name: "ok", description: text(101) }, "description:BASE_TYPE_MAX_LENGTH"],
    [
      {
        name: "ok",
        description: "x",
        options: Array.from({ length: 26 }, (_, i) => option(`o${i}`)),
      },
      "options:BASE_TYPE_MAX_LENGTH",
    ],
    [
      { name: "ok", description: "x", options: [option("a"), option("b", { required: true })] },
      "options.1.required:APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
    ],
    [
      {
        name: "ok",
        description: "x",
        options: [option("a", { min_length: 10, max_length: 5 })],
      },
      "options.0.min_length:APPLICATION_COMMAND_OPTION_LENGTH_INVALID",
    ],
    [
      { name: "ok", description: "x", integration_types: [0, 2] },
      "integration_types.1:BASE_TYPE_CHOICES",
    ],
    [
      { name: "ok", description: "x", options: [option("a"), option("a")] },
      "options.1.name:APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
    ],
    [
      {
        name: "ok",
        description: "x",
        options: [option("a", { autocomplete: true, choices: [{ name: "n", value: "v" }] })],
      },
      "options.0.autocomplete:AUTOCOMPLETE_AND_CHOICES_MUTUALLY_EXCLUSIVE",
    ],
    [
      {
        name: "ok",
        description: "x",
        options: [option("a", { choices: [{ name: "n", value: text(101) }] })],
      },
      "options.0.choices.0.value:BASE_TYPE_MAX_LENGTH",
    ],
    [
      {
        name: "ok",
        description: text(100),
        options: Array.from({ length: 25 }, (_, i) =>
          option(`o${i}`, {
            description: text(100),
            choices: Array.from({ length: 2 }, () => ({ name: text(100), value: "v" })),
          }),
        ),
      },
      ":APPLICATION_COMMAND_TOO_LARGE",
    ],
    [
      { name: "ok", description: "x", name_localizations: { "zh-CN": "有 空格" } },
      "name_localizations.zh-CN:APPLICATION_COMMAND_INVALID_NAME",
    ],
    [
      { name: "ok", description: "x", name_localizations: { "zh-CN": "Policy" } },
      "name_localizations.zh-CN:APPLICATION_COMMAND_INVALID_NAME",
    ],
    [
      { name: "ok", description: "x", name_localizations: { "zh-CN": "政".repeat(33) } },
      "name_localizations.zh-CN:BASE_TYPE_MAX_LENGTH",
    ],
    [
      { name: "ok", description: "x", name_localizations: { zh: "政策" } },
      "name_localizations.zh:BASE_TYPE_CHOICES",
    ],
    [
      { name: "ok", description: "x", description_localizations: { "zh-CN": "" } },
      "description_localizations.zh-CN:BASE_TYPE_REQUIRED",
    ],
    [
      {
        name: "ok",
        description: "x",
        options: [
          option("a", { name_localizations: { "zh-CN": "政策" } }),
          option("b", { name_localizations: { "zh-CN": "政策" } }),
        ],
      },
      "options.1.name_localizations.zh-CN:APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
    ],
    [
      {
        name: "ok",
        description: "x",
        options: [
          option("a", {
            choices: [{ name: "n", value: "v", name_localizations: { "zh-CN": text(101) } }],
          }),
        ],
      },
      "options.0.choices.0.name_localizations.zh-CN:BASE_TYPE_MAX_LENGTH",
    ],
    [
      { type: 3, name: "Ask policybot", description_localizations: { "zh-CN": "说明" } },
      "description:APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION",
    ],
    [
      {
        name: "ok",
        description: "x",
        description_localizations: { "zh-CN": text(100) },
        options: Array.from({ length: 25 }, (_, i) =>
          option(`o${i}`, {
            description: "d",
            description_localizations: { "zh-CN": text(100) },
            choices: Array.from({ length: 1 }, () => ({
              name: "n",
              value: "v",
              name_localizations: { "zh-CN": text(60) },
            })),
          }),
        ),
      },
      ":APPLICATION_COMMAND_TOO_LARGE",
    ],
  ])("rejects %j with %s", (command, problem) => {
    expect(problems(command)).toContain(problem);
  });
});

describe("pings", () => {
  it("follows allowed_mentions like Discord", () => {
    const content = "@everyone <@&1500000000000000001> <@1400000000000000002>";
    expect(resolvePings(content, null, true)).toEqual({
      everyone: true,
      users: ["1400000000000000002"],
      roles: ["1500000000000000001"],
      repliedUser: true,
    });
    expect(resolvePings(content, { parse: [] }, true)).toEqual({
      everyone: false,
      users: [],
      roles: [],
      repliedUser: false,
    });
    expect(
      resolvePings(content, { parse: ["roles"], users: ["1400000000000000002"] }, false),
    ).toEqual({
      everyone: false,
      users: ["1400000000000000002"],
      roles: ["1500000000000000001"],
      repliedUser: false,
    });
  });
});
