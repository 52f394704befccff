import { ComponentType, MessageFlags } from "discord.js";
import type { DiscordReplyPayload } from "../../src/render/discord.ts";

/**
 * Everything Discord would reject in a reply, checked independently of the renderer (the
 * numbers are written out here on purpose, from Discord's documentation). Empty: Discord accepts it.
 */
export function payloadProblems(payload: DiscordReplyPayload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  // Discord strips Python's whitespace, which includes U+001C–U+001F and U+0085.
  // eslint-disable-next-line no-control-regex -- the separators Discord strips
  const blank = (text: string) => /^[\s\x1c-\x1f\x85]*$/.test(text);

  // Half an emoji cannot be encoded as UTF-8: Discord fails the request (discord-api-docs#6561).
  check(!payloadStrings(payload).some(hasLoneSurrogate), "lone surrogate");
  check(
    JSON.stringify(payload.allowedMentions) === JSON.stringify({ parse: [] }),
    `allowedMentions is ${JSON.stringify(payload.allowedMentions)}`,
  );
  if (payload.flags !== undefined)
    check(payload.flags === MessageFlags.Ephemeral, "unexpected flags");
  if (payload.content !== undefined) {
    check(payload.content.length <= 2000, `content ${payload.content.length} > 2000`);
    check(!blank(payload.content), "blank content");
  }
  check(
    (payload.content?.length ?? 0) > 0 || payload.embeds.length > 0 || payload.files.length > 0,
    "empty message",
  );

  check(payload.embeds.length <= 10, `${payload.embeds.length} embeds`);
  let total = 0;
  payload.embeds.forEach((embed, e) => {
    const at = `embeds[${e}]`;
    if (embed.title !== undefined) {
      check(embed.title.length <= 256, `${at}.title ${embed.title.length}`);
      check(!blank(embed.title), `${at}.title blank`);
      total += embed.title.length;
    }
    if (embed.description !== undefined) {
      check(embed.description.length <= 4096, `${at}.description ${embed.description.length}`);
      check(!blank(embed.description), `${at}.description blank`);
      total += embed.description.length;
    }
    if (embed.footer) {
      check(embed.footer.text.length <= 2048, `${at}.footer ${embed.footer.text.length}`);
      check(!blank(embed.footer.text), `${at}.footer blank`);
      total += embed.footer.text.length;
    }
    if (embed.author) {
      check(embed.author.name.length <= 256, `${at}.author ${embed.author.name.length}`);
      total += embed.author.name.length;
    }
    const fields = embed.fields ?? [];
    check(
      embed.title !== undefined ||
        embed.description !== undefined ||
        fields.length > 0 ||
        embed.footer !== undefined ||
        embed.author !== undefined ||
        embed.image !== undefined ||
        embed.thumbnail !== undefined,
      `${at} shows nothing`,
    );
    check(fields.length <= 25, `${at} has ${fields.length} fields`);
    fields.forEach((field, f) => {
      check(field.name.length <= 256 && !blank(field.name), `${at}.fields[${f}].name`);
      check(field.value.length <= 1024 && !blank(field.value), `${at}.fields[${f}].value`);
      total += field.name.length + field.value.length;
    });
    const image = embed.image?.url;
    if (image?.startsWith("attachment://")) {
      const name = image.slice("attachment://".length);
      check(
        payload.files.some((file) => file.name === name),
        `${at}.image points at missing ${name}`,
      );
    }
  });
  check(total <= 6000, `embeds total ${total} > 6000`);

  check(payload.components.length <= 5, `${payload.components.length} action rows`);
  const ids = new Set<string>();
  const uniqueId = (id: string, where: string) => {
    check(id.length >= 1 && id.length <= 100, `${where}.custom_id length ${id.length}`);
    check(!ids.has(id), `${where}.custom_id duplicated`);
    ids.add(id);
  };
  payload.components.forEach((row, r) => {
    check(row.type === ComponentType.ActionRow, `components[${r}] is not an action row`);
    check(row.components.length >= 1 && row.components.length <= 5, `components[${r}] size`);
    row.components.forEach((component, c) => {
      const at = `components[${r}][${c}]`;
      if (component.type === ComponentType.Button) {
        if ("label" in component && component.label !== undefined) {
          check(component.label.length >= 1 && component.label.length <= 80, `${at}.label`);
          check(!blank(component.label), `${at}.label blank`);
        }
        if ("custom_id" in component) uniqueId(component.custom_id, at);
      } else if (component.type === ComponentType.StringSelect) {
        check(row.components.length === 1, `${at} select shares its row`);
        uniqueId(component.custom_id, at);
        check(component.options.length >= 1 && component.options.length <= 25, `${at}.options`);
        if (component.placeholder !== undefined) {
          check(component.placeholder.length <= 150, `${at}.placeholder`);
        }
        const preselected = component.options.filter((option) => option.default === true);
        check(
          preselected.length <= (component.max_values ?? 1),
          `${at} preselects ${preselected.length} options`,
        );
        const values = new Set<string>();
        component.options.forEach((option, o) => {
          check(
            option.label.length >= 1 && option.label.length <= 100,
            `${at}.options[${o}].label`,
          );
          check(
            option.value.length >= 1 && option.value.length <= 100,
            `${at}.options[${o}].value`,
          );
          check(!values.has(option.value), `${at}.options[${o}].value duplicated`);
          values.add(option.value);
          if (option.description !== undefined) {
            check(option.description.length <= 100, `${at}.options[${o}].description`);
          }
        });
      } else {
        problems.push(`${at} has unexpected type ${component.type}`);
      }
    });
  });
  return problems;
}

/** True when the text contains a UTF-16 surrogate without its partner. */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/** Every string Discord would receive: what the reader sees plus custom ids and option values. */
function payloadStrings(payload: DiscordReplyPayload): string[] {
  const strings = [payloadText(payload)];
  for (const embed of payload.embeds) strings.push(embed.author?.name ?? "");
  for (const row of payload.components) {
    for (const component of row.components) {
      if ("custom_id" in component) strings.push(component.custom_id);
      if (component.type === ComponentType.StringSelect) {
        strings.push(component.placeholder ?? "");
        for (const option of component.options) {
          strings.push(option.value, option.description ?? "");
        }
      }
    }
  }
  return strings;
}

/** Every piece of text in a payload, for checks such as "the user's text is in there". */
export function payloadText(payload: DiscordReplyPayload): string {
  const parts: string[] = [payload.content ?? ""];
  for (const embed of payload.embeds) {
    parts.push(embed.title ?? "", embed.description ?? "", embed.footer?.text ?? "");
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  for (const row of payload.components) {
    for (const component of row.components) {
      if ("label" in component && component.label) parts.push(component.label);
      if (component.type === ComponentType.StringSelect) {
        for (const option of component.options) parts.push(option.label);
      }
    }
  }
  return parts.join("\n");
}
