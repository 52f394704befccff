import type {
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import type { Answer } from "./answers/types.ts";
import type { PolicyField } from "./dataset/schema.ts";
import type { Choice, Engine } from "./engine.ts";
import { t, type Locale } from "./i18n/catalog.ts";

/**
 * What a command hands back, independent of where it is shown. The Discord renderer turns it
 * into embeds, components and attachments; the text renderer into terminal lines.
 */
export interface ReplyView {
  answer: Answer;
  /** Only the asking user sees it (errors, refusals). */
  ephemeral?: boolean;
  /** Offer a section switcher under a policy card (Discord: a select menu). */
  sectionMenu?: { policy: string; current: PolicyField | null };
  /** Offer these questions as one-press follow-ups (Discord: buttons). */
  suggestionButtons?: string[];
  /** A picture to attach: the maturity chart or a timeline of policy periods. */
  image?: "maturity" | "timeline";
  /** Offer to post this question's answer for everyone (Discord: a button under a private answer). */
  shareQuestion?: string;
  /** Files to attach as they are (a dataset export). */
  files?: AttachedFile[];
  /**
   * The language of the bot's own words in this reply, when the command knows better than the
   * reader's client (a question written in Chinese); otherwise the reader's.
   */
  locale?: Locale;
}

/** A file a reply carries: Discord attaches it, the console writes it to disk. */
export interface AttachedFile {
  name: string;
  data: Buffer;
  description?: string;
}

/**
 * An error meant for the user: its message is shown as is (in the reader's language when it was
 * made from a catalogue key). Anything else is an internal failure.
 */
export class UserError extends Error {
  override readonly name = "UserError";
  constructor(
    message: string,
    readonly key?: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }

  /** The message in `locale` (English is the thrown message). */
  inLocale(locale: Locale): string {
    return this.key === undefined ? this.message : t(locale, this.key, this.params);
  }
}

/** A UserError from the catalogue: English as its message, other languages when it is shown. */
export function userError(
  key: string,
  params: Readonly<Record<string, string | number>> = {},
): UserError {
  return new UserError(t("en", key, params), key, params);
}

/** Typed access to a command's options, whether they came from Discord or a console line. */
export interface CommandOptions {
  getString(name: string): string | null;
  /** Throws a UserError naming the option when it is missing. */
  getRequiredString(name: string): string;
}

export interface CommandContext {
  engine: Engine;
  options: CommandOptions;
  /** The reader's language (Discord: the client's locale); English when absent. */
  locale?: Locale;
  reply(view: ReplyView): Promise<void>;
}

export interface AutocompleteContext {
  engine: Engine;
  options: CommandOptions;
  focused: { name: string; value: string };
}

/** A slash command module: `commands/<name>.ts` exports one of these (the discord.js guide's shape). */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /**
   * Needs the bot in the server (it is registered for guild installs and guild channels only).
   * Every other command works anywhere: user installs, the bot's DM, group DMs.
   */
  guildOnly?: boolean;
  execute(ctx: CommandContext): Promise<void>;
  autocomplete?(ctx: AutocompleteContext): Choice[];
}

/** The message a context-menu command was used on, as Discord hands it in the interaction. */
export interface TargetMessage {
  id: string;
  content: string;
}

export interface MessageCommandContext {
  engine: Engine;
  message: TargetMessage;
  /** The reader's language (Discord: the client's locale); English when absent. */
  locale?: Locale;
  reply(view: ReplyView): Promise<void>;
}

/**
 * A message context-menu command (right-click a message → Apps): a name, no description or
 * options; Discord hands over the message it was used on, so no Message Content intent is needed.
 */
export interface MessageCommand {
  data: { name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  execute(ctx: MessageCommandContext): Promise<void>;
}
