import { isRecord, pythonStrip } from "./form-errors.ts";
import { embedShowsSomething } from "./message-rules.ts";
import type { UploadedFile } from "./http-body.ts";

export const EPHEMERAL = 1 << 6;
/** A deferred response still showing "thinking…". */
export const LOADING = 1 << 7;

export function isLoading(raw: Record<string, unknown>): boolean {
  return typeof raw.flags === "number" && (raw.flags & LOADING) !== 0;
}

export function isEmptyMessage(raw: Record<string, unknown>): boolean {
  const content = typeof raw.content === "string" ? pythonStrip(raw.content) : "";
  const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
  return (
    content === "" &&
    (Array.isArray(raw.embeds) ? raw.embeds : []).filter(
      (embed) => isRecord(embed) && embedShowsSomething(embed),
    ).length === 0 &&
    count(raw.components) === 0 &&
    count(raw.attachments) === 0 &&
    count(raw.sticker_items) === 0
  );
}

/**
 * Applies a create/edit body to a message as Discord does (present fields replace). On an edit
 * with an `attachments` list, API v10 keeps exactly what the list names: old attachments by id and
 * new uploads by their `files[n]` index; an upload the list leaves out is dropped.
 */
export function mergeMessage(
  base: Record<string, unknown>,
  body: Record<string, unknown>,
  files: UploadedFile[],
  attachmentBase: string,
  options: { editing?: boolean } = {},
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...base };
  if (body.content !== undefined) next.content = body.content ?? "";
  if (body.embeds !== undefined) {
    next.embeds = Array.isArray(body.embeds)
      ? body.embeds.map((embed) => (isRecord(embed) ? { type: "rich", ...embed } : embed))
      : [];
  }
  if (body.components !== undefined) next.components = body.components ?? [];
  if (body.flags !== undefined && body.flags !== null) next.flags = body.flags;
  if (body.tts !== undefined) next.tts = body.tts;
  const kept = Array.isArray(base.attachments) ? base.attachments : [];
  const keptIds = Array.isArray(body.attachments)
    ? new Set(body.attachments.map((item) => (isRecord(item) ? String(item.id) : "")))
    : null;
  const existing = keptIds
    ? kept.filter((item) => isRecord(item) && keptIds.has(String(item.id)))
    : kept;
  const uploaded = files.filter(
    (file) => !options.editing || keptIds === null || keptIds.has(uploadIndex(file)),
  );
  const added = uploaded.map((file, index) => {
    const id = `${Date.now()}${index}`;
    return {
      id,
      filename: file.name,
      size: file.size,
      url: `${attachmentBase}/${id}/${file.name}`,
      proxy_url: `${attachmentBase}/${id}/${file.name}`,
      content_type: file.contentType,
    };
  });
  next.attachments = [...existing, ...added];
  return next;
}

/** `files[3]` → "3", the id an `attachments` entry uses for a new upload. */
function uploadIndex(file: UploadedFile): string {
  return /^files\[(\d+)\]$/.exec(file.field)?.[1] ?? file.field;
}
