import { z } from "zod";

/**
 * Typed views of what the bot sent, for assertions. The server has already checked the payload
 * against Discord's rules; these schemas only give tests typed access to the parts they read.
 */
export const EmbedView = z.looseObject({
  title: z.string().optional(),
  description: z.string().optional(),
  url: z.string().optional(),
  color: z.number().optional(),
  fields: z
    .array(z.looseObject({ name: z.string(), value: z.string(), inline: z.boolean().optional() }))
    .optional(),
  footer: z.looseObject({ text: z.string() }).optional(),
  author: z.looseObject({ name: z.string() }).optional(),
  image: z.looseObject({ url: z.string() }).optional(),
  thumbnail: z.looseObject({ url: z.string() }).optional(),
});
export type EmbedView = z.infer<typeof EmbedView>;

export const ComponentView = z.looseObject({
  type: z.number(),
  custom_id: z.string().optional(),
  label: z.string().optional(),
  style: z.number().optional(),
  url: z.string().optional(),
  disabled: z.boolean().optional(),
  placeholder: z.string().optional(),
  options: z
    .array(
      z.looseObject({
        label: z.string(),
        value: z.string(),
        description: z.string().optional(),
        default: z.boolean().optional(),
      }),
    )
    .optional(),
});
export type ComponentView = z.infer<typeof ComponentView>;

export const ActionRowView = z.looseObject({
  type: z.number(),
  components: z.array(ComponentView).default([]),
});
export type ActionRowView = z.infer<typeof ActionRowView>;

export const AllowedMentionsView = z.looseObject({
  parse: z.array(z.string()).optional(),
  users: z.array(z.string()).optional(),
  roles: z.array(z.string()).optional(),
  replied_user: z.boolean().optional(),
});
export type AllowedMentionsView = z.infer<typeof AllowedMentionsView>;

export const ChoiceView = z.object({ name: z.string(), value: z.union([z.string(), z.number()]) });
export type ChoiceView = z.infer<typeof ChoiceView>;

/** Who a message would notify on Discord, given its content and `allowed_mentions`. */
export interface Pings {
  everyone: boolean;
  users: string[];
  roles: string[];
  repliedUser: boolean;
}

/**
 * Discord's mention resolution: with no `allowed_mentions`, every mention in the content pings;
 * with it, only the listed kinds/ids do; `replied_user` defaults to true without it.
 * Embeds never ping.
 */
export function resolvePings(
  content: string,
  allowedMentions: AllowedMentionsView | null,
  isReply: boolean,
): Pings {
  const userIds = [...content.matchAll(/<@!?(\d{17,20})>/g)].map((match) => match[1] ?? "");
  const roleIds = [...content.matchAll(/<@&(\d{17,20})>/g)].map((match) => match[1] ?? "");
  const everyone = /@(everyone|here)/.test(content);
  if (allowedMentions === null) {
    return { everyone, users: unique(userIds), roles: unique(roleIds), repliedUser: isReply };
  }
  const parse = allowedMentions.parse ?? [];
  const users = parse.includes("users")
    ? userIds
    : userIds.filter((id) => allowedMentions.users?.includes(id));
  const roles = parse.includes("roles")
    ? roleIds
    : roleIds.filter((id) => allowedMentions.roles?.includes(id));
  return {
    everyone: everyone && parse.includes("everyone"),
    users: unique(users),
    roles: unique(roles),
    repliedUser: isReply && allowedMentions.replied_user === true,
  };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
