import { describe, expect, it } from "vitest";
import { validateCommandDefinition } from "./command-rules.ts";
import { FormErrors } from "./form-errors.ts";
import { validateAutocompleteChoices, validateMessageBody } from "./message-rules.ts";
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

  it("rejects contradictory allowed_mentions", () => {
    expect(
      messageProblems({ content: "x", allowed_mentions: { parse: ["users"], users: ["123"] } }),
    ).toContain("allowed_mentions.users:ALLOWED_MENTIONS_PARSE_EXCLUSIVE");
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
