import { z } from "zod";

/**
 * The part of an incoming interaction the bot reads, as Discord sends it over HTTP. Anything
 * else Discord adds is let through unread; anything the bot reads is checked here first.
 */

const Snowflake = z.string().regex(/^\d{1,20}$/);

export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;

export const CallbackType = {
  Pong: 1,
  ChannelMessage: 4,
  DeferredChannelMessage: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
} as const;

const OptionValue = z.union([z.string(), z.number(), z.boolean()]);

export const CommandOption = z.looseObject({
  name: z.string().max(100),
  type: z.number().int(),
  value: OptionValue.optional(),
  focused: z.boolean().optional(),
});
export type CommandOption = z.infer<typeof CommandOption>;

/** A message as Discord resolves it into a message command (content with no intent needed). */
const ResolvedMessage = z.looseObject({ id: Snowflake, content: z.string().max(10_000) });

const CommandData = z.looseObject({
  name: z.string().min(1).max(100),
  /** 1 = slash command; 2 and 3 are user and message context-menu commands. */
  type: z.number().int().optional(),
  options: z.array(CommandOption).max(25).optional(),
  /** Message commands: the message used on, resolved below. */
  target_id: Snowflake.optional(),
  resolved: z
    .looseObject({ messages: z.record(z.string(), ResolvedMessage).optional() })
    .optional(),
});

const ComponentData = z.looseObject({
  custom_id: z.string().max(100),
  component_type: z.number().int(),
  values: z.array(z.string().max(100)).max(25).optional(),
});

const User = z.looseObject({ id: Snowflake });

const Common = {
  id: Snowflake,
  application_id: Snowflake,
  token: z.string().min(1).max(1000),
  channel_id: Snowflake.optional(),
  guild_id: Snowflake.optional(),
  member: z.looseObject({ user: User }).optional(),
  user: User.optional(),
  /** "0": the server that installed the app (guild install); "1": the user (user install). */
  authorizing_integration_owners: z.record(z.string(), z.string()).optional(),
  /** The user's client language (Discord's codes: en-US, zh-CN, …). */
  locale: z.string().max(20).optional(),
};

export const IncomingInteraction = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal(InteractionType.Ping), id: Snowflake }),
  z.looseObject({
    ...Common,
    type: z.literal(InteractionType.ApplicationCommand),
    data: CommandData,
  }),
  z.looseObject({ ...Common, type: z.literal(InteractionType.Autocomplete), data: CommandData }),
  z.looseObject({
    ...Common,
    type: z.literal(InteractionType.MessageComponent),
    data: ComponentData,
    message: z.looseObject({ id: Snowflake, flags: z.number().int().optional() }),
  }),
  z.looseObject({ ...Common, type: z.literal(InteractionType.ModalSubmit) }),
]);
export type IncomingInteraction = z.infer<typeof IncomingInteraction>;
export type RepliableInteraction = Exclude<IncomingInteraction, { type: 1 }>;
export type CommandInteraction = Extract<IncomingInteraction, { type: 2 }>;
export type AutocompleteInteraction = Extract<IncomingInteraction, { type: 4 }>;
export type ComponentInteraction = Extract<IncomingInteraction, { type: 3 }>;

/** Who acted: a member in a server, a user in a DM. */
export function actingUserId(interaction: RepliableInteraction): string | null {
  return interaction.member?.user.id ?? interaction.user?.id ?? null;
}
